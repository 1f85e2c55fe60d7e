// `npm run rulepack -- <command>`: the admin's tool for rule packs (issue #5). Write a starter pack, check
// it, make a signing key, sign, verify, and publish to the team's ownership service. The same
// lib/rules code the extension runs does every check, so "valid here" means "valid on every install".

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fromBase64url, toBase64url } from '../lib/rules/base64url';
import { formatPackErrors, parseRulePack } from '../lib/rules/parse';
import { readJson } from '../lib/rules/read-json';
import type { RulePack } from '../lib/rules/schema';
import { exportPublicKey, generateKeyPair, keyIdOf, signPack, verifySignedPack, type PinnedKey } from '../lib/rules/sign';
import { starterPack } from '../lib/rules/starter-pack';

const USAGE = `Usage: npm run rulepack -- <command> [options]

  init --team TEAM --out FILE            write a starter pack to edit (refuses to overwrite; --force)
  validate FILE                          check a pack (or a signed pack's contents); errors with JSON paths
  keygen --out DIR                       make a signing key: DIR/rulepack-key.pem (secret, mode 0600)
                                         and DIR/rulepack-key.pub.json (the public key installs pin)
  sign FILE --key PEM --out SIGNED       sign a valid pack with the private key
  verify SIGNED --pub PUB.json [--pub …] [--team TEAM] [--active-version N]
                                         check a signed pack as an install would
  publish SIGNED --server URL [--token TOKEN]
                                         PUT the signed pack to URL/v1/rulepack (token: --token or
                                         the OWNERSIGHT_TOKEN environment variable)

Exit status: 0 done, 1 the pack or key was refused, 2 wrong usage.`;

const PRIVATE_KEY_FILE = 'rulepack-key.pem';
const PUBLIC_KEY_FILE = 'rulepack-key.pub.json';
const ED25519 = { name: 'Ed25519' } as const;

class UsageError extends Error {}
class Refused extends Error {}

