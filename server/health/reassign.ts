import type { ReassignReply, ReassignRequest } from '../../lib/model/health';
import { Rollback, withRollback, type Db } from '../db/db';
import { decideOwnerSet } from '../sync/field-rules';
import type { RecordRow } from '../sync/rows';
import { takeTeamVersion } from '../sync/team-version';
import { updateRecord, writeContext, writeHistory } from '../sync/writes';

export type ReassignOutcome = { kind: 'done'; reply: ReassignReply } | { kind: 'unknown-owner' };

/**
 * An admin's bulk reassignment from the dashboard, in one transaction on the same write path as a
 * panel's `owner.set`: one team version for the batch, the owner version bumped, the SLA clock restarted
 * (assignedAt now, no first touch), one history row per record with the admin's reason. Every panel gets
 * it on its next pull. No compare-and-set: the admin acts on the list as the service holds it now.
 */
export async function reassign(db: Db, teamId: string, actor: string, request: ReassignRequest, now: number): Promise<ReassignOutcome> {
  const keys = [...new Set(request.recordKeys)];
  return withRollback(() =>
    db.transaction(async (tx): Promise<ReassignOutcome> => {
      const version = await takeTeamVersion(tx, teamId);
      const owner = await tx.query('SELECT 1 FROM owners WHERE team_id = $1 AND id = $2', [teamId, request.ownerId]);
      if (owner.length === 0) throw new Rollback<ReassignOutcome>({ kind: 'unknown-owner' });
      const rows = await tx.query<RecordRow>(
        'SELECT * FROM records WHERE team_id = $1 AND key IN (SELECT jsonb_array_elements_text($2::jsonb)) ORDER BY key',
        [teamId, JSON.stringify(keys)],
      );
      const found = new Set(rows.map((r) => r.key));
      const w = writeContext(tx, teamId, version, now);
      let changed = 0;
      let unchanged = 0;
      for (const row of rows) {
        const decision = decideOwnerSet({ ownerId: row.owner_id, version: row.owner_version }, row.owner_version, request.ownerId);
        if (decision.kind !== 'change') {
          unchanged++;
          continue;
        }
        await updateRecord(w, { ...row, owner_id: request.ownerId, owner_version: decision.version, assigned_at: now, first_touch_at: null });
        await writeHistory(w, { recordKey: row.key, actor, kind: 'owner', ...(row.owner_id ? { before: row.owner_id } : {}), after: request.ownerId, reason: request.reason });
        changed++;
      }
      const reply: ReassignReply = { changed, unchanged, missing: keys.filter((k) => !found.has(k)), version: changed ? version : null };
      // Nothing changed: hand the version back, so pulls do not walk an empty version.
      if (!w.changed) throw new Rollback<ReassignOutcome>({ kind: 'done', reply });
      return { kind: 'done', reply };
    }),
  );
}
