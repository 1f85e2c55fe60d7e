import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './result';
import { within } from './result';

const BUDGET_KB = 25;

/**
 * Measure 1: what a CRM page downloads and parses for the extension. The files are the ones the built
 * manifest injects (`content_scripts[].js` and `.css`), each gzipped at level 9 as a store would serve
 * them; runtime-registered copies for self-hosted CRMs inject the same files.
 */
export function measureBundleSize(extensionDir: string): BenchResult {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const files = [...new Set((manifest.content_scripts ?? []).flatMap((entry) => [...(entry.js ?? []), ...(entry.css ?? [])]))];
  const sizes = files.map((file) => {
    const bytes = readFileSync(join(extensionDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const gzipKb = sizes.reduce((sum, s) => sum + s.gzip, 0) / 1024;
  const rawKb = sizes.reduce((sum, s) => sum + s.raw, 0) / 1024;
  return {
    id: 'content-script-size',
    measure: 'Content script shipped to CRM pages, gzip',
    budget: `≤ ${BUDGET_KB} KB`,
    unit: 'KB',
    value: Math.round(gzipKb * 100) / 100,
    pass: within(gzipKb, BUDGET_KB),
    notes: [`${sizes.map((s) => `${s.file} ${(s.raw / 1024).toFixed(1)} KB raw`).join(', ')} (${rawKb.toFixed(1)} KB raw in all); gzip -9`],
    details: { files: sizes },
  };
}
