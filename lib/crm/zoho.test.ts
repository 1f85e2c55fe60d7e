// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { urls } from '../../test/crm-urls/zoho';
import { testUrlTable } from '../../test/crm-urls/url-table';
import { detectRecord } from './index';
import { zoho } from './zoho';
import type { RecordRef } from './types';

function page(name: string): Document {
  const html = readFileSync(join(import.meta.dirname, '../../test/fixtures/crm/zoho', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

const ref = (kind: RecordRef['kind'], objectType: string): RecordRef => ({
  crm: 'zoho',
  kind,
  recordId: '4150868000000224005',
  objectType,
  host: 'crm.zoho.com',
});

describe('zoho URLs', () => {
  testUrlTable(urls);

  test('every data centre host, and nothing around them', () => {
    for (const host of ['crm.zoho.com', 'crm.zoho.eu', 'crm.zoho.in', 'crm.zoho.com.au', 'crm.zoho.jp', 'crm.zoho.com.cn', 'crm.zohocloud.ca', 'crm.zoho.sa', 'crm.zoho.uk']) {
      expect(zoho.isHost(host), host).toBe(true);
      expect(zoho.matches).toContain(`https://${host}/*`);
    }
    for (const host of ['zoho.com', 'www.zoho.com', 'bigin.zoho.com', 'crm.zoho.ca', 'crmsandbox.zoho.com', 'one.zoho.com', 'crm.zoho.com.evil.io', 'evilcrm.zoho.com']) {
      expect(zoho.isHost(host), host).toBe(false);
    }
  });

  test('module names are matched without case, objectType keeps Zoho\'s spelling', () => {
    expect(zoho.detect(new URL('https://crm.zoho.com/crm/org1/tab/accounts/4150868000000224005'))).toEqual({
      kind: 'account',
      recordId: '4150868000000224005',
      objectType: 'Accounts',
    });
  });

  test('detect is host-gated', () => {
    expect(zoho.detect(new URL('https://example.com/crm/org1/tab/Accounts/4150868000000224005'))).toBeNull();
  });
});

describe('zoho page reader', () => {
  test('account: fields by column name in the visible detail view, not the hidden one', () => {
    expect(zoho.read(page('account.html'), ref('account', 'Accounts'))).toEqual({
      name: 'Analytical Engines Ltd',
      owner: 'Grace Hopper',
      domain: 'analytical-engines.example',
      lifecycleStage: 'Client',
    });
  });

  test('lead: owner from the business card, email and Lead Status', () => {
    expect(zoho.read(page('lead.html'), ref('contact', 'Leads'))).toEqual({
      name: 'Ms. Ada Lovelace',
      owner: 'Grace Hopper',
      email: 'ada@analytical.example',
      lifecycleStage: 'Contacted',
    });
  });

  test('the old detail page', () => {
    expect(zoho.read(page('contact-classic.html'), ref('contact', 'Contacts'))).toEqual({
      name: 'Mr. Charles Babbage',
      owner: 'Ada Lovelace',
      email: 'charles@difference.example',
    });
  });

  test('odd or empty pages give empty facts, never a throw', () => {
    expect(zoho.read(new DOMParser().parseFromString('', 'text/html'), ref('account', 'Accounts'))).toEqual({});
    const odd = new DOMParser().parseFromString(
      '<crm-detailview><div id="field_label_" data-zcqa="dtVw_lbl_SMOWNERID">Owner</div><div data-zcqa="dtVw_lbl_WEBSITE" id="field_label_9"></div></crm-detailview>',
      'text/html',
    );
    expect(zoho.read(odd, ref('account', 'Accounts'))).toEqual({});
  });
});
