import { RULE_PACK_SCHEMA_VERSION, type RulePack } from './schema';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A starter pack is good for 90 days: long enough to roll out, short enough that a forgotten one ends. */
const STARTER_LIFETIME_DAYS = 90;

/** The pack `rulepack init` writes: one of everything, for an admin to edit rather than to type from nothing. */
export function starterPack({ team, now }: { team: string; now: number }): RulePack {
  return {
    $schema: './rulepack.schema.json',
    schemaVersion: RULE_PACK_SCHEMA_VERSION,
    team,
    version: 1,
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + STARTER_LIFETIME_DAYS * DAY_MS).toISOString(),
    name: `${team} ownership rules`,
    description: 'Edit the rules, then: npm run rulepack -- validate FILE, sign, publish.',
    rules: [
      {
        id: 'dach-enterprise',
        priority: 10,
        name: 'DACH enterprise accounts',
        when: { kind: ['account'], country: ['DE', 'AT', 'CH'], employeeCount: { min: 1000 } },
        assign: { owner: { kind: 'person', id: 'jane.doe@example.com', name: 'Jane Doe' } },
      },
      {
        id: 'inbound-leads',
        priority: 20,
        name: 'Inbound leads, round robin',
        when: { lifecycleStage: ['lead'] },
        assign: { pool: 'sdr' },
      },
    ],
    fallback: { kind: 'queue', id: 'unassigned', name: 'Unassigned queue' },
    pools: [
      {
        id: 'sdr',
        name: 'Inbound SDRs',
        members: [
          { id: 'ana@example.com', name: 'Ana Silva', capacity: 40 },
          { id: 'ben@example.com', name: 'Ben Okafor', capacity: 40 },
        ],
      },
    ],
    checklists: [
      {
        from: 'lead',
        to: 'opportunity',
        items: [
          { id: 'email', label: 'Email address on the record', requirement: { type: 'field', field: 'email' } },
          { id: 'consent', label: 'Email consent captured', requirement: { type: 'consent', channel: 'email' } },
          { id: 'discovery', label: 'Discovery meeting held', requirement: { type: 'meeting-held' } },
        ],
      },
      {
        from: 'opportunity',
        to: 'customer',
        items: [
          { id: 'primary-contact', label: 'Primary contact named', requirement: { type: 'primary-contact' } },
          { id: 'handoff-call', label: 'Handoff call with customer success booked', requirement: { type: 'manual' } },
        ],
      },
    ],
    slas: [{ id: 'first-touch', trigger: { type: 'assignment' }, firstTouchWithinHours: 24 }],
    flags: {
      outreach: { defaultExpiryDays: 14, maxDays: 60, setBy: ['rep', 'csm', 'admin'] },
      doNotMarket: { maxDays: 365, setBy: ['csm', 'marketer', 'admin'], channels: ['email', 'sms', 'ads', 'direct-mail', 'calls'] },
    },
    warnings: { staleAfterDays: 30, ownerInactiveAfterDays: 45, ownersMustMatch: false },
    fieldMappings: {},
    extraHosts: {},
    customObjects: [],
  };
}
