import { expect, test } from 'vitest';
import { detectRecord, type DetectOptions } from '../../lib/crm/index';
import type { CrmUrlTable } from './types';

const options = (table: CrmUrlTable, customHost?: string): DetectOptions => (customHost ? { customHosts: new Map([[customHost, table.crm]]) } : {});

/**
 * An adapter's own URL table, in its own test file: each record URL gives exactly its record (the host as
 * the URL has it, lower case), each near miss gives null. test/crm-matrix.test.ts runs every adapter on
 * every table besides.
 */
export function testUrlTable(table: CrmUrlTable): void {
  test.each(table.records)('record $url', (row) => {
    expect(detectRecord(row.url, undefined, options(table, row.customHost))).toEqual({
      crm: table.crm,
      kind: row.kind,
      recordId: row.recordId,
      objectType: row.objectType,
      host: new URL(row.url).host.toLowerCase(),
    });
  });

  // Gotcha: every one of these is on or near the CRM's own host and must stay null.
  test.each(table.nearMisses)('near miss $url ($why)', (row) => {
    expect(detectRecord(row.url, undefined, options(table, row.customHost))).toBeNull();
  });
}
