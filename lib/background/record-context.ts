import type { PageFacts } from '../crm/types';
import type { OwnersightDb } from '../db/database';
import { emailDomain, identityDomain, identityEmail } from '../model/identity';
import { sortByName } from '../model/name-order';
import type { Owner, Ownership } from '../model/ownership';
import type { TransferView } from '../model/panel-view';
import type { RulePack } from '../rules/schema';

/** What a record's panel needs from other rows: the same person or company elsewhere, the account, owners to transfer to, pool load. */
export interface RecordContext {
  sameIdentity: Ownership[];
  accounts: Ownership[];
  owners: Map<string, Owner>;
  targets: TransferView['targets'];
  poolLoad: Record<string, number>;
}

/** More owners than this are not listed in the transfer picker: admins reassign in bulk from the dashboard. */
const MAX_TARGETS = 500;

/** One read of everything around the record (inside the panel's liveQuery, so it stays live). */
export async function loadRecordContext(db: OwnersightDb, record: Ownership | undefined, facts: PageFacts, kind: 'account' | 'contact', pack: RulePack | null): Promise<RecordContext> {
  const rawEmail = record?.email ?? facts.email;
  const rawDomain = record?.domain ?? facts.domain;
  const email = rawEmail ? identityEmail(rawEmail) : undefined;
  const domain = rawDomain ? identityDomain(rawDomain) : undefined;
  const accountDomain = kind === 'contact' && email ? emailDomain(email) : undefined;
  const [byEmail, byDomain, accounts, allOwners] = await Promise.all([
    kind === 'contact' && email ? db.records.where('email').equals(email).limit(20).toArray() : [],
    kind === 'account' && domain ? db.records.where('domain').equals(domain).limit(20).toArray() : [],
    accountDomain ? db.records.where('domain').equals(accountDomain).limit(20).toArray() : [],
    db.owners.limit(MAX_TARGETS).toArray(),
  ]);
  const sameIdentity = [...byEmail, ...byDomain].filter((r) => r.kind === kind && r.key !== record?.key);
  const owners = new Map(allOwners.map((o) => [o.id, o]));
  const missing = [...sameIdentity, ...accounts].flatMap((r) => (r.ownerId && !owners.has(r.ownerId) ? [r.ownerId] : []));
  for (const owner of await db.owners.bulkGet(missing)) if (owner) owners.set(owner.id, owner);

  const members = [...new Set((pack?.pools ?? []).flatMap((pool) => pool.members.map((m) => m.id)))];
  const poolLoad = await poolLoads(db, members);
  const targets = sortByName(
    allOwners.filter((o) => o.active).map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    (o) => o.name,
  );
  return { sameIdentity, accounts: accounts.filter((r) => r.kind === 'account'), owners, targets, poolLoad };
}

/** Per database: pool members' loads, valid while `recordsWrites` is still `stamp`. */
const loadCache = new WeakMap<OwnersightDb, { stamp: number; loads: Map<string, number> }>();

/**
 * Round-robin pools weigh members by what they own now; a member is found by id or `person:<id>`.
 * Counting a member's records walks its part of the ownerId index (thousands of entries at 100,000
 * records), so counts are kept until a write to `records` (a sync page, an import, a local change) makes
 * them stale, instead of being counted again for every panel view. The panel re-reads after every sync
 * run (its query reads the sync meta rows), so it picks up fresh counts then.
 */
export async function poolLoads(db: OwnersightDb, members: readonly string[]): Promise<Record<string, number>> {
  if (members.length === 0) return {};
  const stamp = db.recordsWrites;
  let cached = loadCache.get(db);
  if (!cached || cached.stamp !== stamp) {
    cached = { stamp, loads: new Map() };
    loadCache.set(db, cached);
  }
  const { loads } = cached;
  const missing = members.filter((id) => !loads.has(id));
  const counted = await Promise.all(missing.map((id) => db.records.where('ownerId').anyOf([id, `person:${id}`]).count()));
  // Kept only when no write to records began or ended while counting.
  const fresh = new Map(missing.map((id, i) => [id, counted[i]!]));
  if (db.recordsWrites === stamp) for (const [id, n] of fresh) loads.set(id, n);
  return Object.fromEntries(members.map((id) => [id, fresh.get(id) ?? loads.get(id)!]));
}
