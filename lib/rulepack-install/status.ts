import type { OwnersightDb } from '../db/database';
import { readSyncMeta } from '../sync/state';
import { readActivePackRow } from './active';
import { readLastCheck, readRefusal } from './install-meta';
import { isManaged, type ManagedPolicy } from './managed-policy';
import { trustedKeys } from './pinned-keys';
import type { RulePackStatus } from './types';

const ROLE_WORDS = { rep: 'a sales rep', csm: 'a customer success manager', marketer: 'a marketer', admin: 'an admin' } as const;

/** Everything the options page shows about rule packs; never the access token. */
export async function rulePackStatus(db: OwnersightDb, policy: ManagedPolicy): Promise<RulePackStatus> {
  const [row, refusal, lastCheck, trust, meta] = await Promise.all([readActivePackRow(db), readRefusal(db), readLastCheck(db), trustedKeys(db, policy), readSyncMeta(db)]);
  const publish: RulePackStatus['publish'] = !meta.connection || !meta.me
    ? { allowed: false, reason: 'Connect to the team service first (Team service, above).' }
    : meta.me.user.role !== 'admin'
      ? { allowed: false, reason: `Only admins can publish a rule pack; you are signed in as ${ROLE_WORDS[meta.me.user.role]}.` }
      : { allowed: true };
  return {
    active: row
      ? {
          version: row.version,
          name: row.pack.name,
          team: row.pack.team,
          ...(row.pack.description ? { description: row.pack.description } : {}),
          keyId: row.keyId,
          issuedAt: row.pack.issuedAt,
          expiresAt: row.pack.expiresAt,
          activatedAt: row.activatedAt,
          rules: row.pack.rules.length,
          checklists: row.pack.checklists?.length ?? 0,
          slas: row.pack.slas?.length ?? 0,
        }
      : null,
    refusal,
    lastCheck,
    keysFrom: trust.keysFrom,
    keys: trust.keys,
    policy: {
      managed: isManaged(policy),
      ...(policy.serverUrl !== undefined ? { serverUrl: policy.serverUrl } : {}),
      ...(policy.teamId !== undefined ? { teamId: policy.teamId } : {}),
      ...(policy.minPackVersion !== undefined ? { minPackVersion: policy.minPackVersion } : {}),
      problems: policy.problems,
    },
    publish,
  };
}
