// Dates, relative times and labels for the panel, in the browser's locale (Intl, no library).
// Every function takes `now` (the view's clock), never Date.now(), so output is testable and the
// panel agrees with the background that built the view.
import type { Channel } from '../../lib/model/ownership';
import type { RecordRef } from '../../lib/model/record';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

// Formatters are costly to build: one of each, made on first use (in the page's default locale). The
// first Intl object in a tab costs 15–25 ms of ICU start-up, but it is shared with the page's own scripts
// (measured: 2–3 ms in our world once the page has used Intl), and CRM pages format their dates and
// amounts with Intl before the panel comes (bench/RESULTS.md, 3).
let rtf: Intl.RelativeTimeFormat | undefined;
let dtf: Intl.DateTimeFormat | undefined;
const dayFormats = new Map<boolean, Intl.DateTimeFormat>();

/** "3 minutes ago", "in 3 days", "yesterday", "now": `at` relative to `now`. */
export function relativeTime(at: number, now: number): string {
  rtf ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return rtf.format(0, 'second');
  const [unit, size]: [Intl.RelativeTimeFormatUnit, number] =
    abs < 45 * MINUTE ? ['minute', MINUTE]
    : abs < 22 * HOUR ? ['hour', HOUR]
    : abs < 6.5 * DAY ? ['day', DAY]
    : abs < 4 * WEEK ? ['week', WEEK]
    : abs < 11 * MONTH ? ['month', MONTH]
    : ['year', YEAR];
  // Rounding toward the nearer unit; avoid "-0" by adding 0.
  return rtf.format(Math.round(diff / size) + 0, unit);
}

/** "ends in 3 days" / "ended yesterday" for an expiry at `until`. */
export function expiryText(until: number, now: number): string {
  return (until > now ? 'ends ' : 'ended ') + relativeTime(until, now);
}

/** Full date and time for title attributes: "Mar 3, 2025, 10:00 AM". */
export function exactDate(at: number): string {
  dtf ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return dtf.format(at);
}

/** A short calendar day: "Apr 1", with the year only when it is not `now`'s year. */
export function shortDate(at: number, now: number): string {
  const withYear = new Date(at).getFullYear() !== new Date(now).getFullYear();
  let f = dayFormats.get(withYear);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, withYear ? { dateStyle: 'medium' } : { month: 'short', day: 'numeric' });
    dayFormats.set(withYear, f);
  }
  return f.format(at);
}

/** "1,234" in the page's locale. */
export function count(n: number): string {
  return n.toLocaleString();
}

/** Up to two initials, from the first and last words (keeps emoji and accented letters whole). */
export function initials(name: string): string {
  // First letter or digit of each word; punctuation ("<script>", "(EMEA)") never becomes an initial.
  const letters = name
    .split(/[\s._@-]+/u)
    .map((w) => w.match(/[\p{L}\p{N}]/u)?.[0])
    .filter((l): l is string => !!l);
  const first = letters[0];
  if (!first) return '?';
  return (first + (letters.length > 1 ? letters[letters.length - 1] : '')).toLocaleUpperCase();
}

/** A stable 0..5 colour slot for an avatar, so a person keeps their colour everywhere. */
export function hue(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
  return Math.abs(h) % 6;
}

export const ROLE_LABELS: Record<string, string> = {
  sales: 'Sales',
  success: 'Customer Success',
  marketing: 'Marketing',
  queue: 'Queue',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email',
  sms: 'SMS',
  ads: 'Ads',
  'direct-mail': 'Direct mail',
  calls: 'Calls',
};

/** "Email, SMS and Ads" in the page's locale. */
export function channelList(channels: readonly Channel[]): string {
  const labels = channels.map((c) => CHANNEL_LABELS[c]);
  return typeof Intl.ListFormat === 'function' ? new Intl.ListFormat(undefined, { type: 'conjunction' }).format(labels) : labels.join(', ');
}

/** Account / Contact / Lead: the CRM's object name wins when it says "lead". */
export function kindLabel(ref: RecordRef): string {
  if (/^leads?$/i.test(ref.objectType)) return 'Lead';
  return ref.kind === 'account' ? 'Account' : 'Contact';
}
