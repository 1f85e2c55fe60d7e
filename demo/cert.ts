import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DemoCert {
  key: Buffer;
  cert: Buffer;
  certPath: string;
}

/**
 * A throwaway self-signed certificate for the demo CRM hosts, written into `dir` with the `openssl` CLI
 * (no npm dependency for a test certificate). The browsers are told to accept it
 * (Chromium `--ignore-certificate-errors`, Firefox `acceptInsecureCerts`); it is never trusted system-wide.
 */
export function createDemoCert(dir: string, hostnames: readonly string[]): DemoCert {
  const keyPath = join(dir, 'demo-key.pem');
  const certPath = join(dir, 'demo-cert.pem');
  const san = [...new Set([...hostnames, 'localhost'])].map((h) => `DNS:${h}`).join(',') + ',IP:127.0.0.1';
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', keyPath, '-out', certPath, '-days', '2',
        '-subj', '/CN=Ownersight demo CRM (throwaway)', '-addext', `subjectAltName=${san}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (error) {
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error);
    throw new Error(`Could not make the demo TLS certificate with openssl (is the openssl CLI installed?): ${detail}`);
  }
  return { key: readFileSync(keyPath), cert: readFileSync(certPath), certPath };
}
