// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { capsule } from './capsule';

const html = (markup: string) => new DOMParser().parseFromString(markup, 'text/html');
const page = (name: string) =>
  html(readFileSync(join(import.meta.dirname, `../../test/fixtures/crm/capsule/${name}.html`), 'utf8'));
const detect = (url: string, doc?: Document) => capsule.detect(new URL(url), doc);

describe('capsule', () => {
  test('isHost takes account subdomains, not capsulecrm.com itself', () => {
    expect(capsule.isHost('energysparks.capsulecrm.com')).toBe(true);
    expect(capsule.isHost('capsulecrm.com')).toBe(false);
    expect(capsule.isHost('api.capsulecrm.com')).toBe(false);
    expect(capsule.isHost('www.capsulecrm.com')).toBe(false);
    expect(capsule.isHost('energysparks.capsulecrm.com.evil.io')).toBe(false);
  });

  test('the party type on the page gives the kind (assumed marker, see capsule.ts)', () => {
    expect(detect('https://acme.capsulecrm.com/party/1234', page('party-person'))).toEqual({
      kind: 'contact',
      recordId: '1234',
      objectType: 'person',
    });
    expect(detect('https://acme.capsulecrm.com/party/272828446', page('party-organisation'))).toEqual({
      kind: 'account',
      recordId: '272828446',
      objectType: 'organisation',
    });
  });

  test('documented default: no page, no marker or an unknown type → null', () => {
    expect(detect('https://acme.capsulecrm.com/party/1234')).toBeNull();
    expect(detect('https://acme.capsulecrm.com/party/1234', html('<main>Scott Spacey</main>'))).toBeNull();
    expect(detect('https://acme.capsulecrm.com/party/1234', html('<main data-party-type="team"></main>'))).toBeNull();
  });

  test('forms and other pages are not parties', () => {
    const person = page('party-person');
    expect(detect('https://acme.capsulecrm.com/party/person/new', person)).toBeNull();
    expect(detect('https://acme.capsulecrm.com/party/1234/edit', person)).toBeNull();
    expect(detect('https://acme.capsulecrm.com/opportunity/5678', person)).toBeNull();
  });
});
