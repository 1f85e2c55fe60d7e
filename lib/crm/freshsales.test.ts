import { describe, expect, test } from 'vitest';
import { freshsales } from './freshsales';

const detect = (url: string) => freshsales.detect(new URL(url));

describe('freshsales', () => {
  test('isHost takes org subdomains of both generations', () => {
    expect(freshsales.isHost('acme.myfreshworks.com')).toBe(true);
    expect(freshsales.isHost('acme.freshsales.io')).toBe(true);
    expect(freshsales.isHost('www.freshsales.io')).toBe(false);
    expect(freshsales.isHost('myfreshworks.com')).toBe(false);
    expect(freshsales.isHost('a.b.freshsales.io')).toBe(false);
    expect(freshsales.isHost('acme.freshsales.io.evil.io')).toBe(false);
  });

  test('suite: only /crm/sales/ records', () => {
    expect(detect('https://acme.myfreshworks.com/crm/sales/contacts/402174876038')).toEqual({
      kind: 'contact',
      recordId: '402174876038',
      objectType: 'contacts',
    });
    expect(detect('https://acme.myfreshworks.com/crm/sales/accounts/7')?.kind).toBe('account');
    expect(detect('https://acme.myfreshworks.com/crm/marketing/contacts/7')).toBeNull();
    expect(detect('https://acme.myfreshworks.com/contacts/7')).toBeNull();
  });

  test('classic: path or hash routes; leads are contacts', () => {
    expect(detect('https://acme.freshsales.io/leads/5022967942')).toEqual({ kind: 'contact', recordId: '5022967942', objectType: 'leads' });
    expect(detect('https://acme.freshsales.io/#/accounts/5000654321')?.kind).toBe('account');
  });

  test('Gotcha: list views and edit forms are not records', () => {
    expect(detect('https://acme.myfreshworks.com/crm/sales/contacts/view/31000123')).toBeNull();
    expect(detect('https://acme.freshsales.io/#/leads/view/5000123456')).toBeNull();
    expect(detect('https://acme.freshsales.io/contacts/5000123456/edit')).toBeNull();
    expect(detect('https://acme.myfreshworks.com/crm/sales/deals/16000999')).toBeNull();
  });
});
