import type { RulePack } from '../../lib/rules/schema';
import type { Seed, SeedFlag, SeedHistory, SeedOwner, SeedRecord } from './seed';

// A plausible team of any size (names unlike the demo CRMs' owners, so both can share one team) for the health benchmark and the dashboard's screenshots: a dozen reps in
// two pools, a queue, one person who left; accounts with contacts at their domains; most records touched
// within their SLA, some late, some never; a month of reassignments with reasons. Deterministic (a seeded
// generator), so two runs measure the same data.

const DAY = 86_400_000;
const HOUR = 3_600_000;

const PEOPLE = [
  ['hedy', 'Hedy Lamarr'], ['claude', 'Claude Shannon'], ['annie', 'Annie Easley'], ['mary', 'Mary Jackson'],
  ['tim', 'Tim Berners-Lee'], ['ada', 'Ada Lovelace'], ['edsger', 'Edsger Dijkstra'], ['barbara', 'Barbara Liskov'],
  ['donald', 'Donald Knuth'], ['frances', 'Frances Allen'], ['john', 'John Backus'], ['radia', 'Radia Perlman'],
] as const;

const REASONS = ['Territory realignment', 'Rep on leave', 'Account upgraded to Enterprise', 'Round-robin rebalance', 'Customer asked for a new contact'];

/** A small fast deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  team: string;
  records: number;
  now: number;
  /** Owner ids are emails at this domain, like the demo CRMs' owners export. */
  emailDomain?: string;
  seed?: number;
}

export function syntheticTeam({ team, records: count, now, emailDomain = 'acme-demo.example', seed = 42 }: SyntheticOptions): Seed {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const ownerId = (key: string) => `${key}@${emailDomain}`;
  const owners: SeedOwner[] = [
    ...PEOPLE.map(([key, name]) => ({ id: ownerId(key), name, email: ownerId(key) })),
    { id: ownerId('ken'), name: 'Ken Thompson', email: ownerId('ken'), active: false },
    { id: 'queue:inbound', name: 'Inbound queue', kind: 'queue' },
    { id: 'team:enterprise', name: 'Enterprise team', kind: 'team' },
  ];
  const emea = PEOPLE.slice(0, 6).map(([key]) => ownerId(key));
  const amer = PEOPLE.slice(6).map(([key]) => ownerId(key));
  // Capacities scale with the team so a few owners run over at any size.
  const cap = Math.max(4, Math.round(count / 16));
  const pack: RulePack = {
    schemaVersion: 1,
    team,
    version: 1,
    issuedAt: new Date(now - 60 * DAY).toISOString(),
    expiresAt: new Date(now + 300 * DAY).toISOString(),
    name: 'Acme territories',
    rules: [
      { id: 'hubspot-contacts-inbound', priority: 10, when: { crm: ['hubspot'], kind: ['contact'] }, assign: { owner: { kind: 'queue', id: 'queue:inbound' } } },
      { id: 'salesforce-emea', priority: 20, when: { crm: ['salesforce'] }, assign: { pool: 'emea' } },
      { id: 'hubspot-amer', priority: 30, when: { crm: ['hubspot'] }, assign: { pool: 'amer' } },
    ],
    fallback: { kind: 'queue', id: 'queue:inbound' },
    pools: [
      { id: 'emea', name: 'EMEA reps', members: emea.map((id, i) => ({ id, capacity: i === 0 ? Math.round(cap * 0.6) : cap })) },
      { id: 'amer', name: 'AMER reps', members: amer.map((id, i) => ({ id, capacity: i === 1 ? Math.round(cap * 0.7) : cap })) },
    ],
    slas: [{ id: 'first-touch-8h', trigger: { type: 'assignment' }, firstTouchWithinHours: 8 }],
    warnings: { staleAfterDays: 30 },
  };

  const records: SeedRecord[] = [];
  const history: SeedHistory[] = [];
  const flags: SeedFlag[] = [];
  let accountDomain = '';
  let accountOwner: string | null = null;
  for (let i = 0; i < count; i++) {
    const crm = rnd() < 0.6 ? 'salesforce' : 'hubspot';
    const isAccount = i % 4 === 0;
    const kind = isAccount ? 'account' : 'contact';
    const recordId = crm === 'salesforce' ? `${isAccount ? '001' : '003'}Sy${String(i).padStart(10, '0')}` : String(100000 + i);
    const pool = crm === 'salesforce' ? emea : amer;
    // Mostly the rule's owner; some misowned, some unowned, some with the person who left.
    const roll = rnd();
    let owner: string | null =
      roll < 0.08 ? null : roll < 0.12 ? ownerId('ken') : roll < 0.2 ? pick(crm === 'salesforce' ? amer : emea) : !isAccount && crm === 'hubspot' ? 'queue:inbound' : pick(pool.slice(0, 1 + Math.floor(rnd() * pool.length)));
    if (isAccount) {
      accountDomain = `company${i}.example`;
      accountOwner = owner;
    } else if (accountOwner && owner && rnd() < 0.7) {
      owner = crm === 'hubspot' ? owner : accountOwner;
    }
    const created = now - Math.floor(rnd() * 90 * DAY);
    const assignedAt = owner ? created + Math.floor(rnd() * (now - created)) : undefined;
    const touchRoll = rnd();
    const firstTouchAt =
      assignedAt === undefined || touchRoll < 0.15 ? undefined : Math.min(now, assignedAt + Math.floor((touchRoll < 0.8 ? rnd() * 8 : 8 + rnd() * 40) * HOUR));
    const lastActivityAt = firstTouchAt !== undefined && rnd() < 0.7 ? Math.min(now, firstTouchAt + Math.floor(rnd() * 20 * DAY)) : undefined;
    const key = `${crm}:${kind}:${recordId}`;
    records.push({
      key,
      crm,
      kind,
      recordId,
      objectType: crm === 'salesforce' ? (isAccount ? 'Account' : 'Contact') : isAccount ? '0-2' : '0-1',
      name: isAccount ? `Company ${i}` : `Person ${i}`,
      ...(isAccount ? { domain: accountDomain } : { email: `person${i}@${accountDomain}` }),
      ownerId: owner,
      ...(assignedAt !== undefined ? { assignedAt } : {}),
      ...(firstTouchAt !== undefined ? { firstTouchAt } : {}),
      ...(lastActivityAt !== undefined ? { lastActivityAt } : {}),
      updatedAt: assignedAt ?? created,
    });
    const previous = owner && rnd() < 0.35 ? pick(pool) : null;
    history.push({ recordKey: key, at: created, kind: 'import', ...(previous ?? owner ? { after: (previous ?? owner)! } : {}), reason: 'Imported from a CRM export' });
    if (previous && previous !== owner && assignedAt !== undefined) {
      history.push({ recordKey: key, at: assignedAt, kind: 'owner', actor: ownerId('hedy'), before: previous, after: owner!, reason: pick(REASONS) });
    }
    if (rnd() < 0.03) flags.push({ id: `dnm:${key}`, recordKey: key, type: 'do-not-market', since: now - DAY, until: now + 20 * DAY, channels: rnd() < 0.5 ? ['email'] : ['email', 'ads'] });
    else if (rnd() < 0.03) flags.push({ id: `outreach:${key}:${owner ?? 'x'}`, recordKey: key, type: 'outreach', since: now - DAY, until: now + 10 * DAY });
  }
  history.sort((a, b) => a.at - b.at);
  return { owners, records, history, flags, pack };
}
