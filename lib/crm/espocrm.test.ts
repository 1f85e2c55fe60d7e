import { describe, expect, test } from 'vitest';
import { espocrm } from './espocrm';

const detect = (url: string) => espocrm.detect(new URL(url));

describe('espocrm', () => {
  test('isHost takes EspoCRM Cloud instances only; self-hosted comes through customHosts', () => {
    expect(espocrm.isHost('cbm.espocloud.com')).toBe(true);
    expect(espocrm.isHost('espocloud.com')).toBe(false);
    expect(espocrm.isHost('www.espocloud.com')).toBe(false);
    expect(espocrm.isHost('crm.example.com')).toBe(false);
    expect(espocrm.isHost('cbm.espocloud.com.evil.io')).toBe(false);
  });

  test('#<Entity>/view/<id>: accounts, contacts, and leads as contacts', () => {
    expect(detect('https://crm.example.com/#Account/view/5f9fe03f8b1489217')).toEqual({
      kind: 'account',
      recordId: '5f9fe03f8b1489217',
      objectType: 'Account',
    });
    expect(detect('https://crm.example.com/#Contact/view/5f9fe03f8b1489217')?.kind).toBe('contact');
    expect(detect('https://crm.example.com/#Lead/view/5f9fe03f8b1489217')).toEqual({
      kind: 'contact',
      recordId: '5f9fe03f8b1489217',
      objectType: 'Lead',
    });
  });

  test('lists, forms, other entities and wrong case are not records', () => {
    expect(detect('https://crm.example.com/#Account')).toBeNull();
    expect(detect('https://crm.example.com/#Account/edit/5f9fe03f8b1489217')).toBeNull();
    expect(detect('https://crm.example.com/#Account/view/5f9fe03f8b1489217/extra')).toBeNull();
    expect(detect('https://crm.example.com/#Opportunity/view/5f9fe03f8b1489217')).toBeNull();
    expect(detect('https://crm.example.com/#account/view/5f9fe03f8b1489217')).toBeNull();
    expect(detect('https://crm.example.com/Account/view/5f9fe03f8b1489217')).toBeNull();
  });
});
