// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { urls } from '../../test/crm-urls/pipedrive';
import { testUrlTable } from '../../test/crm-urls/url-table';
import { detectRecord } from './index';
import { pipedrive } from './pipedrive';
import type { RecordRef } from './types';

function page(name: string): Document {
  const html = readFileSync(join(import.meta.dirname, '../../test/fixtures/crm/pipedrive', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

const PERSON: RecordRef = { crm: 'pipedrive', kind: 'contact', recordId: '123', objectType: 'person', host: 'acme.pipedrive.com' };
const ORGANIZATION: RecordRef = { crm: 'pipedrive', kind: 'account', recordId: '45', objectType: 'organization', host: 'acme.pipedrive.com' };

describe('pipedrive URLs', () => {
  testUrlTable(urls);

  test('isHost takes company subdomains only', () => {
    expect(pipedrive.isHost('acme.pipedrive.com')).toBe(true);
    expect(pipedrive.isHost('acme-sandbox.pipedrive.com')).toBe(true);
    expect(pipedrive.isHost('app.pipedrive.com')).toBe(true);
    expect(pipedrive.isHost('ACME.PIPEDRIVE.COM.')).toBe(true);
    expect(pipedrive.isHost('pipedrive.com')).toBe(false);
    expect(pipedrive.isHost('www.pipedrive.com')).toBe(false);
    expect(pipedrive.isHost('a.b.pipedrive.com')).toBe(false);
    expect(pipedrive.isHost('-acme.pipedrive.com')).toBe(false);
    expect(pipedrive.isHost('acme.pipedrive.com.evil.io')).toBe(false);
  });

  test('detect is host-gated: /person/<id> elsewhere is not Pipedrive', () => {
    expect(pipedrive.detect(new URL('https://app.nutshell.com/person/123'))).toBeNull();
  });

  test('the content script is matched on company subdomains', () => {
    expect(pipedrive.matches).toEqual(['https://*.pipedrive.com/*']);
  });
});

describe('pipedrive page reader', () => {
  test('person: the visible view, not the cached one', () => {
    expect(pipedrive.read(page('person.html'), PERSON)).toEqual({
      name: 'Ada Lovelace',
      owner: 'Grace Hopper',
      email: 'ada@analytical.example',
      lifecycleStage: 'Hot lead, Customer',
    });
  });

  test('organization: owner from its labelled row, website as a bare domain, no email', () => {
    expect(pipedrive.read(page('organization.html'), ORGANIZATION)).toEqual({
      name: 'Analytical Engines Ltd',
      owner: 'Grace Hopper',
      domain: 'analytical-engines.example',
    });
  });

  test('odd or empty pages give empty facts, never a throw', () => {
    expect(pipedrive.read(new DOMParser().parseFromString('<p>Loading…</p>', 'text/html'), PERSON)).toEqual({});
    const odd = new DOMParser().parseFromString(
      '<div class="viewContainer"><div data-testid="header-title"></div><span data-test="email-label">n/a</span></div>',
      'text/html',
    );
    expect(pipedrive.read(odd, PERSON)).toEqual({});
  });
});
