import { describeIssues } from '../lib/rules/issue-words';
import { SignedRulePackSchema, type SignedRulePack } from '../lib/rules/sign';
import type { Db, Sql } from './db/db';

// The team's signed rule pack, stored and served as the exact text sent. The service does not verify the
// signature (it holds no keys: each install checks it against its own pinned keys, issue #5); it checks
// the envelope's shape, that the pack is for the caller's team, and keeps versions moving forward, so a
// replayed older pack cannot replace a newer one.

export const MAX_RULEPACK_BYTES = 1024 * 1024;

export type EnvelopeCheck = { ok: true; envelope: SignedRulePack } | { ok: false; code: 'unsigned' | 'invalid-request' | 'wrong-team'; message: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The PUT body as `rulepack publish` sends it, `{ pack, signature }`, for team `teamId`; the reason in words otherwise. */
export function checkEnvelope(body: unknown, teamId: string): EnvelopeCheck {
  if (isObject(body) && !('signature' in body) && ('schemaVersion' in body || 'pack' in body)) {
    return { ok: false, code: 'unsigned', message: 'This rule pack is not signed: sign it first (npm run rulepack -- sign) and publish the signed file.' };
  }
  const parsed = SignedRulePackSchema.safeParse(body);
  if (!parsed.success) {
    const errors = describeIssues(parsed.error.issues);
    const shown = errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ');
    return { ok: false, code: 'invalid-request', message: `A signed rule pack is { "pack", "signature" } as rulepack sign writes it; this one is not valid: ${shown}${errors.length > 3 ? '; …' : ''}.` };
  }
  if (parsed.data.pack.team !== teamId) {
    return {
      ok: false,
      code: 'wrong-team',
      message: `This pack is for team "${parsed.data.pack.team}", but your token belongs to team "${teamId}". Set "team" to "${teamId}", sign it again and publish.`,
    };
  }
  return { ok: true, envelope: parsed.data };
}

export async function getRulePack(db: Sql, teamId: string): Promise<{ version: number; body: string } | null> {
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
