// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { urls } from '../../test/crm-urls/dynamics';
import { testUrlTable } from '../../test/crm-urls/url-table';
import { dynamics } from './dynamics';
import { detectRecord, type DetectOptions } from './index';
import type { RecordRef } from './types';

function page(name: string): Document {
  const html = readFileSync(join(import.meta.dirname, '../../test/fixtures/crm/dynamics', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

const options = (customHost?: string): DetectOptions => (customHost ? { customHosts: new Map([[customHost, 'dynamics']]) } : {});
const ref = (kind: RecordRef['kind'], objectType: string): RecordRef => ({
  crm: 'dynamics',
  kind,
  recordId: '91330924-802a-4b0d-a900-34fd9d790829',
  objectType,
  host: 'contoso.crm.dynamics.com',
});

describe('dynamics URLs', () => {
  testUrlTable(urls);

  test('on-premises URLs are records only on hosts the user added', () => {
    for (const row of urls.records.filter((record) => record.customHost)) {
      expect(detectRecord(row.url), row.url).toBeNull();
    }
  });

  test('record ids are lower case GUIDs without braces', () => {
    for (const row of urls.records) expect(row.recordId).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
  });

  test('isHost: the regional clusters and sovereign clouds, one org label', () => {
    for (const host of [
      'contoso.crm.dynamics.com',
      'contoso.crm2.dynamics.com',
      'contoso.crm4.dynamics.com',
      'contoso.crm11.dynamics.com',
      'contoso.crm22.dynamics.com',
      'contoso.crm.microsoftdynamics.us',
      'contoso.crm.appsplatform.us',
      'contoso.crm.dynamics.cn',
      'Contoso.CRM4.Dynamics.com.',
    ]) {
      expect(dynamics.isHost(host), host).toBe(true);
    }
    for (const host of [
      'crm.dynamics.com',
      'dynamics.com',
      'contoso.api.crm.dynamics.com',
      'admin.services.crm.dynamics.com',
      'globaldisco.crm.dynamics.com',
      'contoso.operations.dynamics.com',
      'contoso.crm123.dynamics.com',
      'make.powerapps.com',
      'contoso.crm.dynamics.com.evil.io',
      'contoso-crm.dynamics.com',
    ]) {
      expect(dynamics.isHost(host), host).toBe(false);
    }
  });

  test('detect works on any host it is given (on-premises servers)', () => {
    expect(dynamics.detect(new URL('https://crm.example.org/Org/main.aspx?etc=4&id=%7bED975EA3-531C-E511-80D8-3863BB3CE2C8%7d&pagetype=entityrecord'))).toEqual({
      kind: 'contact',
      recordId: 'ed975ea3-531c-e511-80d8-3863bb3ce2c8',
      objectType: 'lead',
    });
  });
});

describe('dynamics page reader', () => {
  test('account: the visible form, header owner, website domain and Relationship Type', () => {
    expect(dynamics.read(page('account.html'), ref('account', 'account'))).toEqual({
      name: 'Contoso Ltd',
      owner: 'Nancy Anderson',
      domain: 'contoso.example',
      lifecycleStage: 'Prospect',
    });
  });

  test('lead: body owner, email control, Status Reason, title without "- Unsaved"', () => {
    expect(dynamics.read(page('lead.html'), ref('contact', 'lead'))).toEqual({
      name: 'Yvonne McKay',
      owner: 'Sales Team (EMEA)',
      email: 'yvonne.mckay@fabrikam.example',
      lifecycleStage: 'Contacted',
    });
  });

  test('placeholders and empty controls are not facts', () => {
    expect(dynamics.read(page('contact-empty.html'), ref('contact', 'contact'))).toEqual({ name: 'Jim Glynn' });
  });

  test('odd or empty pages give empty facts, never a throw', () => {
    expect(dynamics.read(new DOMParser().parseFromString('', 'text/html'), ref('account', 'account'))).toEqual({});
    const odd = new DOMParser().parseFromString('<div data-id="editFormRoot"><h1 data-id="header_title"> - Saved</h1><input data-id="websiteurl.fieldControl-url-text-input" value="not a url"></div>', 'text/html');
    expect(dynamics.read(odd, ref('account', 'account'))).toEqual({});
  });
});
