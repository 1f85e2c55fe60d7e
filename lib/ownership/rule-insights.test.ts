import { describe, expect, it } from 'vitest';
import type { Owner, Ownership } from '../model/ownership';
import { starterPack } from '../rules/starter-pack';
import type { RulePack } from '../rules/schema';
import { relatedWarnings } from './related-warnings';
import { employeeCountOf, ruleInsights, type InsightInput } from './rule-insights';

const NOW = Date.UTC(2026, 10, 25);
const jane: Owner = { id: 'person:jane.doe@example.com', name: 'Jane Doe', kind: 'person', role: 'sales', email: 'jane.doe@example.com', active: true };
const max: Owner = { id: 'person:max', name: 'Max Mustermann', kind: 'person', role: 'sales', active: true };
const owners = new Map([jane, max].map((o) => [o.id, o]));

function pack(over: Partial<RulePack> = {}): RulePack {
  return {
    ...starterPack({ team: 't', now: NOW }),
    fieldMappings: { salesforce: { country: 'Billing Country', employeeCount: 'Employees' } },
    ...over,
  };
}

const account = (ownerId: string | null, over: Partial<Ownership> = {}): Ownership => ({
  key: 'salesforce:account:001A',
  crm: 'salesforce',
  kind: 'account',
  recordId: '001A',
  ownerId,
  supportingOwnerIds: [],
  consent: {},
  updatedAt: NOW,
  version: 1,
  ...over,
});

function input(over: Partial<InsightInput> = {}): InsightInput {
  return {
    pack: pack(),
    ref: { crm: 'salesforce', kind: 'account', recordId: '001A', objectType: 'Account' },
    facts: { name: 'Siemens', fields: { 'Billing Country': 'DE', Employees: '12,500' } },
    record: account('person:jane.doe@example.com'),
    owners,
    checklist: undefined,
    poolLoad: {},
    hasContacts: false,
    ...over,
  };
}

describe('ruleInsights', () => {
  it('reads mapped page fields, names the rule that picks the owner, and agrees when it is the owner', () => {
    const out = ruleInsights(input());
    expect(out.why).toMatchObject({ expected: 'Jane Doe', rule: 'DACH enterprise accounts', agrees: true });
    expect(out.why!.matched.join(' ')).toMatch(/DE/);
    expect(out.warnings).toEqual([]);
    expect(out.fieldLabels).toEqual(['Billing Country', 'Employees']);
  });

  it('warns when the owner is not the one the rules expect, and not when no rule would be broken', () => {
    const mismatch = ruleInsights(input({ record: account('person:max') }));
    expect(mismatch.warnings.map((w) => w.code)).toEqual(['rules-mismatch']);
    expect(mismatch.warnings[0]!.message).toMatch(/expect Jane Doe \(rule "DACH enterprise accounts"\), not Max Mustermann/);
    // A small German company matches no rule: the fallback queue is expected, and Max is not it.
    const small = ruleInsights(input({ record: account('person:max'), facts: { fields: { 'Billing Country': 'DE', Employees: '40' } } }));
    expect(small.why).toMatchObject({ rule: null, expected: 'Unassigned queue', agrees: false });
  });

  it('takes thresholds and the SLA from the pack; without a pack, today\'s defaults and nothing from rules', () => {
    const out = ruleInsights(input({ pack: pack({ slas: [{ id: 's', trigger: { type: 'assignment' }, firstTouchWithinHours: 4 }], warnings: { staleAfterDays: 7 } }) }));
    expect(out.policy.firstTouchSlaMs).toBe(4 * 3_600_000);
    expect(out.policy.staleAfterMs).toBe(7 * 86_400_000);
    expect(out.slaRule).toBe('First touch within 4 hours of assignment.');
    const none = ruleInsights(input({ pack: null }));
    expect(none).toMatchObject({ why: null, checklist: null, warnings: [], fieldLabels: [], flagPolicy: null });
  });

  it('builds the checklist of the next transition: data items evaluated, manual ones tickable and kept', () => {
    const out = ruleInsights(
      input({
        record: account('person:jane.doe@example.com', { lifecycleStage: 'Lead', email: 'x@siemens.example', consent: { email: 'granted' } }),
        checklist: { recordKey: 'salesforce:account:001A', from: 'lead', to: 'opportunity', items: [{ id: 'discovery', label: 'Discovery meeting held', done: true }] },
      }),
    );
    expect(out.checklist).toMatchObject({ from: 'lead', to: 'opportunity', done: 3, total: 3, openItems: [] });
    expect(out.checklist!.items.map((i) => [i.id, i.done, i.tickable])).toEqual([
      ['email', true, false],
      ['consent', true, false],
      ['discovery', true, true],
    ]);
    const open = ruleInsights(input({ record: account('person:jane.doe@example.com', { lifecycleStage: 'Lead' }) }));
    expect(open.checklist!.openItems).toEqual(['Email address on the record', 'Email consent captured', 'Discovery meeting held']);
  });

  it.each([
    ['12,500', 12500],
    ['51-200', 51],
    ['5k', 5000],
    ['1.200', 1200],
    ['', undefined],
    ['n/a', undefined],
  ])('reads an employee count shown as %s', (text, want) => {
    expect(employeeCountOf(text)).toBe(want);
  });
});

describe('relatedWarnings', () => {
  const contact = (ownerId: string | null, crm: Ownership['crm'] = 'salesforce'): Ownership => ({
    ...account(ownerId),
    key: `${crm}:contact:003`,
    crm,
    kind: 'contact',
    recordId: '003',
    email: 'ada@acme.example',
  });

  it('warns when the same person is owned by someone else in another CRM, and not when the owner is the same', () => {
    const elsewhere = { ...contact('person:max', 'hubspot'), name: 'Ada L.' };
    const out = relatedWarnings({ record: contact('person:jane.doe@example.com'), owners, sameIdentity: [elsewhere], accounts: [], ownersMustMatch: false });
    expect(out.map((w) => w.code)).toEqual(['owned-elsewhere']);
    expect(out[0]!.message).toBe('This person is owned by Max Mustermann in HubSpot ("Ada L.").');
    expect(relatedWarnings({ record: contact('person:max'), owners, sameIdentity: [elsewhere], accounts: [], ownersMustMatch: false })).toEqual([]);
  });

  it('warns on an account/contact owner mismatch only where the rules say they must match', () => {
    const acc = account('person:max', { name: 'Acme', domain: 'acme.example' });
    const args = { record: contact('person:jane.doe@example.com'), owners, sameIdentity: [], accounts: [acc] };
    expect(relatedWarnings({ ...args, ownersMustMatch: true }).map((w) => w.message)).toEqual([
      'The account Acme is owned by Max Mustermann; the rules say its contacts share its owner.',
    ]);
    expect(relatedWarnings({ ...args, ownersMustMatch: false })).toEqual([]);
    expect(relatedWarnings({ ...args, record: contact('person:max'), ownersMustMatch: true })).toEqual([]);
  });
});
