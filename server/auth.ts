import { createHash, randomBytes } from 'node:crypto';
import type { UserRole } from '../lib/model/sync';
import type { Db } from './db/db';

/** Who a request is: resolved from its bearer token. */
export interface AuthContext {
  tokenId: string;
  teamId: string;
  teamName: string;
  user: { email: string; name: string; role: UserRole };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new token: shown once to the admin; only its hash is stored. */
export function newToken(): { id: string; token: string; hash: string } {
  const token = `ost_${randomBytes(32).toString('base64url')}`;
  return { id: `tok_${randomBytes(6).toString('hex')}`, token, hash: hashToken(token) };
}

// Writing last_used_at on every request would make every read a write; a minute's precision is plenty.
const LAST_USED_PRECISION_MS = 60_000;

/** The caller of `Authorization: Bearer <token>`, or null for a missing, unknown or revoked token. */
export async function authenticate(db: Db, header: string | undefined, now: number): Promise<AuthContext | null> {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return null;
  const rows = await db.query<{ id: string; team_id: string; team_name: string; email: string; name: string; role: UserRole; last_used_at: number | null }>(
    `SELECT t.id, t.team_id, tm.name AS team_name, u.email, u.name, u.role, t.last_used_at
     FROM tokens t JOIN users u ON u.team_id = t.team_id AND u.email = t.user_email JOIN teams tm ON tm.id = t.team_id
     WHERE t.hash = $1 AND t.revoked_at IS NULL`,
    [hashToken(match[1]!)],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.last_used_at === null || now - row.last_used_at >= LAST_USED_PRECISION_MS) {
    await db.query('UPDATE tokens SET last_used_at = $2 WHERE id = $1', [row.id, now]);
  }
  return { tokenId: row.id, teamId: row.team_id, teamName: row.team_name, user: { email: row.email, name: row.name, role: row.role } };
}
