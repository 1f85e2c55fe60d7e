import { randomBytes } from 'node:crypto';
import { UserRoleSchema, type UserRole } from '../../lib/model/sync';
import { newToken } from '../auth';
import type { Db } from '../db/db';
import { takeTeamVersion } from '../sync/team-version';
import { importOwners, type ImportOwnersInput, type ImportReport } from './import-owners';

/** A refusal the admin can act on (no such team, bad role...): the CLI prints the message and exits 1. */
export class AdminError extends Error {}

export interface TokenInfo {
  id: string;
  email: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface WebhookDelivery {
  webhookId: string;
  eventId: string;
  attempt: number;
  status: number | null;
  ok: boolean;
  error: string | null;
}

/** What `npm run admin` does, as functions (also `service.admin` for tests). */
export interface Admin {
  createTeam(input: { name: string }): Promise<{ id: string; name: string }>;
  addUser(input: { team: string; email: string; name: string; role: UserRole }): Promise<void>;
  setUserRole(input: { team: string; email: string; role: UserRole }): Promise<void>;
  /** The token is returned once and never stored; keep it. */
  createToken(input: { team: string; email: string }): Promise<{ id: string; token: string }>;
  revokeToken(input: { id: string }): Promise<void>;
  listTokens(input: { team: string }): Promise<TokenInfo[]>;
  setOwnerActive(input: { team: string; id: string; active: boolean }): Promise<void>;
  importOwners(input: ImportOwnersInput): Promise<ImportReport>;
  addWebhook(input: { team: string; url: string; secret: string }): Promise<{ id: string }>;
  listWebhookDeliveries(input: { team: string }): Promise<WebhookDelivery[]>;
}

export function createAdmin(db: Db, now: () => number): Admin {
  const requireTeam = async (team: string) => {
    if ((await db.query('SELECT 1 FROM teams WHERE id = $1', [team])).length === 0) throw new AdminError(`No team with id "${team}". See the ids printed by "team create".`);
  };
  const requireUser = async (team: string, email: string) => {
    await requireTeam(team);
    if ((await db.query('SELECT 1 FROM users WHERE team_id = $1 AND email = $2', [team, email])).length === 0) {
      throw new AdminError(`No user ${email} in team ${team}. Add one with "user add".`);
    }
  };
  const role = (value: string): UserRole => {
    const parsed = UserRoleSchema.safeParse(value);
    if (!parsed.success) throw new AdminError(`"${value}" is not a role; use one of ${UserRoleSchema.options.join(', ')}.`);
    return parsed.data;
  };
  const email = (value: string): string => {
    const normalised = value.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalised) || normalised.length > 320) throw new AdminError(`"${value}" is not an email address.`);
    return normalised;
  };

  return {
    async createTeam({ name }) {
      const trimmed = name.trim();
      if (!trimmed || trimmed.length > 300) throw new AdminError('A team name is 1 to 300 characters.');
      const id = `team_${randomBytes(6).toString('hex')}`;
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO teams (id, name, epoch, created_at) VALUES ($1, $2, $3, $4)', [id, trimmed, randomBytes(6).toString('hex'), now()]);
        await tx.query('INSERT INTO team_version (team_id) VALUES ($1)', [id]);
      });
      return { id, name: trimmed };
    },
    async addUser(input) {
      await requireTeam(input.team);
      const address = email(input.email);
      const name = input.name.trim();
      if (name.length > 300) throw new AdminError('A name is at most 300 characters.');
      const rows = await db.query('INSERT INTO users (team_id, email, name, role, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING email', [
        input.team, address, name, role(input.role), now(),
      ]);
      if (rows.length === 0) throw new AdminError(`${address} is already a user of team ${input.team}; use "user set-role" to change the role.`);
    },
    async setUserRole(input) {
      const address = email(input.email);
      await requireUser(input.team, address);
      await db.query('UPDATE users SET role = $3 WHERE team_id = $1 AND email = $2', [input.team, address, role(input.role)]);
    },
    async createToken(input) {
      const address = email(input.email);
      await requireUser(input.team, address);
      const token = newToken();
      await db.query('INSERT INTO tokens (id, team_id, user_email, hash, created_at) VALUES ($1, $2, $3, $4, $5)', [token.id, input.team, address, token.hash, now()]);
      return { id: token.id, token: token.token };
    },
    async revokeToken({ id }) {
      const rows = await db.query('UPDATE tokens SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING id', [id, now()]);
      if (rows.length === 0) throw new AdminError(`No token with id "${id}". "token list --team T" shows the ids.`);
    },
    async listTokens({ team }) {
      await requireTeam(team);
      const rows = await db.query<{ id: string; user_email: string; created_at: number; last_used_at: number | null; revoked_at: number | null }>(
        'SELECT id, user_email, created_at, last_used_at, revoked_at FROM tokens WHERE team_id = $1 ORDER BY created_at, id',
        [team],
      );
      return rows.map((r) => ({ id: r.id, email: r.user_email, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
    },
    async setOwnerActive({ team, id, active }) {
      await requireTeam(team);
      await db.transaction(async (tx) => {
        const version = await takeTeamVersion(tx, team);
        const rows = await tx.query<{ active: boolean }>('SELECT active FROM owners WHERE team_id = $1 AND id = $2', [team, id]);
        if (!rows[0]) throw new AdminError(`No owner "${id}" in team ${team}. Owner ids come from the owners import.`);
        if (rows[0].active !== active) await tx.query('UPDATE owners SET active = $3, sync_version = $4 WHERE team_id = $1 AND id = $2', [team, id, active, version]);
      });
    },
    async importOwners(input) {
      await requireTeam(input.team);
      return importOwners(db, input, now());
    },
    async addWebhook(input) {
      await requireTeam(input.team);
      let url: URL;
      try {
        url = new URL(input.url);
      } catch {
        throw new AdminError(`"${input.url}" is not a URL.`);
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AdminError('A webhook URL starts with https:// (or http:// on a private network).');
      if (input.secret.length < 16) throw new AdminError('A webhook secret is at least 16 characters; generate one, e.g. `openssl rand -hex 32`.');
      const id = `wh_${randomBytes(6).toString('hex')}`;
      await db.query('INSERT INTO webhooks (id, team_id, url, secret, created_at) VALUES ($1, $2, $3, $4, $5)', [id, input.team, url.toString(), input.secret, now()]);
      return { id };
    },
    async listWebhookDeliveries({ team }) {
      const rows = await db.query<{ webhook_id: string; event_id: string; attempt: number; status: number | null; ok: boolean; error: string | null }>(
        `SELECT d.webhook_id, d.event_id, d.attempt, d.status, d.ok, d.error FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
         WHERE w.team_id = $1 ORDER BY d.at, d.event_id, d.attempt`,
        [team],
      );
      return rows.map((r) => ({ webhookId: r.webhook_id, eventId: r.event_id, attempt: r.attempt, status: r.status, ok: r.ok, error: r.error }));
    },
  };
}
