// @vitest-environment happy-dom
// Every adapter against every URL, after refined-github/github-url-detection's index.test.ts: each table's
// records give exactly their ref, its near misses give null, and no URL of any table is claimed by another
// adapter, so each URL added for one CRM is also a negative case for the fifteen others.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ADAPTERS, adapterFor, detectRecord, type DetectOptions } from '../lib/crm/index';
import type { CrmId } from '../lib/model/crm-ids';
import type { CrmUrlTable } from './crm-urls/types';
import { urls as salesforce } from './crm-urls/salesforce';
import { urls as hubspot } from './crm-urls/hubspot';
import { urls as pipedrive } from './crm-urls/pipedrive';
import { urls as zoho } from './crm-urls/zoho';
import { urls as dynamics } from './crm-urls/dynamics';
import { urls as attio } from './crm-urls/attio';
import { urls as close } from './crm-urls/close';
import { urls as freshsales } from './crm-urls/freshsales';
import { urls as copper } from './crm-urls/copper';
import { urls as twenty } from './crm-urls/twenty';
import { urls as odoo } from './crm-urls/odoo';
import { urls as espocrm } from './crm-urls/espocrm';
import { urls as suitecrm } from './crm-urls/suitecrm';
import { urls as insightly } from './crm-urls/insightly';
import { urls as nutshell } from './crm-urls/nutshell';
import { urls as capsule } from './crm-urls/capsule';

const TABLES: readonly CrmUrlTable[] = [
  salesforce,
  hubspot,
  pipedrive,
  zoho,
  dynamics,
  attio,
  close,
  freshsales,
  copper,
  twenty,
  odoo,
  espocrm,
  suitecrm,
  insightly,
  nutshell,
  capsule,
];

const documents = new Map<string, Document>();
/** A committed page under test/fixtures/, parsed once. */
function fixture(path: string | undefined): Document | undefined {
  if (!path) return undefined;
  let doc = documents.get(path);
  if (!doc) {
    doc = new DOMParser().parseFromString(readFileSync(join(import.meta.dirname, 'fixtures', path), 'utf8'), 'text/html');
    documents.set(path, doc);
  }
  return doc;
}

/** The run-time host mapping a row needs: the user added `customHost` for this CRM. */
function options(crm: CrmId, customHost: string | undefined): DetectOptions {
  return customHost ? { customHosts: new Map([[customHost, crm]]) } : {};
}

interface Case {
  crm: CrmId;
  url: string;
  docFixture?: string;
  customHost?: string;
}

const records = TABLES.flatMap((table) => table.records.map((row) => ({ crm: table.crm, ...row })));
const nearMisses: Case[] = TABLES.flatMap((table) => table.nearMisses.map((row) => ({ crm: table.crm, ...row })));
const everyUrl: Case[] = [...records, ...nearMisses];

describe('records give exactly their ref', () => {
  test.each(records)('$crm $url', (row) => {
    const doc = fixture(row.docFixture);
    const expected = { kind: row.kind, recordId: row.recordId, objectType: row.objectType };
    expect(detectRecord(row.url, doc, options(row.crm, row.customHost))).toEqual({
      crm: row.crm,
      ...expected,
      host: new URL(row.url).host.toLowerCase(),
    });
    // The adapter's own reader, called directly, agrees.
    expect(adapterFor(row.crm).detect(new URL(row.url), doc)).toEqual(expected);
  });
});

describe('near misses give null', () => {
  test.each(nearMisses)('$crm $url', (row) => {
    expect(detectRecord(row.url, fixture(row.docFixture), options(row.crm, row.customHost))).toBeNull();
  });
});

describe('no URL is claimed by another adapter', () => {
  test.each(everyUrl)('$crm $url', (row) => {
    const url = new URL(row.url);
    const doc = fixture(row.docFixture);
    const found = detectRecord(url, doc, options(row.crm, row.customHost));
    expect(found === null || found.crm === row.crm).toBe(true);
    // Hosts are what keep CRMs apart: path grammars do overlap (Attio's /<ws>/person/<uuid> reads
    // Twenty's /object/person/<uuid>; Pipedrive and Nutshell both have /person/<id>), and detect() only
    // ever sees URLs on its adapter's own hosts or on hosts the user mapped to it.
    for (const other of ADAPTERS.filter((adapter) => adapter.id !== row.crm)) {
      expect(other.isHost(url.hostname), `${other.id}.isHost(${url.hostname})`).toBe(false);
    }
  });
});

test('every table is for a distinct CRM', () => {
  expect(new Set(TABLES.map((table) => table.crm)).size).toBe(TABLES.length);
});
