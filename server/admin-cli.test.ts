import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm run admin`: usage errors exit 2 before any database is opened; commands run on the embedded
// database of OWNERSIGHT_DATA_DIR.

const dir = mkdtempSync(join(tmpdir(), 'ownersight-admin-'));
const env = { ...process.env, OWNERSIGHT_DATA_DIR: join(dir, 'pglite'), DATABASE_URL: '' };

function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'server/admin.ts', ...args], { env, cwd: new URL('..', import.meta.url).pathname }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('admin command line', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('bad usage: exit 2 with the usage text', async () => {
    const none = await admin();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: npm run admin');
    const missing = await admin('user', 'add', '--team', 'T');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --email, --name, --role');
    const badMap = await admin('import', '--team', 'T', '--file', 'x.csv', '--map', 'Owner=boss');
    expect(badMap.code).toBe(2);
  }, 30_000);

  it('creates a team, a user and a token, and imports with per-row errors and a dry run', async () => {
    const team = await admin('team', 'create', '--name', 'Acme');
    expect(team.code, team.stderr).toBe(0);
    const id = team.stdout.trim();
    expect(id).toMatch(/^team_[0-9a-f]+$/);
    const csv = join(dir, 'owners.csv');
    writeFileSync(csv, '"Record ID","Company name","Company owner","Company Domain Name"\n"1","Acme","Grace <grace@acme.test>","acme.example"\n"","Nameless","Grace <grace@acme.test>",""\n');
    const dry = await admin('import', '--team', id, '--file', csv, '--crm', 'hubspot', '--kind', 'account', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain('row 3 (Record ID): No record id.');
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    const unknownTeam = await admin('token', 'list', '--team', 'team_nope');
    expect(unknownTeam.code).toBe(1);
    expect(unknownTeam.stderr).toContain('No team with id "team_nope"');
  }, 60_000);
});
