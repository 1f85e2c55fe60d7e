import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRulePack } from './parse';
import { MAX_PACK_BYTES } from './read-json';
import { starterPack } from './starter-pack';

const fixtures = fileURLToPath(new URL('../../test/fixtures/rulepacks/', import.meta.url));
const text = (name: string) => readFileSync(`${fixtures}${name}`, 'utf8');

describe('parseRulePack: valid packs', () => {
  const valid = readdirSync(`${fixtures}valid`).map((f) => `valid/${f}`);

  it.each(valid)('%s parses, and survives parse → serialise → parse unchanged', (name) => {
    const first = parseRulePack(text(name));
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    // Nothing is transformed: the parsed pack is the input, so what was signed is what is evaluated.
    expect(first.pack).toEqual(JSON.parse(text(name)));
    const second = parseRulePack(JSON.stringify(first.pack));
    expect(second).toEqual(first);
  });

  it('takes an already-parsed value as well as JSON text', () => {
    const pack = starterPack({ team: 'acme', now: Date.UTC(2025, 0, 1) });
    expect(parseRulePack(pack)).toEqual({ ok: true, pack });
  });
});

/** Each broken pack is refused for its own reason: the first error's path, and words from its message. */
const BROKEN: [file: string, path: string, message: RegExp][] = [
  ['wrong-type.json', '$.version', /must be a number, not text/],
  ['unknown-field.json', '$.rules[0].when.contry', /not a known field/],
  ['unknown-top-field.json', '$.script', /not a known field/],
  ['missing-pool.json', '$.rules[0].assign.pool', /no pool has the id "sdr"/],
  ['duplicate-rule-ids.json', '$.rules[1].id', /"r1" is also the id of rules\[0\]/],
  ['duplicate-priorities.json', '$.rules[1].priority', /5 is also the priority of rules\[0\]/],
  ['expires-before-issued.json', '$.expiresAt', /later than issuedAt/],
  ['wrong-schema-version.json', '$.schemaVersion', /must be 1/],
  ['owner-and-pool.json', '$.rules[0].assign', /either "owner".*or "pool"/],
  ['employee-range-inverted.json', '$.rules[0].when.employeeCount', /min must not be more than max/],
  ['host-with-scheme.json', '$.extraHosts.odoo[0]', /plain host name/],
  ['host-wildcard-inside.json', '$.extraHosts.espocrm[0]', /only a leading \*\./],
  ['field-mapping-selector.json', '$.fieldMappings.salesforce.industry', /not a CSS selector/],
  ['unknown-crm.json', '$.rules[0].when.crm[0]', /must be one of "salesforce"/],
  ['bad-requirement.json', '$.checklists[0].items[0].requirement.type', /must be one of "field", "consent"/],
  ['bad-role.json', '$.flags.doNotMarket.setBy[0]', /must be one of "rep", "csm", "marketer", "admin"/],
  ['missing-fallback.json', '$.fallback', /is required/],
  ['not-json.json', '$', /not JSON/],
  ['deeply-nested.json', '$', /deeper than 32 levels/],
];

describe('parseRulePack: broken packs', () => {
  it('has a case for every file in the corpus', () => {
    expect(readdirSync(`${fixtures}broken`).sort()).toEqual(BROKEN.map(([f]) => f).sort());
  });

  it.each(BROKEN)('%s is refused at %s', (file, path, message) => {
    const result = parseRulePack(text(`broken/${file}`));
    if (result.ok) throw new Error(`${file} was accepted`);
    expect(result.errors[0]).toEqual({ path, message: expect.stringMatching(message) });
  });

  it('refuses a file over 1 MB before parsing it', () => {
    const huge = `{"name":"${'x'.repeat(MAX_PACK_BYTES)}"}`;
    expect(parseRulePack(huge)).toEqual({ ok: false, errors: [{ path: '$', message: expect.stringMatching(/at most 1024 KB/) }] });
  });

  it('counts bytes, not characters: 400,000 three-byte characters are over 1 MB', () => {
    const result = parseRulePack(`"${'€'.repeat(400_000)}"`);
    expect(result.ok || result.errors[0]!.message).toMatch(/at most 1024 KB/);
  });

  it('refuses too many rules with the limit in words', () => {
    const pack = starterPack({ team: 'acme', now: Date.UTC(2025, 0, 1) });
    const rule = pack.rules[0]!;
    const rules = Array.from({ length: 5001 }, (_, i) => ({ ...rule, id: `r${i}`, priority: i }));
    const result = parseRulePack({ ...pack, rules });
    expect(result).toEqual({ ok: false, errors: [{ path: '$.rules', message: 'must have at most 5000 entries' }] });
  });

  it('refuses a deeply nested or cyclic in-memory value without recursing', () => {
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(parseRulePack({ rules: deep })).toMatchObject({ ok: false, errors: [{ path: '$', message: expect.stringMatching(/deeper than 32/) }] });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(parseRulePack(cyclic).ok).toBe(false);
  });

  it('reports every mistake of a pack at once, each with its own path', () => {
    const result = parseRulePack({ schemaVersion: 1, team: '', version: 0, issuedAt: 'yesterday', name: 'x', rules: [], fallback: { kind: 'robot', id: 'r' } });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['$.team', '$.version', '$.issuedAt', '$.expiresAt', '$.fallback.kind']);
  });

  it('refuses things that are not packs at all', () => {
    for (const input of [null, 42, 'null', '[]', '"pack"', undefined]) expect(parseRulePack(input).ok).toBe(false);
  });
});
