import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readFileSync as read } from 'node:fs';
import { TEAM } from './records';
import { ownerExports } from './owners';
import type { Service } from '../server/service';

// The demo team on the embedded database that `npm start` runs: made once (team, an admin, a rep, a
// marketer, the owners exports imported), then found again on the next start. The tokens are kept in
// .data/ (gitignored) because the service stores only their hashes and the demo must log in again.

export interface DemoTeam {
  teamId: string;
  users: { email: string; name: string; role: 'admin' | 'rep' | 'marketer'; token: string }[];
}

const USERS = [
  { email: 'demo.admin@acme-demo.example', name: 'Dana Admin', role: 'admin' },
  { email: TEAM.alan.email, name: TEAM.alan.name, role: 'rep' },
  { email: 'mia.marketer@acme-demo.example', name: 'Mia Marketer', role: 'marketer' },
] as const;

export async function ensureDemoTeam(service: Service, file: string, log: (line: string) => void): Promise<DemoTeam> {
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as DemoTeam;
    const tokens = await service.admin.listTokens({ team: saved.teamId }).catch(() => null);
    if (tokens) return saved;
    log('The saved demo team is not in this database any more: making a new one.');
  }
  const { id: teamId } = await service.admin.createTeam({ name: 'Acme Demo' });
  const users: DemoTeam['users'] = [];
  for (const user of USERS) {
    await service.admin.addUser({ team: teamId, ...user });
    users.push({ ...user, token: (await service.admin.createToken({ team: teamId, email: user.email })).token });
  }
  for (const path of ownerExports()) {
    const report = await service.admin.importOwners({ team: teamId, csv: read(path, 'utf8') });
    log(`  ${path.split('/').pop()}: ${report.format ?? 'not read'}, ${report.records.added} records, ${report.errors.length} errors`);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ teamId, users }, null, 2), { mode: 0o600 });
  return { teamId, users };
}
