// Adding a CRM is one adapter file, one URL table, one test and one line in lib/crm/index.ts (STYLE.md,
// habit 2). This suite fails when one of those is missing, after refined-github's build/features.test.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ADAPTERS } from '../lib/crm/index';
import { CRM_IDS, RECORD_KINDS, type RecordKind } from '../lib/model/crm-ids';
import type { CrmUrlTable } from './crm-urls/types';

const ROOT = join(import.meta.dirname, '..');
const TABLES = import.meta.glob<CrmUrlTable>('./crm-urls/*.ts', { eager: true, import: 'urls' });

/** Kinds a CRM has record pages for. Every CRM here has both; list an exception here, with why. */
const KINDS: Partial<Record<string, readonly RecordKind[]>> = {};

const SCHEMES = '(?:\\*|https?|wss?|ftp|file|urn)';
const MATCH_PATTERN = new RegExp(`^${SCHEMES}://(\\*|(?:\\*\\.)?[^/*:]+)?(?::(?:\\*|\\d{1,5}))?/.*$`);

/**
 * A Chrome/Firefox match pattern: `<scheme>://<host><path>`, where the host is `*`, `*.` and a name, or a
 * name, and `*` may appear nowhere else in it; the path starts with `/`. `<all_urls>` is valid but far too
 * broad for a CRM adapter, so it is refused here.
 */
function isMatchPattern(pattern: string): boolean {
  const found = MATCH_PATTERN.exec(pattern);
  if (!found) return false;
  const host = found[1];
  return host !== undefined ? true : pattern.startsWith('file://');
}

/** Whether `url` falls under the match pattern (scheme, host and path glob). */
function matchesPattern(pattern: string, url: URL): boolean {
  const [, scheme = '', host = '', path = ''] = /^([^:]+):\/\/([^/]*)(\/.*)$/.exec(pattern) ?? [];
  const schemeOk = scheme === '*' ? url.protocol === 'https:' || url.protocol === 'http:' : `${scheme}:` === url.protocol;
  const hostname = url.hostname.toLowerCase();
  const hostOk =
    host === '*' ||
    (host.startsWith('*.') ? hostname === host.slice(2) || hostname.endsWith(host.slice(1)) : hostname === host);
  const glob = new RegExp(`^${path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return schemeOk && hostOk && glob.test(url.pathname + url.search);
}

test('the match pattern validator', () => {
  for (const valid of ['https://app.attio.com/*', 'https://*.odoo.com/*', 'https://*/*', 'http://localhost:8069/*', '*://*.example.com/a*b']) {
    expect(isMatchPattern(valid), valid).toBe(true);
  }
  for (const invalid of ['https://app.*.com/*', 'https://*odoo.com/*', 'https://odoo.com', 'odoo.com/*', 'https://a.com*/*', 'gopher://a.com/*', '<all_urls>', '']) {
    expect(isMatchPattern(invalid), invalid).toBe(false);
  }
});

test('every CRM id has exactly one adapter, and ids are unique', () => {
  const ids = ADAPTERS.map((adapter) => adapter.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual([...CRM_IDS].sort());
});

describe.each(ADAPTERS.map((adapter) => ({ id: adapter.id, adapter })))('$id', ({ id, adapter }) => {
  const table = TABLES[`./crm-urls/${id}.ts`];

  test('has a human label', () => {
    expect(adapter.label.trim()).not.toBe('');
    expect(adapter.label).not.toBe(id);
  });

  test('has a test file beside it', () => {
    expect(existsSync(join(ROOT, 'lib/crm', `${id}.test.ts`)), `lib/crm/${id}.test.ts`).toBe(true);
  });

  test('has valid match patterns (none for self-hosted-only CRMs)', () => {
    for (const pattern of adapter.matches) expect(isMatchPattern(pattern), pattern).toBe(true);
    expect(new Set(adapter.matches).size).toBe(adapter.matches.length);
  });

  test('has a URL table with a record per kind and a near miss', () => {
    expect(table, `test/crm-urls/${id}.ts`).toBeDefined();
    expect(table?.crm).toBe(id);
    const kinds = new Set(table?.records.map((row) => row.kind));
    for (const kind of KINDS[id] ?? RECORD_KINDS) expect(kinds.has(kind), `a record URL of kind ${kind}`).toBe(true);
    expect(table?.nearMisses.length ?? 0).toBeGreaterThan(0);
    for (const row of table?.records ?? []) expect(row.source?.trim(), `source for ${row.url}`).toBeTruthy();
  });

  test("its cloud record URLs are inside its match patterns, so the content script runs there", () => {
    for (const row of table?.records.filter((record) => !record.customHost) ?? []) {
      const url = new URL(row.url);
      expect(adapter.isHost(url.hostname), `isHost(${url.hostname})`).toBe(true);
      expect(adapter.matches.some((pattern) => matchesPattern(pattern, url)), row.url).toBe(true);
    }
  });
});
