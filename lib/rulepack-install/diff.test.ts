import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RulePack } from '../rules/schema';
import { countChanges, diffList, diffPacks, diffValues } from './diff';

const fixtures = fileURLToPath(new URL('../../test/fixtures/rulepacks/valid/', import.meta.url));
const load = (name: string) => JSON.parse(readFileSync(`${fixtures}${name}.json`, 'utf8')) as RulePack;
const everything = () => load('everything');
const minimal = () => load('minimal');

describe('diffPacks', () => {
  it('a pack against itself changes nothing', () => {
    const diff = diffPacks(everything(), everything());
    expect(diff.same).toBe(true);
    expect(countChanges(diff)).toBe(0);
  });

  it('with no active pack, everything in the new one is added', () => {
    const pack = everything();
    const diff = diffPacks(null, pack);
    expect(diff.same).toBe(false);
    expect(diff.rules.added).toEqual(pack.rules.map((r) => r.id));
    expect(diff.rules.removed).toEqual([]);
    expect(diff.slas.added).toEqual((pack.slas ?? []).map((s) => s.id));
    expect(diff.checklists.added.length).toBe(pack.checklists?.length ?? 0);
    expect(diff.about.map((c) => c.path)).toEqual(['fallback']);
    // Policies against today's defaults: only what the pack really changes.
    expect(diff.flags).toEqual(diffPacks(minimal(), pack).flags);
    expect(diffPacks(null, minimal()).flags).toEqual([]);
    expect(diffPacks(null, minimal()).warnings).toEqual([]);
  });

  it('names rules added, removed and changed by id, with the fields that changed', () => {
    const before = everything();
    const after = everything();
    const [first, second] = before.rules;
    after.rules = after.rules.filter((r) => r.id !== first!.id);
    after.rules[0] = { ...after.rules[0]!, priority: 999_999, name: 'Renamed' };
    after.rules.push({ id: 'new-rule', priority: 424_242, when: {}, assign: { owner: { kind: 'queue', id: 'q' } } });
    after.version = before.version + 1;
    const diff = diffPacks(before, after);
    expect(diff.rules.added).toEqual(['new-rule']);
    expect(diff.rules.removed).toEqual([first!.id]);
    expect(diff.rules.changed).toEqual([{ id: second!.id, fields: ['name', 'priority'] }]);
    expect(diff.about).toEqual([{ path: 'version', before: String(before.version), after: String(before.version + 1) }]);
  });

  it('tells checklists apart by their lifecycle transition, and a second one of the same transition by number', () => {
    const before = minimal();
    before.checklists = [
      { from: 'Lead', to: 'MQL', items: [{ id: 'a', label: 'Email known', requirement: { type: 'field', field: 'email' } }] },
      { from: 'Lead', to: 'MQL', when: { crm: ['hubspot'] }, items: [{ id: 'b', label: 'Consent', requirement: { type: 'consent', channel: 'email' } }] },
    ];
    const after = structuredClone(before);
    after.checklists![1]!.items.push({ id: 'c', label: 'Met', requirement: { type: 'meeting-held' } });
    after.checklists!.push({ from: 'MQL', to: 'SQL', items: [{ id: 'd', label: 'Primary contact', requirement: { type: 'primary-contact' } }] });
    const diff = diffPacks(before, after);
    expect(diff.checklists).toEqual({ added: ['MQL → SQL'], removed: [], changed: [{ id: 'Lead → MQL #2', fields: ['items'] }] });
  });

  it('compares flag and warning policies as in force: an explicit default is no change, a real one is', () => {
    const before = minimal();
    const sameAsDefault = { ...minimal(), flags: { outreach: { defaultExpiryDays: 14, setBy: ['rep', 'csm', 'marketer', 'admin'] } } } as RulePack;
    expect(diffPacks(before, sameAsDefault).flags).toEqual([]);
    const stricter = { ...minimal(), flags: { doNotMarket: { maxDays: 90, setBy: ['marketer', 'admin'], channels: ['email'] } }, warnings: { staleAfterDays: 45 } } as RulePack;
    const diff = diffPacks(before, stricter);
    expect(diff.flags.map((c) => c.path)).toEqual(['doNotMarket.channels', 'doNotMarket.maxDays', 'doNotMarket.setBy']);
    expect(diff.flags.find((c) => c.path === 'doNotMarket.maxDays')).toEqual({ path: 'doNotMarket.maxDays', before: '3650', after: '90' });
    expect(diff.warnings).toEqual([{ path: 'staleAfterDays', before: '30', after: '45' }]);
  });

  it('lists CRM reading changes (field mappings, extra hosts) and a new fallback owner', () => {
    const before = minimal();
    const after = { ...minimal(), fallback: { kind: 'person', id: 'grace@acme.test' }, fieldMappings: { salesforce: { segment: 'Customer Segment' } }, extraHosts: { odoo: ['odoo.acme.test'] } } as RulePack;
    const diff = diffPacks(before, after);
    expect(diff.crm).toEqual([
      { path: 'fieldMappings.salesforce.segment', before: undefined, after: 'Customer Segment' },
      { path: 'extraHosts.odoo', before: undefined, after: '["odoo.acme.test"]' },
    ]);
    expect(diff.about.map((c) => c.path)).toEqual(['fallback']);
  });
});

describe('diff helpers', () => {
  it('diffList keeps the new order for added ids and the old order for removed ones', () => {
    const diff = diffList([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [{ id: 'd' }, { id: 'b' }, { id: 'e' }], (x) => x.id);
    expect(diff).toEqual({ added: ['d', 'e'], removed: ['a', 'c'], changed: [] });
  });

  it('diffValues goes leaf by leaf and compares lists whole', () => {
    expect(diffValues({ a: { b: 1, c: [1, 2] } }, { a: { b: 1, c: [2, 1] }, d: 'x' })).toEqual([
      { path: 'a.c', before: '[1,2]', after: '[2,1]' },
      { path: 'd', before: undefined, after: 'x' },
    ]);
  });
});
