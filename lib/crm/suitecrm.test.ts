import { describe, expect, test } from 'vitest';
import { suitecrm } from './suitecrm';

const ID = '4c43bbc7-81ae-d013-357f-62d11e73fc21';
const detect = (url: string) => suitecrm.detect(new URL(url));

describe('suitecrm', () => {
  test('self-hosted only: no cloud host, no match patterns', () => {
    expect(suitecrm.matches).toEqual([]);
    expect(suitecrm.isHost('suite8demo.suiteondemand.com')).toBe(false);
    expect(suitecrm.isHost('crm.example.com')).toBe(false);
  });

  test('SuiteCRM 8 hash routes give the module name as objectType', () => {
    expect(detect(`https://crm.example.com/#/accounts/record/${ID}`)).toEqual({ kind: 'account', recordId: ID, objectType: 'Accounts' });
    expect(detect(`https://crm.example.com/public/#/contacts/record/${ID}?offset=1`)?.objectType).toBe('Contacts');
    expect(detect(`https://crm.example.com/#/leads/record/${ID}`)?.kind).toBe('contact');
    expect(detect(`https://crm.example.com/#/accounts/edit/${ID}`)).toBeNull();
    expect(detect(`https://crm.example.com/#/opportunities/record/${ID}`)).toBeNull();
  });

  test('SuiteCRM 7 DetailView gives the same ref as SuiteCRM 8', () => {
    expect(detect(`https://crm.example.com/index.php?module=Accounts&action=DetailView&record=${ID}`)).toEqual(
      detect(`https://crm.example.com/#/accounts/record/${ID}`),
    );
    expect(detect(`https://crm.example.com/index.php?module=Accounts&action=EditView&record=${ID}`)).toBeNull();
    expect(detect('https://crm.example.com/index.php?module=Accounts&action=DetailView')).toBeNull();
    expect(detect(`https://crm.example.com/other.php?module=Accounts&action=DetailView&record=${ID}`)).toBeNull();
  });

  test('the SuiteCRM 7 AJAX UI wraps the DetailView URL in its hash', () => {
    const inner = encodeURIComponent(`index.php?module=Contacts&action=DetailView&record=${ID}`);
    expect(detect(`https://crm.example.com/index.php?action=ajaxui#ajaxUILoc=${inner}`)).toEqual({
      kind: 'contact',
      recordId: ID,
      objectType: 'Contacts',
    });
    const list = encodeURIComponent('index.php?module=Contacts&action=index');
    expect(detect(`https://crm.example.com/index.php?action=ajaxui#ajaxUILoc=${list}`)).toBeNull();
  });
});
