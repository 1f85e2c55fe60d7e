-- The team ownership service's tables (issue 3). One SQL dialect for PGlite and PostgreSQL.
-- Every synced row carries `sync_version`: the team version of the transaction that last wrote it
-- (see server/sync/team-version.ts for why that version never skips).

CREATE TABLE teams (
  id text PRIMARY KEY,
  name text NOT NULL,
  -- Changes when the team's sync history is cut off (a restore, a wipe): older cookies then reset.
  epoch text NOT NULL,
  created_at bigint NOT NULL
);

-- One row per team; writers take its row lock with `UPDATE ... SET v = v + 1`, so versions are handed out
-- and committed in order.
CREATE TABLE team_version (
  team_id text PRIMARY KEY REFERENCES teams(id),
  v bigint NOT NULL DEFAULT 0,
  -- The highest sync_version of a tombstone purged so far: cookies below it must reset.
  purged_through bigint NOT NULL DEFAULT 0
);

CREATE TABLE users (
  team_id text NOT NULL REFERENCES teams(id),
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('rep', 'csm', 'marketer', 'admin')),
  created_at bigint NOT NULL,
  PRIMARY KEY (team_id, email)
);

CREATE TABLE tokens (
  id text PRIMARY KEY,
  team_id text NOT NULL,
  user_email text NOT NULL,
  -- SHA-256 of the token, hex: the token itself is shown once and never stored.
  hash text NOT NULL UNIQUE,
  created_at bigint NOT NULL,
  last_used_at bigint,
  revoked_at bigint,
  FOREIGN KEY (team_id, user_email) REFERENCES users(team_id, email)
);

CREATE TABLE owners (
  team_id text NOT NULL REFERENCES teams(id),
  id text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  role text NOT NULL DEFAULT 'other',
  email text,
  active boolean NOT NULL DEFAULT true,
  last_active_at bigint,
  sync_version bigint NOT NULL,
  PRIMARY KEY (team_id, id)
);
CREATE INDEX owners_sync ON owners (team_id, sync_version);

-- email or web domain → one entity, so one company seen in two CRMs is one account.
CREATE TABLE identities (
  team_id text NOT NULL REFERENCES teams(id),
  kind text NOT NULL CHECK (kind IN ('email', 'domain')),
  value text NOT NULL,
  entity_id text NOT NULL,
  PRIMARY KEY (team_id, kind, value)
);

CREATE TABLE records (
  team_id text NOT NULL REFERENCES teams(id),
  key text NOT NULL,
  crm text NOT NULL,
  kind text NOT NULL,
  record_id text NOT NULL,
  object_type text,
  name text,
  email text,
  domain text,
  entity_id text,
  owner_id text,
  supporting_owner_ids jsonb NOT NULL DEFAULT '[]',
  lifecycle_stage text,
  assigned_at bigint,
  first_touch_at bigint,
  last_activity_at bigint,
  consent jsonb NOT NULL DEFAULT '{}',
  -- Compare-and-set version of the owner of record (OwnershipSchema.version), not the sync version.
  owner_version integer NOT NULL DEFAULT 0,
  updated_at bigint NOT NULL,
  sync_version bigint NOT NULL,
  PRIMARY KEY (team_id, key)
);
CREATE INDEX records_sync ON records (team_id, sync_version);
CREATE INDEX records_entity ON records (team_id, entity_id);

CREATE TABLE flags (
  team_id text NOT NULL REFERENCES teams(id),
  id text NOT NULL,
  record_key text NOT NULL,
  type text NOT NULL CHECK (type IN ('outreach', 'do-not-market')),
  set_by text NOT NULL,
  since bigint NOT NULL,
  until bigint,
  reason text,
  channels jsonb NOT NULL DEFAULT '[]',
  -- A deleted flag stays as a tombstone for the tombstone period, so pulls can tell clients.
  deleted boolean NOT NULL DEFAULT false,
  deleted_at bigint,
  sync_version bigint NOT NULL,
  PRIMARY KEY (team_id, id)
);
CREATE INDEX flags_sync ON flags (team_id, sync_version);
CREATE INDEX flags_tombstones ON flags (team_id, deleted_at) WHERE deleted;

CREATE TABLE checklists (
  team_id text NOT NULL REFERENCES teams(id),
  record_key text NOT NULL,
  from_stage text NOT NULL,
  to_stage text NOT NULL,
  items jsonb NOT NULL DEFAULT '[]',
  sync_version bigint NOT NULL,
  PRIMARY KEY (team_id, record_key)
);
CREATE INDEX checklists_sync ON checklists (team_id, sync_version);

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE history (
  team_id text NOT NULL REFERENCES teams(id),
  id text NOT NULL,
  record_key text NOT NULL,
  at bigint NOT NULL,
  actor text NOT NULL,
  kind text NOT NULL,
  before text,
  after text,
  reason text,
  -- The client's clock when the user acted: kept for people reading the log, never used to decide.
  client_time bigint,
  sync_version bigint NOT NULL,
  PRIMARY KEY (team_id, id)
);
CREATE INDEX history_sync ON history (team_id, sync_version);

CREATE TABLE clients (
  team_id text NOT NULL REFERENCES teams(id),
  client_id text NOT NULL,
  user_email text NOT NULL,
  last_mutation_id bigint NOT NULL DEFAULT 0,
  updated_at bigint NOT NULL,
  PRIMARY KEY (team_id, client_id)
);

CREATE TABLE webhooks (
  id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams(id),
  url text NOT NULL,
  secret text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at bigint NOT NULL
);

CREATE TABLE webhook_deliveries (
  webhook_id text NOT NULL REFERENCES webhooks(id),
  event_id text NOT NULL,
  attempt integer NOT NULL,
  at bigint NOT NULL,
  status integer,
  error text,
  ok boolean NOT NULL,
  PRIMARY KEY (webhook_id, event_id, attempt)
);

CREATE TABLE rulepacks (
  team_id text PRIMARY KEY REFERENCES teams(id),
  version bigint NOT NULL,
  -- Stored as sent: the signature covers the exact document, so it is served back byte for byte.
  body text NOT NULL,
  updated_at bigint NOT NULL,
  updated_by text NOT NULL
);
