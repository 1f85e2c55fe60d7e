import type { RecordKind } from '../model/crm-ids';
import { normalText, type RecordFacts } from './record-facts';
import type { Conditions } from './schema';

// Conditions compiled once per pack (sets of normalised values), so a 1,000-rule pack costs one pass of
// set look-ups per record. The sentences for the "why this owner" line are built only for the rule that
// won, from the same data.

const TEXT_FACTS = ['objectType', 'country', 'region', 'segment', 'industry', 'lifecycleStage'] as const;
type TextFact = (typeof TEXT_FACTS)[number];

const FACT_WORDS: Record<TextFact, string> = {
  objectType: 'object type',
  country: 'country',
  region: 'region',
  segment: 'segment',
  industry: 'industry',
  lifecycleStage: 'lifecycle stage',
};

export interface CompiledConditions {
  source: Conditions;
  crm: ReadonlySet<string> | null;
  kind: ReadonlySet<string> | null;
  text: [TextFact, ReadonlySet<string>][];
  employees: { min: number; max: number } | null;
  domains: ReadonlySet<string> | null;
}

/** A record's facts, normalised once per evaluation. */
export interface RecordView {
  record: RecordFacts;
  kind: RecordKind | undefined;
  customObject: boolean;
  text: Partial<Record<TextFact, string>>;
  /** The email's domain and the web domain, each with its parent domains: `a.example.com`, `example.com`, `com`. */
  domains: { shown: string; suffixes: string[] }[];
}

export function compileConditions(when: Conditions): CompiledConditions {
  const text: [TextFact, ReadonlySet<string>][] = [];
  for (const fact of TEXT_FACTS) {
    const values = when[fact];
    if (values) text.push([fact, new Set(values.map(normalText))]);
  }
  return {
    source: when,
    crm: when.crm ? new Set(when.crm) : null,
    kind: when.kind ? new Set(when.kind) : null,
    text,
    employees: when.employeeCount ? { min: when.employeeCount.min ?? 0, max: when.employeeCount.max ?? Infinity } : null,
    domains: when.emailDomain ? new Set(when.emailDomain) : null,
  };
}

function suffixes(host: string): string[] {
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

export function viewRecord(record: RecordFacts, kind: RecordKind | undefined, customObject: boolean): RecordView {
  const text: Partial<Record<TextFact, string>> = {};
  for (const fact of TEXT_FACTS) {
    const value = record[fact];
    if (value !== undefined && value.trim() !== '') text[fact] = normalText(value);
  }
  const domains: RecordView['domains'] = [];
  const emailDomain = record.email?.includes('@') ? normalText(record.email.slice(record.email.lastIndexOf('@') + 1)) : '';
  if (emailDomain) domains.push({ shown: emailDomain, suffixes: suffixes(emailDomain) });
  const webDomain = record.domain ? normalText(record.domain).replace(/^www\./, '') : '';
  if (webDomain && webDomain !== emailDomain) domains.push({ shown: webDomain, suffixes: suffixes(webDomain) });
  return { record, kind, customObject, text, domains };
}

export function matches(c: CompiledConditions, view: RecordView): boolean {
  if (c.crm && !c.crm.has(view.record.crm)) return false;
  if (c.kind && (view.kind === undefined || !c.kind.has(view.kind))) return false;
  for (const [fact, values] of c.text) {
    const value = view.text[fact];
    if (value === undefined || !values.has(value)) return false;
  }
  if (c.employees) {
    const count = view.record.employeeCount;
    if (count === undefined || !Number.isFinite(count) || count < c.employees.min || count > c.employees.max) return false;
  }
  if (c.domains) {
    const domains = c.domains;
    if (!view.domains.some((d) => d.suffixes.some((s) => domains.has(s)))) return false;
  }
  return true;
}

/** Why a record matched, one short clause per condition: "country is DE", "employee count 120 is 50 to 200". */
export function matchedSentences(c: CompiledConditions, view: RecordView): string[] {
  const out: string[] = [];
  const { record } = view;
  if (c.crm) out.push(`CRM is ${record.crm}`);
  if (c.kind && view.kind) {
    const article = view.kind === 'account' ? 'an' : 'a';
    out.push(
      view.customObject
        ? `it is ${article} ${view.kind} (${record.crm} "${record.objectType}" counts as ${article} ${view.kind})`
        : `it is ${article} ${view.kind}`,
    );
  }
  for (const [fact] of c.text) out.push(`${FACT_WORDS[fact]} is ${record[fact]?.trim()}`);
  if (c.employees) {
    const { min, max } = c.employees;
    const range = max === Infinity ? `at least ${min}` : min === 0 ? `at most ${max}` : `${min} to ${max}`;
    out.push(`employee count ${record.employeeCount} is ${range}`);
  }
  if (c.domains) {
    const domains = c.domains;
    for (const d of view.domains) {
      const hit = d.suffixes.find((s) => domains.has(s));
      if (hit) {
        out.push(hit === d.shown ? `domain is ${hit}` : `domain ${d.shown} is under ${hit}`);
        break;
      }
    }
  }
  return out;
}
