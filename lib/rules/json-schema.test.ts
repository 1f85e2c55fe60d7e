import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rulePackJsonSchemaText } from './json-schema';
import { parseRulePack } from './parse';
import { jsonSchemaErrors } from './testing/mini-json-schema';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = `${root}test/fixtures/rulepacks/`;
const committed = readFileSync(`${root}rulepack.schema.json`, 'utf8');
const schema = JSON.parse(committed) as Record<string, unknown>;
const load = (name: string) => JSON.parse(readFileSync(`${fixtures}${name}`, 'utf8')) as Record<string, unknown>;

/**
 * Breakages that a JSON Schema can express, made from a valid pack. Both must refuse every one of them.
 * What needs the whole pack (unique ids and priorities, pools that exist, dates in order, min ≤ max) is
 * Zod's alone and listed in CROSS_CHECKS.
 */
const base = () => load('valid/everything.json');
type Pack = Record<string, any>;
const MUTATIONS: [string, (p: Pack) => void][] = [
  ['missing team', (p) => delete p.team],
  ['unknown top-level field', (p) => (p.colour = 'red')],
  ['unknown field in a condition', (p) => (p.rules[0].when.contry = ['DE'])],
  ['text version', (p) => (p.version = '12')],
  ['zero version', (p) => (p.version = 0)],
  ['fractional priority', (p) => (p.rules[0].priority = 1.5)],
  ['schemaVersion 2', (p) => (p.schemaVersion = 2)],
  ['date not ISO', (p) => (p.issuedAt = '01/01/2025')],
  ['owner and pool', (p) => (p.rules[0].assign.pool = 'sdr')],
  ['owner kind robot', (p) => (p.fallback.kind = 'robot')],
  ['empty crm list', (p) => (p.rules[0].when.crm = [])],
  ['unknown crm', (p) => (p.rules[0].when.crm = ['sugar'])],
  ['unknown crm key in mappings', (p) => (p.fieldMappings.sugar = {})],
  ['selector as field label', (p) => (p.fieldMappings.salesforce.industry = '#industry')],
  ['host with path', (p) => (p.extraHosts.odoo = ['odoo/web'])],
  ['requirement type', (p) => (p.checklists[0].items[0].requirement = { type: 'script' })],
  ['requirement extra field', (p) => (p.checklists[0].items[0].requirement.also = 1)],
  ['sla hours negative', (p) => (p.slas[0].firstTouchWithinHours = -1)],
  ['role not a user role', (p) => (p.flags.outreach.setBy = ['boss'])],
  ['too many pool members', (p) => (p.pools[0].members = Array.from({ length: 501 }, (_, i) => ({ id: `m${i}` })))],
  ['ownersMustMatch as text', (p) => (p.warnings.ownersMustMatch = 'yes')],
  ['name too long', (p) => (p.name = 'x'.repeat(201))],
];

const CROSS_CHECKS: [string, (p: Pack) => void][] = [
  ['duplicate rule id', (p) => (p.rules[1].id = p.rules[0].id)],
  ['duplicate priority', (p) => (p.rules[1].priority = p.rules[0].priority)],
  ['missing pool', (p) => (p.pools = [])],
  ['expiry before issue', (p) => (p.expiresAt = '2024-01-01T00:00:00Z')],
  ['min over max', (p) => (p.rules[1].when.employeeCount = { min: 10, max: 5 })],
];

describe('rulepack.schema.json', () => {
  it('is the committed output of scripts/rulepack-json-schema.ts (run it after changing the schema)', () => {
    expect(committed).toBe(rulePackJsonSchemaText());
  });

  it.each(readdirSync(`${fixtures}valid`))('accepts valid/%s, as Zod does', (name) => {
    expect(jsonSchemaErrors(schema, load(`valid/${name}`))).toEqual([]);
    expect(parseRulePack(load(`valid/${name}`)).ok).toBe(true);
  });

  it.each(MUTATIONS)('refuses %s, as Zod does', (_, mutate) => {
    const pack = base();
    mutate(pack);
    expect(parseRulePack(pack).ok).toBe(false);
    expect(jsonSchemaErrors(schema, pack)).not.toEqual([]);
  });

  it.each(CROSS_CHECKS)('leaves %s to Zod (the schema cannot see across the pack)', (_, mutate) => {
    const pack = base();
    mutate(pack);
    expect(parseRulePack(pack).ok).toBe(false);
    expect(jsonSchemaErrors(schema, pack)).toEqual([]);
  });

  it('agrees with Zod on every broken fixture that is JSON', () => {
    for (const name of readdirSync(`${fixtures}broken`)) {
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(`${fixtures}broken/${name}`, 'utf8'));
      } catch {
        continue;
      }
      const zodOk = parseRulePack(value).ok;
      expect(zodOk, name).toBe(false);
      const cross = ['missing-pool.json', 'duplicate-rule-ids.json', 'duplicate-priorities.json', 'expires-before-issued.json', 'employee-range-inverted.json'];
      if (!cross.includes(name) && name !== 'deeply-nested.json') expect(jsonSchemaErrors(schema, value), name).not.toEqual([]);
    }
  });
});
