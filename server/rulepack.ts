import { z } from 'zod';
import type { Db } from './db/db';

// The team's signed rule pack, stored and served as an opaque document. The service does not verify the
// signature (the extension does, against its pinned key); it only keeps versions moving forward, so a
// replayed older pack cannot replace a newer one.

export const MAX_RULEPACK_BYTES = 1024 * 1024;

export const RulePackEnvelopeSchema = z.object({ version: z.number().int().positive() }).loose();

export async function getRulePack(db: Db, teamId: string): Promise<{ version: number; body: string } | null> {
  const rows = await db.query<{ version: number; body: string }>('SELECT version, body FROM rulepacks WHERE team_id = $1', [teamId]);
  return rows[0] ?? null;
}

export type PutOutcome = { kind: 'stored'; version: number } | { kind: 'stale'; stored: number };

/** Stores `body` (the exact text sent) if its version is greater than the stored one; one statement, so two PUTs cannot both win. */
export async function putRulePack(db: Db, teamId: string, version: number, body: string, by: string, now: number): Promise<PutOutcome> {
  const stored = await db.query<{ version: number }>(
    `INSERT INTO rulepacks (team_id, version, body, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (team_id) DO UPDATE SET version = EXCLUDED.version, body = EXCLUDED.body, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
     WHERE rulepacks.version < EXCLUDED.version
     RETURNING version`,
    [teamId, version, body, now, by],
  );
  if (stored.length > 0) return { kind: 'stored', version };
  const current = await getRulePack(db, teamId);
  return { kind: 'stale', stored: current?.version ?? version };
}
