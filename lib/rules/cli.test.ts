import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run rulepack -- …` end to end, as an admin runs it, in a temporary folder.

const root = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(root, 'node_modules/.bin/tsx');
const SCRIPT = join(root, 'scripts/rulepack.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function rulepack(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, [SCRIPT, ...args], { cwd, env: { ...process.env, OWNERSIGHT_TOKEN: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rulepack-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rulepack CLI', { timeout: 60_000 }, () => {
  it('keygen → init → validate → sign → verify, then a tampered pack fails', async () => {
    const keygen = await rulepack(dir, 'keygen', '--out', 'keys');
    expect(keygen).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Key [0-9a-f]{16}\n/) });
    expect(statSync(join(dir, 'keys/rulepack-key.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'keys/rulepack-key.pem'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const pub = JSON.parse(readFileSync(join(dir, 'keys/rulepack-key.pub.json'), 'utf8'));
    expect(pub).toMatchObject({ alg: 'Ed25519', keyId: expect.stringMatching(/^[0-9a-f]{16}$/), publicKey: expect.any(String) });
    expect((await rulepack(dir, 'keygen', '--out', 'keys')).code).toBe(1); // never overwrites a key

    expect(await rulepack(dir, 'init', '--team', 'acme', '--out', 'pack.json')).toMatchObject({ code: 0 });
    expect((await rulepack(dir, 'init', '--team', 'acme', '--out', 'pack.json')).code).toBe(1);
    expect(await rulepack(dir, 'validate', 'pack.json')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK: .*team acme, 2 rules/) });

    const signed = await rulepack(dir, 'sign', 'pack.json', '--key', 'keys/rulepack-key.pem', '--out', 'signed.json');
    expect(signed).toMatchObject({ code: 0, stdout: expect.stringContaining(`with key ${pub.keyId}`) });
    const verify = await rulepack(dir, 'verify', 'signed.json', '--pub', 'keys/rulepack-key.pub.json', '--team', 'acme');
    expect(verify).toMatchObject({ code: 0, stdout: expect.stringContaining(`signed by key ${pub.keyId}`) });
    expect(await rulepack(dir, 'validate', 'signed.json')).toMatchObject({ code: 0 });

    const wrongTeam = await rulepack(dir, 'verify', 'signed.json', '--pub', 'keys/rulepack-key.pub.json', '--team', 'globex');
    expect(wrongTeam).toMatchObject({ code: 1, stderr: expect.stringContaining('Refused (wrong-team)') });
    const replay = await rulepack(dir, 'verify', 'signed.json', '--pub', 'keys/rulepack-key.pub.json', '--active-version', '1');
    expect(replay).toMatchObject({ code: 1, stderr: expect.stringContaining('Refused (rollback)') });

    const envelope = JSON.parse(readFileSync(join(dir, 'signed.json'), 'utf8'));
    envelope.pack.fallback.id = 'mallory';
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(envelope));
    const tampered = await rulepack(dir, 'verify', 'tampered.json', '--pub', 'keys/rulepack-key.pub.json');
    expect(tampered).toMatchObject({ code: 1, stderr: expect.stringContaining('Refused (bad-signature)') });
  });

  it('validate prints each mistake with its JSON path and exits 1', async () => {
    const file = join(root, 'test/fixtures/rulepacks/broken/unknown-field.json');
    const result = await rulepack(dir, 'validate', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('$.rules[0].when.contry: is not a known field here');
  });

  it('exits 2 with the usage on wrong usage', async () => {
    const cases = [[], ['frobnicate'], ['sign', 'pack.json'], ['validate'], ['keygen', '--out', 'x', '--colour', 'red'], ['publish', 'x.json', '--server', 'http://example.com', '--token', 't']];
    const results = await Promise.all(cases.map((args) => rulepack(dir, ...args)));
    results.forEach((result, i) => {
      expect(result.code, cases[i]!.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: npm run rulepack');
    });
  });

  describe('publish', () => {
    let server: Server;
    let url: string;
    const seen: { method?: string; path?: string; auth?: string; body: string }[] = [];
    let reply: { status: number; body: string } = { status: 200, body: '{"version":1}' };

    beforeAll(async () => {
      server = createServer((req: IncomingMessage, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        req.on('end', () => {
          seen.push({ method: req.method, path: req.url, auth: req.headers.authorization, body });
          res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      // A signed pack to publish.
      await rulepack(dir, 'keygen', '--out', 'pub-keys');
      await rulepack(dir, 'init', '--team', 'acme', '--out', 'pub-pack.json');
      await rulepack(dir, 'sign', 'pub-pack.json', '--key', 'pub-keys/rulepack-key.pem', '--out', 'pub-signed.json');
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('PUTs the signed envelope with the bearer token', async () => {
      const result = await rulepack(dir, 'publish', 'pub-signed.json', '--server', url, '--token', 's3cret');
      expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('Published') });
      const request = seen.at(-1)!;
      expect(request).toMatchObject({ method: 'PUT', path: '/v1/rulepack', auth: 'Bearer s3cret' });
      expect(JSON.parse(request.body)).toEqual(JSON.parse(readFileSync(join(dir, 'pub-signed.json'), 'utf8')));
    });

    it("prints the server's own error message and exits 1", async () => {
      reply = { status: 409, body: JSON.stringify({ error: { code: 'stale-version', message: 'The stored rule pack is version 7.' } }) };
      const result = await rulepack(dir, 'publish', 'pub-signed.json', '--server', url, '--token', 's3cret');
      expect(result).toMatchObject({ code: 1, stderr: 'The server refused the pack (HTTP 409): The stored rule pack is version 7.\n' });
    });

    it('refuses to publish an unsigned pack', async () => {
      const result = await rulepack(dir, 'publish', 'pub-pack.json', '--server', url, '--token', 's3cret');
      expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('not signed') });
    });
  });
});
