import { canonicalJson } from '../rules/canonical-json';
import { flagPolicy, warningsPolicy } from '../rules/policies';
import type { RulePack } from '../rules/schema';

// What an imported pack would change against the active one (issue #5), for the options page's preview.
// Pure: two packs in, a description out. Lists are matched by id (rules, pools, SLAs), checklists by their
// lifecycle transition; policies are compared as in force (defaults filled in), leaf by leaf.

export interface ListDiff {
  added: string[];
  removed: string[];
  /** Present in both, with the top-level fields that differ. */
  changed: { id: string; fields: string[] }[];
}

export interface ValueChange {
  /** `outreach.defaultExpiryDays`, `name`, `fieldMappings.salesforce.segment`… */
  path: string;
  before: string | undefined;
  after: string | undefined;
}

export interface PackDiff {
  /** True when nothing but nothing differs (same content; version and dates included). */
  same: boolean;
  /** Pack-level facts: name, version, team, dates, description, fallback owner. */
  about: ValueChange[];
  rules: ListDiff;
  pools: ListDiff;
  checklists: ListDiff;
  slas: ListDiff;
  flags: ValueChange[];
  warnings: ValueChange[];
  /** Field mappings, extra hosts and custom objects. */
  crm: ValueChange[];
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const shown = (value: unknown): string | undefined => (value === undefined ? undefined : typeof value === 'string' ? value : canonicalJson(value));

export function diffList<T extends object>(before: readonly T[], after: readonly T[], idOf: (item: T, index: number, all: readonly T[]) => string): ListDiff {
  const keyed = (list: readonly T[]) => new Map(list.map((item, i) => [idOf(item, i, list), item]));
  const old = keyed(before);
  const next = keyed(after);
  const diff: ListDiff = { added: [], removed: [], changed: [] };
  for (const [id, item] of next) {
    const was = old.get(id);
    if (!was) {
      diff.added.push(id);
      continue;
    }
    const fields = [...new Set([...Object.keys(was), ...Object.keys(item)])].filter(
      (field) => !same((was as Record<string, unknown>)[field], (item as Record<string, unknown>)[field]),
    );
    if (fields.length) diff.changed.push({ id, fields: fields.sort() });
  }
  for (const id of old.keys()) if (!next.has(id)) diff.removed.push(id);
  return diff;
}

/** Every leaf of a JSON value with its dotted path; lists are leaves (compared whole). */
function leaves(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== undefined) {
    out.set(prefix, value);
  }
  return out;
}

export function diffValues(before: unknown, after: unknown, prefix = ''): ValueChange[] {
  const old = leaves(before, prefix, new Map());
  const next = leaves(after, prefix, new Map());
  const paths = [...new Set([...old.keys(), ...next.keys()])].sort();
  return paths.filter((p) => !same(old.get(p), next.get(p))).map((path) => ({ path, before: shown(old.get(path)), after: shown(next.get(path)) }));
}

/** `lead → mql`, and `lead → mql #2` for a second checklist of the same transition (it has other conditions). */
function checklistId(list: { from: string; to: string }, index: number, all: readonly { from: string; to: string }[]): string {
  const name = `${list.from} → ${list.to}`;
  const earlier = all.slice(0, index).filter((l) => l.from === list.from && l.to === list.to).length;
  return earlier ? `${name} #${earlier + 1}` : name;
}

const ABOUT = ['name', 'version', 'team', 'issuedAt', 'expiresAt', 'description', 'fallback'] as const;

/** What `next` changes against `active`; with no active pack, everything in `next` is added. */
export function diffPacks(active: RulePack | null, next: RulePack): PackDiff {
  const base = active ?? null;
  // With no pack in force the install runs on today's defaults: policies are measured against those, and of
  // the pack's own facts only the fallback owner is news (name, version and dates are shown on their own).
  const policyBase = base ?? { ...next, flags: undefined, warnings: undefined };
  const about = (base ? ABOUT : (['fallback'] as const)).flatMap((field) =>
    same(base?.[field], next[field]) ? [] : [{ path: field, before: shown(base?.[field]), after: shown(next[field]) }],
  );
  const diff: PackDiff = {
    same: base !== null && same(base, next),
    about,
    rules: diffList(base?.rules ?? [], next.rules, (r) => r.id),
    pools: diffList(base?.pools ?? [], next.pools ?? [], (p) => p.id),
    checklists: diffList(base?.checklists ?? [], next.checklists ?? [], checklistId),
    slas: diffList(base?.slas ?? [], next.slas ?? [], (s) => s.id),
    // As in force: a pack without a "flags" section means today's defaults, so only real changes show.
    flags: diffValues(flagPolicy(policyBase), flagPolicy(next)),
    warnings: diffValues(warningsPolicy(policyBase), warningsPolicy(next)).filter((c) => !c.path.endsWith('Ms')),
    crm: [
      ...diffValues(base?.fieldMappings, next.fieldMappings, 'fieldMappings'),
      ...diffValues(base?.extraHosts, next.extraHosts, 'extraHosts'),
      ...diffValues(base?.customObjects, next.customObjects, 'customObjects'),
    ],
  };
  return diff;
}

/** How many things change, for a one-line summary. */
export function countChanges(diff: PackDiff): number {
  const list = (l: ListDiff) => l.added.length + l.removed.length + l.changed.length;
  return diff.about.length + list(diff.rules) + list(diff.pools) + list(diff.checklists) + list(diff.slas) + diff.flags.length + diff.warnings.length + diff.crm.length;
}
