import type { PageFacts } from '../crm/types';
import type { OwnersightDb } from '../db/database';
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

const emailDomain = (email: string | undefined) => email?.split('@')[1]?.trim().toLowerCase() || undefined;

/** One read of everything around the record (inside the panel's liveQuery, so it stays live). */
export async function loadRecordContext(db: OwnersightDb, record: Ownership | undefined, facts: PageFacts, kind: 'account' | 'contact', pack: RulePack | null): Promise<RecordContext> {
  const email = (record?.email ?? facts.email)?.trim().toLowerCase();
  const domain = (record?.domain ?? facts.domain)?.trim().toLowerCase().replace(/^www\./, '');
  const [byEmail, byDomain, accounts, allOwners] = await Promise.all([
    kind === 'contact' && email ? db.records.where('email').equals(email).limit(20).toArray() : [],
    kind === 'account' && domain ? db.records.where('domain').equals(domain).limit(20).toArray() : [],
    kind === 'contact' && emailDomain(email) ? db.records.where('domain').equals(emailDomain(email)!).limit(20).toArray() : [],
    db.owners.limit(MAX_TARGETS).toArray(),
  ]);
  const sameIdentity = [...byEmail, ...byDomain].filter((r) => r.kind === kind && r.key !== record?.key);
  const owners = new Map(allOwners.map((o) => [o.id, o]));
  const missing = [...sameIdentity, ...accounts].flatMap((r) => (r.ownerId && !owners.has(r.ownerId) ? [r.ownerId] : []));
  for (const owner of await db.owners.bulkGet(missing)) if (owner) owners.set(owner.id, owner);

  // Round-robin pools weigh members by what they own now; a member is found by id or `person:<id>`.
  const poolLoad: Record<string, number> = {};
  const members = (pack?.pools ?? []).flatMap((pool) => pool.members.map((m) => m.id));
  await Promise.all(
    [...new Set(members)].map(async (id) => {
      poolLoad[id] = await db.records.where('ownerId').anyOf([id, `person:${id}`]).count();
    }),
  );
  const targets = allOwners
    .filter((o) => o.active)
    .map((o) => ({ id: o.id, name: o.name, kind: o.kind }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { sameIdentity, accounts: accounts.filter((r) => r.kind === 'account'), owners, targets, poolLoad };
}
