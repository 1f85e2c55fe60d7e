import type { Sql } from '../db/db';

/**
 * Takes the team's next change version inside a write transaction.
 *
 * Why not a sequence: a `bigserial` hands out numbers at insert time, and on PostgreSQL transactions
 * commit in any order, so a pull can see version N+1 committed while N is still open, move its cookie past
 * N, and never see N. Here the `UPDATE ... SET v = v + 1` takes the team row's lock until commit or
 * rollback: the next writer of the team waits, so version N+1 can only be taken after N committed (or,
 * rolled back, N is taken again). Every version a reader sees committed has all lower versions committed
 * too. The price is that one team's writes are serial, which a team's rate of clicks allows.
 */
export async function takeTeamVersion(tx: Sql, teamId: string): Promise<number> {
  const rows = await tx.query<{ v: number }>('UPDATE team_version SET v = v + 1 WHERE team_id = $1 RETURNING v', [teamId]);
  const row = rows[0];
  if (!row) throw new Error(`No team ${teamId}`);
  return row.v;
}
