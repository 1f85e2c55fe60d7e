import { describe, expect, test } from 'vitest';
import { copper } from './copper';

const APP = 'https://app.copper.com/companies/190749/app';
const detect = (url: string) => copper.detect(new URL(url));

describe('copper', () => {
  test('isHost takes the app host only', () => {
    expect(copper.isHost('app.copper.com')).toBe(true);
    expect(copper.isHost('www.copper.com')).toBe(false);
    expect(copper.isHost('app.copper.com.evil.io')).toBe(false);
  });

  test("reads the route's last <word>/<id> pair in Copper's URL words", () => {
    expect(detect(`${APP}#/contact/123456789`)).toEqual({ kind: 'contact', recordId: '123456789', objectType: 'contact' });
    expect(detect(`${APP}#/organization/61234567`)).toEqual({ kind: 'account', recordId: '61234567', objectType: 'organization' });
    expect(detect(`${APP}#/browse/list/companies/default/organization/61234567?x=1`)?.recordId).toBe('61234567');
  });

  test('Gotcha: the /companies/<n>/ path is the tenant, never a company record', () => {
    expect(detect('https://app.copper.com/companies/190749')).toBeNull();
    expect(detect(`${APP}`)).toBeNull();
    expect(detect('https://app.copper.com/companies/abc/app#/contact/123456789')).toBeNull();
    expect(detect('https://app.copper.com/companies/190749/other#/contact/123456789')).toBeNull();
  });

  test('deals and lists are not records', () => {
    expect(detect(`${APP}#/deal/55512345`)).toBeNull();
    expect(detect(`${APP}#/browse/list/people/default`)).toBeNull();
    expect(detect(`${APP}#/contact/new`)).toBeNull();
  });
});
