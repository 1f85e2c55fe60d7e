import { describe, expect, test } from 'vitest';
import { attio } from './attio';

const PERSON = 'bf071e1f-6035-429d-b874-d83ea64ea13b';
const detect = (url: string) => attio.detect(new URL(url));

describe('attio', () => {
  test('isHost takes the app host only', () => {
    expect(attio.isHost('app.attio.com')).toBe(true);
    expect(attio.isHost('APP.ATTIO.COM')).toBe(true);
    expect(attio.isHost('attio.com')).toBe(false);
    expect(attio.isHost('api.attio.com')).toBe(false);
    expect(attio.isHost('app.attio.com.evil.io')).toBe(false);
  });

  test('reads people and companies with any workspace slug and record tab', () => {
    expect(detect(`https://app.attio.com/acme/person/${PERSON}`)).toEqual({ kind: 'contact', recordId: PERSON, objectType: 'person' });
    expect(detect(`https://app.attio.com/acme/company/${PERSON}/activity?tab=emails`)).toEqual({
      kind: 'account',
      recordId: PERSON,
      objectType: 'company',
    });
  });

  test('ignores deals, plural list slugs and malformed ids', () => {
    expect(detect(`https://app.attio.com/acme/deals/${PERSON}/overview`)).toBeNull();
    expect(detect(`https://app.attio.com/acme/people/${PERSON}`)).toBeNull();
    expect(detect(`https://app.attio.com/acme/person/${PERSON.slice(1)}`)).toBeNull();
    expect(detect('https://app.attio.com/acme/person')).toBeNull();
  });
});