const say = (line: string) => process.stdout.write(`${line}\n`);

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Refused(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function readJsonFile(path: string): unknown {
  const read = readJson(readText(path));
  if (!read.ok) throw new Refused(`${path}: ${read.message}`);
  return read.value;
}

function writeNew(path: string, text: string, { force = false, mode }: { force?: boolean; mode?: number } = {}): void {
  try {
    writeFileSync(path, text, { flag: force ? 'w' : 'wx', ...(mode !== undefined ? { mode } : {}) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Refused(`${path} exists already; not overwriting it.`);
    throw error;
  }
}

function toPem(der: Uint8Array): string {
  const base64 = btoa(String.fromCharCode(...der));
  return `-----BEGIN PRIVATE KEY-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

async function readPrivateKey(path: string): Promise<{ privateKey: CryptoKey; keyId: string }> {
  const pem = readText(path);
  const body = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/.exec(pem)?.[1];
  if (!body) throw new Refused(`${path} is not a PKCS#8 PEM private key (from rulepack keygen).`);
  const der = Uint8Array.from(atob(body.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey('pkcs8', der, ED25519, true, ['sign']);
  } catch {
    throw new Refused(`${path} is not an Ed25519 private key.`);
  }
  // The private JWK carries the public key (x): the key id needs no second file.
  const { x } = await crypto.subtle.exportKey('jwk', privateKey);
  if (!x) throw new Refused(`${path}: cannot read the public half of the key.`);
  return { privateKey, keyId: await keyIdOf(x) };
}

function readPublicKey(path: string): PinnedKey {
  const value = readJsonFile(path) as Partial<PinnedKey> | null;
  if (typeof value?.keyId !== 'string' || typeof value.publicKey !== 'string' || fromBase64url(value.publicKey)?.length !== 32) {
    throw new Refused(`${path} is not a public key file from rulepack keygen ({ "keyId", "publicKey" }).`);
  }
  return { keyId: value.keyId, publicKey: value.publicKey };
}

function packOf(value: unknown): unknown {
  const isEnvelope = typeof value === 'object' && value !== null && 'pack' in value && 'signature' in value;
  return isEnvelope ? (value as { pack: unknown }).pack : value;
}

function checkedPack(path: string, value: unknown): RulePack {
  const parsed = parseRulePack(value);
  if (!parsed.ok) throw new Refused(`${path} is not a valid rule pack:\n${formatPackErrors(parsed.errors)}`);
  return parsed.pack;
}

const summary = (pack: RulePack) =>
  `"${pack.name}", version ${pack.version}, team ${pack.team}, ${pack.rules.length} rule${pack.rules.length === 1 ? '' : 's'}, expires ${pack.expiresAt}`;

function need(value: string | undefined, option: string): string {
  if (!value) throw new UsageError(`Missing ${option}.`);
  return value;
}

function one(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`Give exactly one ${what}.`);
  return positionals[0]!;
}

type Options = {
  out?: string;
  team?: string;
  key?: string;
  pub?: string[];
  server?: string;
  token?: string;
  force?: boolean;
  'active-version'?: string;
};

const COMMANDS: Record<string, { options: (keyof Options)[]; run(positionals: string[], o: Options): Promise<void> }> = {
  init: {
    options: ['team', 'out', 'force'],
    async run(positionals, o) {
      if (positionals.length > 0) throw new UsageError('init takes no file name; use --out FILE.');
      const out = need(o.out, '--out FILE');
      const pack = starterPack({ team: need(o.team, '--team TEAM'), now: Date.now() });
      checkedPack('the starter pack', pack); // a bad --team shows here, with its rule
      writeNew(out, `${JSON.stringify(pack, null, 2)}\n`, { force: o.force ?? false });
      say(`Wrote ${out}: ${summary(pack)}.`);
      say('Edit it, then: npm run rulepack -- validate ' + out);
    },
  },
  validate: {
    options: [],
    async run(positionals) {
      const file = one(positionals, 'FILE');
      say(`OK: ${summary(checkedPack(file, packOf(readJsonFile(file))))}.`);
    },
  },
  keygen: {
    options: ['out'],
    async run(positionals, o) {
      if (positionals.length > 0) throw new UsageError('keygen takes no file name; use --out DIR.');
      const dir = resolve(need(o.out, '--out DIR'));
      mkdirSync(dir, { recursive: true });
      const pair = await generateKeyPair();
      const publicKey = await exportPublicKey(pair.publicKey);
      const keyId = await keyIdOf(publicKey);
      const der = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
      const privatePath = join(dir, PRIVATE_KEY_FILE);
      const publicPath = join(dir, PUBLIC_KEY_FILE);
      if (existsSync(privatePath) || existsSync(publicPath)) throw new Refused(`${dir} holds a rule-pack key already; not overwriting it.`);
      writeNew(privatePath, toPem(der), { mode: 0o600 });
      writeNew(publicPath, `${JSON.stringify({ alg: 'Ed25519', keyId, publicKey, createdAt: new Date().toISOString() }, null, 2)}\n`);
      say(`Key ${keyId}`);
      say(`  private: ${privatePath} (keep it secret and off shared drives; it signs every pack)`);
      say(`  public:  ${publicPath} (pin it on every install)`);
    },
  },
  sign: {
    options: ['key', 'out'],
    async run(positionals, o) {
      const file = one(positionals, 'FILE');
      const keyPath = need(o.key, '--key PEM');
      const out = need(o.out, '--out SIGNED');
      const value = readJsonFile(file);
      if (packOf(value) !== value) throw new Refused(`${file} is signed already; sign the pack itself.`);
      const pack = checkedPack(file, value);
      if (Date.parse(pack.expiresAt) <= Date.now()) throw new Refused(`${file} expired on ${pack.expiresAt}; set a later expiresAt.`);
      const { privateKey, keyId } = await readPrivateKey(keyPath);
      const signed = await signPack(pack, privateKey, keyId);
      writeFileSync(out, `${JSON.stringify(signed, null, 2)}\n`);
      say(`Signed ${summary(pack)} with key ${keyId} → ${out}`);
    },
  },
  verify: {
    options: ['pub', 'team', 'active-version'],
    async run(positionals, o) {
      const file = one(positionals, 'SIGNED');
      if (!o.pub?.length) throw new UsageError('Missing --pub PUB.json.');
      const pinnedKeys = o.pub.map(readPublicKey);
      const envelope = readJsonFile(file);
      const claimedTeam = (packOf(envelope) as { team?: unknown } | null)?.team;
      const activeVersion = o['active-version'] === undefined ? undefined : Number(o['active-version']);
      if (activeVersion !== undefined && !Number.isInteger(activeVersion)) throw new UsageError('--active-version takes a whole number.');
      const result = await verifySignedPack(envelope, {
        pinnedKeys,
        // Without --team, check everything else: the pack's own team is taken as given.
        team: o.team ?? (typeof claimedTeam === 'string' ? claimedTeam : ''),
        now: Date.now(),
        ...(activeVersion !== undefined ? { activeVersion } : {}),
      });
      if (!result.ok) throw new Refused(`Refused (${result.code}): ${result.message}`);
      say(`OK: ${summary(result.pack)}, signed by key ${result.keyId}.`);
    },
  },
  publish: {
    options: ['server', 'token'],
    async run(positionals, o) {
      const file = one(positionals, 'SIGNED');
      const server = need(o.server, '--server URL');
      const token = o.token ?? process.env.OWNERSIGHT_TOKEN;
      if (!token) throw new UsageError('Missing --token TOKEN (or set OWNERSIGHT_TOKEN).');
      let url: URL;
      try {
        url = new URL(`${server.replace(/\/+$/, '')}/v1/rulepack`);
      } catch {
        throw new UsageError(`${server} is not a web address.`);
      }
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new UsageError('The server address must be https:// (plain http only for localhost): the token must not travel in clear.');
      }
      const envelope = readJsonFile(file);
      if (packOf(envelope) === envelope) throw new Refused(`${file} is not signed; run rulepack sign first.`);
      const pack = checkedPack(file, packOf(envelope));
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(envelope),
        });
      } catch (error) {
        throw new Refused(`Cannot reach ${url.origin}: ${(error as Error).cause ?? (error as Error).message}`);
      }
      if (!response.ok) {
        const text = await response.text();
        let message = text.slice(0, 2000);
        try {
          const body = JSON.parse(text) as { error?: { message?: unknown } };
          if (typeof body.error?.message === 'string') message = body.error.message;
        } catch {
          // Not JSON: show the text as it came.
        }
        throw new Refused(`The server refused the pack (HTTP ${response.status}): ${message || response.statusText}`);
      }
      say(`Published ${summary(pack)} to ${url.origin}.`);
    },
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    const all = {
      out: { type: 'string' },
      team: { type: 'string' },
      key: { type: 'string' },
      pub: { type: 'string', multiple: true },
      server: { type: 'string' },
      token: { type: 'string' },
      force: { type: 'boolean' },
      'active-version': { type: 'string' },
    } as const;
    const options = Object.fromEntries(command.options.map((o) => [o, all[o]]));
    let parsed: { values: Options; positionals: string[] };
    try {
      parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true }) as { values: Options; positionals: string[] };
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    await command.run(parsed.positionals, parsed.values);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`${error instanceof Refused ? error.message : (error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
