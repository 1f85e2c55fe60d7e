import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

// sw-probe.ts as one script for Worker.evaluate. esbuild comes with tsx (already installed); no new
// dependency. Evaluated through CDP, so the extension's CSP (no eval) does not apply.
export async function swProbeScript(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./sw-probe.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: true,
    charset: 'ascii',
    logLevel: 'silent',
    // The worker's CSP forbids eval, and Zod decides whether to compile its parsers when each schema is
    // built (module load), so jitless must be set before any module of the bundle runs.
    banner: { js: 'globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });' },
  });
  return `${result.outputFiles[0]!.text};true`;
}
