import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checklistFor, expectedOwner, pickPoolMember, slaFor } from './evaluate';
import { parseRulePack } from './parse';
import { flagPolicy, warningsPolicy } from './policies';
import type { RecordFacts } from './record-facts';
import type { RulePack } from './schema';

const file = fileURLToPath(new URL('../../test/fixtures/rulepacks/valid/everything.json', import.meta.url));
const parsed = parseRulePack(readFileSync(file, 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const pack: RulePack = parsed.pack;
const noLoad = { poolLoad: {} };

const sfAccount: RecordFacts = { crm: 'salesforce', kind: 'account', objectType: 'Account' };

describe('expectedOwner', () => {
  // Each row: the record, the rule id expected (null: the fallback), and the owner id.
  const TABLE: [label: string, record: RecordFacts, rule: string | null, owner: string][] = [
    ['every condition of the first rule', { ...sfAccount, country: 'DE', employeeCount: 5000 }, 'dach-enterprise', 'jane@acme.example'],
    ['country compared case-insensitively', { ...sfAccount, country: ' de ', employeeCount: 1000 }, 'dach-enterprise', 'jane@acme.example'],
    ['employee count exactly at min', { ...sfAccount, country: 'AT', employeeCount: 1000 }, 'dach-enterprise', 'jane@acme.example'],
    ['employee count one under min', { ...sfAccount, country: 'AT', employeeCount: 999 }, null, 'unassigned'],
    ['employee count unknown', { ...sfAccount, country: 'AT' }, null, 'unassigned'],
    ['crm not listed', { ...sfAccount, crm: 'zoho', country: 'DE', employeeCount: 5000 }, null, 'unassigned'],
    ['kind not listed', { ...sfAccount, kind: 'contact', country: 'DE', employeeCount: 5000 }, null, 'unassigned'],
    ['country not listed', { ...sfAccount, country: 'FR', employeeCount: 5000 }, null, 'unassigned'],
    [
      'range min..max, every list',
      { crm: 'hubspot', kind: 'account', industry: 'banking', segment: 'Mid-Market', region: 'EMEA', employeeCount: 999 },
      'fintech',
      'fintech-team',
    ],
    ['range max + 1', { crm: 'hubspot', kind: 'account', industry: 'Banking', segment: 'Mid-Market', region: 'EMEA', employeeCount: 1000 }, null, 'unassigned'],
    ['range min', { crm: 'hubspot', kind: 'account', industry: 'Banking', segment: 'Mid-Market', region: 'EMEA', employeeCount: 50 }, 'fintech', 'fintech-team'],
    ['one list fails', { crm: 'hubspot', kind: 'account', industry: 'Banking', segment: 'Enterprise', region: 'EMEA', employeeCount: 60 }, null, 'unassigned'],
    ['email domain, exact', { crm: 'pipedrive', objectType: 'Partner__c', email: 'kim@partners.acme.example' }, 'partners', 'partner-desk'],
    ['email domain, subdomain', { crm: 'pipedrive', objectType: 'partner__c', email: 'kim@eu.partners.acme.example' }, 'partners', 'partner-desk'],
    ['web domain of an account', { crm: 'pipedrive', objectType: 'Partner__c', domain: 'www.partners.acme.example' }, 'partners', 'partner-desk'],
    ['look-alike domain', { crm: 'pipedrive', objectType: 'Partner__c', email: 'kim@evilpartners.acme.example' }, null, 'unassigned'],
    ['pool for inbound contacts', { crm: 'hubspot', kind: 'contact', lifecycleStage: 'mql' }, 'inbound', 'ana@acme.example'],
    ['custom object counts as a contact', { crm: 'hubspot', objectType: '2-1234567', lifecycleStage: 'Lead' }, 'inbound', 'ana@acme.example'],
    ['custom object overrides the adapter', { crm: 'salesforce', kind: 'contact', objectType: 'Partner__c', country: 'CH', employeeCount: 2000 }, 'dach-enterprise', 'jane@acme.example'],
    ['nothing known', { crm: 'capsule' }, null, 'unassigned'],
  ];

  it.each(TABLE)('%s', (_, record, rule, owner) => {
    const result = expectedOwner(pack, record, noLoad);
    expect(result.rule?.id ?? null).toBe(rule);
    expect(result.owner.id).toBe(owner);
  });

  it('tries rules by priority, not by their order in the file', () => {
    const reversed: RulePack = { ...pack, rules: [...pack.rules].reverse() };
    const record: RecordFacts = { ...sfAccount, country: 'DE', employeeCount: 5000 };
    const catchAll = { id: 'catch-all', priority: 100, when: {}, assign: { owner: { kind: 'team' as const, id: 'everyone' } } };
    expect(expectedOwner(reversed, record, noLoad).rule?.id).toBe('dach-enterprise');
    expect(expectedOwner({ ...pack, rules: [catchAll, ...pack.rules] }, record, noLoad).rule?.id).toBe('dach-enterprise');
    expect(expectedOwner({ ...pack, rules: [{ ...catchAll, priority: 1 }, ...pack.rules] }, record, noLoad).rule?.id).toBe('catch-all');
  });

  it('says why, in sentences for the panel', () => {
    const result = expectedOwner(pack, { ...sfAccount, objectType: 'Partner__c', country: 'DE', employeeCount: 5000 }, noLoad);
    expect(result.rule?.matched).toEqual([
      'CRM is salesforce',
      'it is an account (salesforce "Partner__c" counts as an account)',
      'country is DE',
      'employee count 5000 is at least 1000',
    ]);
    expect(result.reason).toBe(
      'Rule "DACH enterprise" (priority 10) applies: CRM is salesforce, it is an account (salesforce "Partner__c" counts as an account), country is DE, employee count 5000 is at least 1000.',
    );
    const subdomain = expectedOwner(pack, { crm: 'pipedrive', objectType: 'Partner__c', email: 'kim@eu.partners.acme.example' }, noLoad);
    expect(subdomain.rule?.matched).toEqual(['object type is Partner__c', 'domain eu.partners.acme.example is under partners.acme.example']);
    const none = expectedOwner(pack, { crm: 'capsule' }, noLoad);
    expect(none).toEqual({ owner: pack.fallback, rule: null, reason: 'No rule applies to this record, so it goes to the fallback owner, Unassigned.' });
  });

  describe('pools', () => {
    const lead: RecordFacts = { crm: 'hubspot', kind: 'contact', lifecycleStage: 'Lead' };
    // ana cap 2, ben cap 3, cy no cap; lowest load under capacity, ties to the one listed first.
    const POOL_TABLE: [load: Record<string, number>, member: string | null][] = [
      [{}, 'ana@acme.example'],
      [{ 'ana@acme.example': 1 }, 'ben@acme.example'],
      [{ 'ana@acme.example': 1, 'ben@acme.example': 1 }, 'cy@acme.example'],
      [{ 'ana@acme.example': 1, 'ben@acme.example': 1, 'cy@acme.example': 1 }, 'ana@acme.example'],
      [{ 'ana@acme.example': 2, 'ben@acme.example': 2, 'cy@acme.example': 2 }, 'ben@acme.example'],
      [{ 'ana@acme.example': 2, 'ben@acme.example': 3, 'cy@acme.example': 50 }, 'cy@acme.example'],
      [{ 'ana@acme.example': 0, 'ben@acme.example': 0, 'cy@acme.example': 0, 'someone-else': -5 }, 'ana@acme.example'],
    ];

    it.each(POOL_TABLE)('load %j → %s', (poolLoad, member) => {
      expect(expectedOwner(pack, lead, { poolLoad }).owner.id).toBe(member);
    });

    it('goes round the pool when each assignment is counted as load', () => {
      const load: Record<string, number> = {};
      const picks: string[] = [];
      for (let i = 0; i < 7; i++) {
        const { owner } = expectedOwner(pack, lead, { poolLoad: load });
        picks.push(owner.id.split('@')[0]!);
        load[owner.id] = (load[owner.id] ?? 0) + 1;
      }
      expect(picks).toEqual(['ana', 'ben', 'cy', 'ana', 'ben', 'cy', 'ben']);
    });

    it('reports the pick, and falls back saying so when every member is full', () => {
      const result = expectedOwner(pack, lead, { poolLoad: { 'ana@acme.example': 1 } });
      expect(result.rule?.pool).toEqual({ id: 'sdr', name: 'Ben', memberId: 'ben@acme.example', load: 0, capacity: 3 });
      expect(result.reason).toMatch(/Pool "Inbound SDRs": Ben has the lowest load \(0 of 3\)\.$/);

      const capped: RulePack = { ...pack, pools: [{ id: 'sdr', members: [{ id: 'ana', capacity: 1 }, { id: 'ben', capacity: 0 }] }] };
      const full = expectedOwner(capped, lead, { poolLoad: { ana: 1 } });
      expect(full).toMatchObject({ owner: pack.fallback, rule: null, poolFull: { ruleId: 'inbound', poolId: 'sdr' } });
      expect(full.reason).toMatch(/Every member of pool "sdr" is at capacity/);
    });

    it('pickPoolMember is deterministic on ties', () => {
      const pool = { id: 'p', members: [{ id: 'b' }, { id: 'a' }, { id: 'c' }] };
      expect(pickPoolMember(pool, { b: 2, a: 1, c: 1 })?.memberId).toBe('a');
    });
  });
});

describe('checklistFor', () => {
  it('picks the checklist out of the record\'s stage, with each item\'s state and why', () => {
    const status = checklistFor(pack, { crm: 'hubspot', kind: 'contact', lifecycleStage: 'lead', email: 'kim@x.example', consent: { email: 'withdrawn' } });
    expect(status).toEqual({
      from: 'Lead',
      to: 'Opportunity',
      open: 2,
      items: [
        { id: 'email', label: 'Email on record', done: true, why: 'email is filled in' },
        { id: 'consent', label: 'Email consent', done: false, why: 'consent for email was withdrawn' },
        { id: 'meeting', label: 'Discovery meeting', done: false, why: 'no meeting held yet' },
      ],
    });
  });

  it('ticks items from the facts', () => {
    const status = checklistFor(pack, {
      crm: 'salesforce',
      kind: 'account',
      lifecycleStage: 'Opportunity',
      hasPrimaryContact: true,
      manualTicks: { handoff: true },
      employeeCount: 0,
    });
    expect(status?.items.map((i) => [i.id, i.done, i.why])).toEqual([
      ['primary', true, 'a primary contact is set'],
      ['handoff', true, 'ticked'],
      ['size', true, 'employee count is filled in'],
    ]);
    expect(status?.open).toBe(0);
  });

  it('skips a checklist whose conditions do not hold, and answers null without a stage or a match', () => {
    expect(checklistFor(pack, { crm: 'salesforce', kind: 'contact', lifecycleStage: 'Opportunity' })).toBeNull();
    expect(checklistFor(pack, { crm: 'salesforce', kind: 'account' })).toBeNull();
    expect(checklistFor(pack, { crm: 'salesforce', kind: 'account', lifecycleStage: 'Customer' })).toBeNull();
  });
});

describe('slaFor', () => {
  const TABLE: [label: string, record: RecordFacts, sla: string | null, hours: number | null][] = [
    ['stage SLA first', { crm: 'hubspot', lifecycleStage: 'MQL', employeeCount: 5000 }, 'hot-leads', 4],
    ['conditional assignment SLA', { crm: 'hubspot', lifecycleStage: 'Lead', employeeCount: 5000 }, 'enterprise', 8],
    ['the default', { crm: 'hubspot', employeeCount: 10 }, 'default', 24],
  ];
  it.each(TABLE)('%s', (_, record, sla, hours) => {
    const result = slaFor(pack, record);
    expect(result?.id ?? null).toBe(sla);
    expect(result?.firstTouchWithinHours ?? null).toBe(hours);
  });

  it('describes the clock', () => {
    expect(slaFor(pack, { crm: 'hubspot', lifecycleStage: 'mql' })).toEqual({
      id: 'hot-leads',
      trigger: 'stage-entered',
      stage: 'MQL',
      firstTouchWithinHours: 4,
      firstTouchWithinMs: 4 * 3600_000,
      summary: 'First touch within 4 hours of entering MQL.',
    });
    expect(slaFor({ ...pack, slas: [] }, { crm: 'hubspot' })).toBeNull();
  });
});

describe('policies', () => {
  it('reads the pack\'s flag and warning policies', () => {
    expect(flagPolicy(pack)).toEqual({
      outreach: { defaultExpiryDays: 10, maxDays: 30, setBy: ['rep', 'csm', 'admin'] },
      doNotMarket: { maxDays: 180, setBy: ['marketer', 'admin'], channels: ['email', 'ads'] },
    });
    const warnings = warningsPolicy(pack);
    expect(warnings).toMatchObject({ staleAfterDays: 21, ownerInactiveAfterDays: 30, staleAfterMs: 21 * 86_400_000 });
    expect(warnings.ownersMustMatch.salesforce).toBe(true);
    expect(warnings.ownersMustMatch.hubspot).toBe(false);
  });

  it('fills what a pack leaves out with today\'s defaults', () => {
    const bare: RulePack = { ...pack, flags: undefined, warnings: { ownersMustMatch: true } };
    expect(flagPolicy(bare).outreach).toEqual({ defaultExpiryDays: 14, maxDays: null, setBy: ['rep', 'csm', 'marketer', 'admin'] });
    expect(flagPolicy(bare).doNotMarket.channels).toEqual(['email', 'sms', 'ads', 'direct-mail', 'calls']);
    const warnings = warningsPolicy(bare);
    expect([warnings.staleAfterDays, warnings.ownerInactiveAfterDays]).toEqual([30, 45]);
    expect(Object.values(warnings.ownersMustMatch).every(Boolean)).toBe(true);
  });
});
