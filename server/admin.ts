import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CRM_IDS, RECORD_KINDS, type CrmId, type RecordKind } from '../lib/model/crm-ids';
import { MAPPING_FIELDS, type ColumnMapping } from '../lib/import/export-formats';
import type { UserRole } from '../lib/model/sync';
import { AdminError } from './admin/admin-api';
import { createService } from './service';

// `npm run admin -- <command>`: teams, users, tokens, owners import and webhooks, on the same database as
// `npm run server` (DATABASE_URL, else the embedded one in OWNERSIGHT_DATA_DIR; stop the server first
// when it is the embedded one). Exit codes: 0 done, 1 refused or failed, 2 bad usage.

const USAGE = `Usage: npm run admin -- <command> [options]

  team create --name NAME                          create a team; prints its id
  user add --team T --email E --name N --role R    add a user (role: rep, csm, marketer, admin)
  user set-role --team T --email E --role R        change a user's role
  token create --team T --email E                  create an access token; printed once, keep it
  token revoke --id ID                             revoke a token
  token list --team T                              list a team's tokens (never the tokens themselves)
  owner set-active --team T --id ID --active true|false
  import --team T --file F.csv [--crm C] [--kind account|contact] [--map Column=field ...] [--dry-run]
                                                   import owners from a Salesforce, HubSpot or Pipedrive export
  webhook add --team T --url U --secret S          POST signed flag changes to U

Database: DATABASE_URL (PostgreSQL) if set, else the embedded database in OWNERSIGHT_DATA_DIR (.data/pglite).
`;

