import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './result';
import { within } from './result';

const BUDGET_KB = 25;
/**
 * Scripts the background injects only into tabs whose page shows a record (route `panel.load`,
 * lib/background/handlers.ts: the panel UI of entrypoints/panel). Not in the manifest, so named here.
 */
const RECORD_PAGE_FILES = ['panel.js'];

interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 100) / 100;
const sum = (sizes: readonly FileSize[], key: 'raw' | 'gzip') => sizes.reduce((total, s) => total + s[key], 0);
const list = (sizes: readonly FileSize[]) =>
  sizes.map((s) => `${s.file} ${(s.raw / 1024).toFixed(1)} KB raw, ${(s.gzip / 1024).toFixed(2)} KB gzip`).join('; ');

/**
 * Measure 1: what a CRM page downloads and parses for the extension, gzipped at level 9 as a store would
 * serve it. Two parts, reported separately: the always-on part every CRM page gets (the manifest's
 * `content_scripts[].js` and `.css`; runtime-registered copies for self-hosted CRMs inject the same
 * files) — the budgeted figure — and the part only record pages get on top (RECORD_PAGE_FILES).
 */
export function measureBundleSize(extensionDir: string): BenchResult {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const size = (file: string): FileSize => {
    const bytes = readFileSync(join(extensionDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const alwaysOn = [...new Set((manifest.content_scripts ?? []).flatMap((entry) => [...(entry.js ?? []), ...(entry.css ?? [])]))].map(size);
  const recordPage = RECORD_PAGE_FILES.filter((file) => existsSync(join(extensionDir, file))).map(size);
  const alwaysOnKb = kb(sum(alwaysOn, 'gzip'));
  const recordPageKb = kb(sum(recordPage, 'gzip'));
  return {
    id: 'content-script-size',
    measure: 'Content script shipped to CRM pages, gzip (always-on part)',
    budget: `≤ ${BUDGET_KB} KB`,
    unit: 'KB',
    value: alwaysOnKb,
    pass: within(alwaysOnKb, BUDGET_KB),
    notes: [
      `Always-on (every CRM page): ${list(alwaysOn)}.`,
      recordPage.length
        ? `Record pages only, injected on top: ${list(recordPage)}. A record page gets ${kb(sum(alwaysOn, 'gzip') + sum(recordPage, 'gzip'))} KB gzip in all (${((sum(alwaysOn, 'raw') + sum(recordPage, 'raw')) / 1024).toFixed(1)} KB raw).`
        : 'No record-page-only part.',
      'gzip -9.',
    ],
    details: { files: alwaysOn, alwaysOnKb, recordPageFiles: recordPage, recordPageKb, recordPageTotalKb: kb(sum(alwaysOn, 'gzip') + sum(recordPage, 'gzip')) },
  };
}
