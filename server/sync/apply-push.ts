import type { MutationResult, PushReply, PushRequest } from '../../lib/model/sync';
import { Rollback, withRollback, type Db } from '../db/db';
import { applyMutation, type FlagChange, type PushUser } from './apply-mutation';
import { teamFlagPolicy } from './team-flag-policy';
import { takeTeamVersion } from './team-version';
import { writeContext } from './writes';

export type PushOutcome =
  | { kind: 'gap'; expected: number }
  | { kind: 'done'; reply: PushReply; flagChanges: FlagChange[] };

/**
 * Applies a push in one transaction, Replicache-style: ids up to the client's last are duplicates (no
 * effect, no history), the next id is applied, a gap refuses the whole push. Conflicted and rejected
 * mutations count as processed: the client's last mutation id moves past them.
 */
export async function applyPush(db: Db, teamId: string, user: PushUser, push: PushRequest, now: number): Promise<PushOutcome> {
  return withRollback(() =>
    db.transaction(async (tx): Promise<PushOutcome> => {
      // The team lock first, before reading the client's row: pushes of one team (and of one client) queue here.
      const version = await takeTeamVersion(tx, teamId);
      const client = await tx.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM clients WHERE team_id = $1 AND client_id = $2', [teamId, push.clientId]);
      const first = client[0]?.last_mutation_id ?? 0;

      let expected = first + 1;
      for (const m of push.mutations) {
        if (m.id > expected) throw new Rollback<PushOutcome>({ kind: 'gap', expected });
        if (m.id === expected) expected++;
      }

      const w = writeContext(tx, teamId, version, now);
      const actor: PushUser = { ...user, flagPolicy: await teamFlagPolicy(tx, teamId) };
      const results: MutationResult[] = [];
      const flagChanges: FlagChange[] = [];
      let last = first;
      for (const m of push.mutations) {
        if (m.id <= last) {
          results.push({ id: m.id, status: 'duplicate' });
          continue;
        }
        const outcome = await applyMutation(w, actor, m);
        results.push(outcome.result);
        flagChanges.push(...outcome.flagChanges);
        last = m.id;
      }
      if (last !== first) {
        await tx.query(
          `INSERT INTO clients (team_id, client_id, user_email, last_mutation_id, updated_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (team_id, client_id) DO UPDATE SET user_email = EXCLUDED.user_email, last_mutation_id = EXCLUDED.last_mutation_id, updated_at = EXCLUDED.updated_at`,
          [teamId, push.clientId, user.email, last, now],
        );
      }
      const reply: PushReply = { lastMutationId: last, results, serverNow: now };
      // Nothing synced changed (all duplicates, or only no-ops): give the version back so pulls do not
      // walk empty versions. Rolling back returns v to N-1 for the next writer; nothing is skipped.
      if (!w.changed && last === first) throw new Rollback<PushOutcome>({ kind: 'done', reply, flagChanges });
      return { kind: 'done', reply, flagChanges };
    }),
  );
}
