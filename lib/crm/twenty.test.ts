import { describe, expect, test } from 'vitest';
import { twenty } from './twenty';

const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const detect = (url: string) => twenty.detect(new URL(url));

describe('twenty', () => {
  test('isHost takes cloud workspaces, not twenty.com itself', () => {
    expect(twenty.isHost('app.twenty.com')).toBe(true);
    expect(twenty.isHost('acme.twenty.com')).toBe(true);
    expect(twenty.isHost('twenty.com')).toBe(false);
    expect(twenty.isHost('www.twenty.com')).toBe(false);
    expect(twenty.isHost('docs.twenty.com')).toBe(false);
    expect(twenty.isHost('app.twenty.com.evil.io')).toBe(false);
  });

  test('reads /object/<singular>/<uuid> on any host (self-hosted hosts are gated by customHosts)', () => {
    expect(detect(`https://crm.example.com/object/person/${ID}`)).toEqual({ kind: 'contact', recordId: ID, objectType: 'person' });
    expect(detect(`https://app.twenty.com/object/company/${ID}`)).toEqual({ kind: 'account', recordId: ID, objectType: 'company' });
  });

  test('lists, other objects and extra segments are not records', () => {
    expect(detect('https://app.twenty.com/objects/people')).toBeNull();
    expect(detect(`https://app.twenty.com/objects/people/${ID}`)).toBeNull();
    expect(detect(`https://app.twenty.com/object/opportunity/${ID}`)).toBeNull();
    expect(detect(`https://app.twenty.com/object/person/${ID}/edit`)).toBeNull();
  });
});
