import type { OwnersightDb } from '../db/database';
import { RequestError, type Handlers } from '../messaging/dispatch';
import type { SyncScheduler } from '../sync/scheduler';
import { readSyncMeta } from '../sync/state';
import { SyncError, type Fetch } from '../sync/transport';
import { readActivePackRow } from './active';
import type { VerifyContext } from './install';
import { loadManagedPolicy, type ManagedPolicy } from './managed-policy';
import { pinLocalKey, trustedKeys, unpinLocalKey } from './pinned-keys';
import { previewPack } from './preview';
import { publishTeamPack } from './service-pack';
import { rulePackStatus } from './status';

export type RulePackRoute = 'rulepack.status' | 'rulepack.preview' | 'rulepack.publish' | 'rulepack.key.pin' | 'rulepack.key.unpin';

export interface RulePackHandlerDeps {
  db: OwnersightDb;
  fetch: Fetch;
  now(): number;
  sync: SyncScheduler;
  managedPolicy?: () => Promise<ManagedPolicy>;
}

const asRequestError = (error: unknown): never => {
  if (error instanceof SyncError) throw new RequestError(error.code, error.message);
  if (error instanceof Error && !(error instanceof RequestError)) throw new RequestError('bad-request', error.message);
  throw error;
};

/** The options page's rule-pack routes (extension pages only: lib/messaging/routes.ts). */
export function createRulePackHandlers({ db, fetch, now, sync, managedPolicy = loadManagedPolicy }: RulePackHandlerDeps): Pick<Handlers, RulePackRoute> {
  const context = async (): Promise<VerifyContext | null> => {
    const [meta, policy] = await Promise.all([readSyncMeta(db), managedPolicy()]);
    const team = policy.teamId ?? meta.me?.team.id;
    if (!team) return null;
    return {
      team,
      trust: await trustedKeys(db, policy),
      ...(policy.minPackVersion !== undefined ? { minVersion: policy.minPackVersion } : {}),
      now: now() + meta.clockOffset,
    };
  };
  return {
    async 'rulepack.status'() {
      return rulePackStatus(db, await managedPolicy());
    },
    async 'rulepack.preview'({ text }) {
      const [active, verify] = await Promise.all([readActivePackRow(db), context()]);
      return previewPack(text, active, verify);
    },
    async 'rulepack.publish'({ text }) {
      const meta = await readSyncMeta(db);
      if (!meta.connection || !meta.me) throw new RequestError('not-connected', 'Connect to the team service first.');
      if (meta.me.user.role !== 'admin') throw new RequestError('forbidden', 'Only admins can publish a rule pack.');
      const reply = await publishTeamPack(fetch, meta.connection, text).catch(asRequestError);
      // The pack reaches this install the way it reaches every other: by the next sync, verified.
      void sync.request('write');
      return reply;
    },
    async 'rulepack.key.pin'({ text }) {
      const keys = await pinLocalKey(db, await managedPolicy(), text, now()).catch(asRequestError);
      return { keyIds: keys.map((k) => k.keyId) };
    },
    async 'rulepack.key.unpin'({ keyId }) {
      return { removed: await unpinLocalKey(db, keyId) };
    },
  };
}