class UsageError extends Error {}

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const COMMANDS: Record<string, { options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>; required: string[] }> = {
  'team create': { options: { name: { type: 'string' } }, required: ['name'] },
  'user add': { options: { team: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } }, required: ['team', 'email', 'name', 'role'] },
  'user set-role': { options: { team: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' } }, required: ['team', 'email', 'role'] },
  'token create': { options: { team: { type: 'string' }, email: { type: 'string' } }, required: ['team', 'email'] },
  'token revoke': { options: { id: { type: 'string' } }, required: ['id'] },
  'token list': { options: { team: { type: 'string' } }, required: ['team'] },
  'owner set-active': { options: { team: { type: 'string' }, id: { type: 'string' }, active: { type: 'string' } }, required: ['team', 'id', 'active'] },
  import: {
    options: { team: { type: 'string' }, file: { type: 'string' }, crm: { type: 'string' }, kind: { type: 'string' }, map: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' } },
    required: ['team', 'file'],
  },
  'webhook add': { options: { team: { type: 'string' }, url: { type: 'string' }, secret: { type: 'string' } }, required: ['team', 'url', 'secret'] },
};

function parseCommand(argv: string[]): { command: string; values: Values } {
  const two = argv.slice(0, 2).join(' ');
  const command = COMMANDS[two] ? two : argv[0] && COMMANDS[argv[0]] ? argv[0] : null;
  if (!command) throw new UsageError(argv.length ? `Unknown command "${argv.slice(0, 2).join(' ')}".` : 'No command given.');
  const spec = COMMANDS[command]!;
  let values: Values;
  try {
    ({ values } = parseArgs({ args: argv.slice(command.split(' ').length), options: spec.options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const missing = spec.required.filter((name) => values[name] === undefined || values[name] === '');
  if (missing.length) throw new UsageError(`${command}: missing ${missing.map((m) => `--${m}`).join(', ')}.`);
  return { command, values };
}

const str = (values: Values, name: string) => values[name] as string;

function parseMapping(pairs: string[]): Partial<ColumnMapping> {
  const mapping: Partial<ColumnMapping> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const column = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim();
    if (at <= 0 || !(MAPPING_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--map takes Column=field, field one of ${MAPPING_FIELDS.join(', ')}; got "${pair}".`);
    }
    mapping[field as keyof ColumnMapping] = column;
  }
  return mapping;
}

async function run(argv: string[]): Promise<number> {
  const { command, values } = parseCommand(argv);
  // Check what can be checked before opening the database.
  let importInput: { csv: string; crm?: CrmId; kind?: RecordKind; mapping?: Partial<ColumnMapping> } | undefined;
  if (command === 'import') {
    const crm = values.crm as string | undefined;
    const kind = values.kind as string | undefined;
    if (crm && !(CRM_IDS as readonly string[]).includes(crm)) throw new UsageError(`--crm is one of ${CRM_IDS.join(', ')}.`);
    if (kind && !(RECORD_KINDS as readonly string[]).includes(kind)) throw new UsageError('--kind is account or contact.');
    const mapping = values.map ? parseMapping(values.map as string[]) : undefined;
    let csv: string;
    try {
      csv = readFileSync(str(values, 'file'), 'utf8');
    } catch (error) {
      throw new AdminError(`Cannot read ${str(values, 'file')}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
    }
    importInput = { csv, ...(crm ? { crm: crm as CrmId } : {}), ...(kind ? { kind: kind as RecordKind } : {}), ...(mapping ? { mapping } : {}) };
  }
  if (command === 'owner set-active' && !['true', 'false'].includes(str(values, 'active'))) throw new UsageError('--active is true or false.');

  const service = await createService();
  try {
    const { admin } = service;
    switch (command) {
      case 'team create': {
        const team = await admin.createTeam({ name: str(values, 'name') });
        console.log(team.id);
        return 0;
      }
      case 'user add':
        await admin.addUser({ team: str(values, 'team'), email: str(values, 'email'), name: str(values, 'name'), role: str(values, 'role') as UserRole });
        console.log(`Added ${str(values, 'email')} as ${str(values, 'role')}.`);
        return 0;
      case 'user set-role':
        await admin.setUserRole({ team: str(values, 'team'), email: str(values, 'email'), role: str(values, 'role') as UserRole });
        console.log(`${str(values, 'email')} is now ${str(values, 'role')}.`);
        return 0;
      case 'token create': {
        const token = await admin.createToken({ team: str(values, 'team'), email: str(values, 'email') });
        console.error(`Token ${token.id} for ${str(values, 'email')}. It is shown only now; paste it into the extension's options ("Access token").`);
        console.log(token.token);
        return 0;
      }
      case 'token revoke':
        await admin.revokeToken({ id: str(values, 'id') });
        console.log(`Revoked ${str(values, 'id')}.`);
        return 0;
      case 'token list': {
        const tokens = await admin.listTokens({ team: str(values, 'team') });
        if (tokens.length === 0) console.log('No tokens.');
        const date = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());
        for (const t of tokens) console.log(`${t.id}\t${t.email}\tcreated ${date(t.createdAt)}\tlast used ${date(t.lastUsedAt)}${t.revokedAt ? `\trevoked ${date(t.revokedAt)}` : ''}`);
        return 0;
      }
      case 'owner set-active':
        await admin.setOwnerActive({ team: str(values, 'team'), id: str(values, 'id'), active: str(values, 'active') === 'true' });
        console.log(`Owner ${str(values, 'id')} is now ${str(values, 'active') === 'true' ? 'active' : 'inactive'}.`);
        return 0;
      case 'import': {
        const report = await admin.importOwners({ team: str(values, 'team'), ...importInput!, dryRun: values['dry-run'] === true });
        for (const e of report.errors) console.error(`${e.row ? `row ${e.row}` : 'file'}${e.column ? ` (${e.column})` : ''}: ${e.message}`);
        if (!report.format) return 1;
        console.log(`Read as: ${report.format}`);
        console.log(`Owners: ${report.owners.added} new, ${report.owners.changed} changed, ${report.owners.unchanged} unchanged.`);
        console.log(`Records: ${report.records.added} new, ${report.records.changed} changed, ${report.records.unchanged} unchanged; ${report.skipped} repeated rows skipped; ${report.errors.length} problems.`);
        console.log(report.dryRun ? 'Dry run: nothing was written.' : report.written ? 'Written.' : 'Nothing to write: the team already holds all of this.');
        return 0;
      }
      case 'webhook add': {
        const hook = await admin.addWebhook({ team: str(values, 'team'), url: str(values, 'url'), secret: str(values, 'secret') });
        console.log(hook.id);
        return 0;
      }
    }
    throw new UsageError(`Unknown command "${command}".`);
  } finally {
    await service.close();
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof AdminError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
