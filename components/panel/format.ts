// Dates, relative times and labels for the panel, in English like the rest of its words.
// No Intl here, on purpose: the first Intl object a page makes costs 15–25 ms of ICU start-up on the
// page's main thread (measured in Chromium, bench/RESULTS.md 3), which was most of the panel's first
// render; CRM pages that never touch Intl would pay it for us. Date getters use the local time zone.
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** What a count of 1 is called next to "last" / "next" (yesterday and tomorrow for days). */
const ONE: Record<string, [past: string, future: string]> = {
  day: ['yesterday', 'tomorrow'],
  week: ['last week', 'next week'],
  month: ['last month', 'next month'],
  year: ['last year', 'next year'],
};

/** "3 minutes ago", "in 3 days", "yesterday", "now": `at` relative to `now`. */
export function relativeTime(at: number, now: number): string {
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return 'now';
  const [unit, size] =
    abs < 45 * MINUTE ? ['minute', MINUTE]
    : abs < 22 * HOUR ? ['hour', HOUR]
    : abs < 6.5 * DAY ? ['day', DAY]
    : abs < 4 * WEEK ? ['week', WEEK]
    : abs < 11 * MONTH ? ['month', MONTH]
    : ['year', YEAR] as const;
  // Rounding toward the nearer unit.
  const n = Math.max(1, Math.round(abs / size));
  const one = ONE[unit];
  if (n === 1 && one) return diff < 0 ? one[0] : one[1];
  const amount = `${count(n)} ${unit}${n === 1 ? '' : 's'}`;
  return diff < 0 ? `${amount} ago` : `in ${amount}`;
}

/** "ends in 3 days" / "ended yesterday" for an expiry at `until`. */
export function expiryText(until: number, now: number): string {
  return (until > now ? 'ends ' : 'ended ') + relativeTime(until, now);
}

const calendarDay = (d: Date, withYear: boolean) =>
  `${MONTHS[d.getMonth()]} ${d.getDate()}${withYear ? `, ${d.getFullYear()}` : ''}`;

/** Full date and time for title attributes: "Mar 3, 2025, 10:00 AM" (local time). */
export function exactDate(at: number): string {
  const d = new Date(at);
  const hours = d.getHours();
  const minutes = String(d.getMinutes()).padStart(2, '0');
  return `${calendarDay(d, true)}, ${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** A short calendar day: "Apr 1", with the year only when it is not `now`'s year. */
export function shortDate(at: number, now: number): string {
  const d = new Date(at);
  return calendarDay(d, d.getFullYear() !== new Date(now).getFullYear());
}

/** "1,234". */
export function count(n: number): string {
  const [whole = '', fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
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

/** "Email", "Email and SMS", "Email, SMS, and Ads". */
export function channelList(channels: readonly Channel[]): string {
  const labels = channels.map((c) => CHANNEL_LABELS[c]);
  if (labels.length < 3) return labels.join(' and ');
  return `${labels.slice(0, -1).join(', ')}, and ${labels.at(-1)}`;
}

/** Account / Contact / Lead: the CRM's object name wins when it says "lead". */
export function kindLabel(ref: RecordRef): string {
  if (/^leads?$/i.test(ref.objectType)) return 'Lead';
  return ref.kind === 'account' ? 'Account' : 'Contact';
}
