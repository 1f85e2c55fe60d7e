import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, test } from 'vitest';
import { urls } from '../../test/crm-urls/hubspot';
import { testUrlTable } from '../../test/crm-urls/url-table';
import { hubspot } from './hubspot';
import { detectRecord } from './index';
import type { RecordRef } from './types';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/crm/hubspot');
const windows: Window[] = [];
afterAll(async () => {
  await Promise.all(windows.map((window) => window.happyDOM.close()));
});

/** A fixture in its own window, so `hidden` and getComputedStyle apply as on the page. */
function page(name: string): Document {
  return html(readFileSync(join(FIXTURES, name), 'utf8'));
}

function html(markup: string): Document {
  const window = new Window({ url: 'https://app.hubspot.com/' });
  windows.push(window);
  window.document.write(markup);
  return window.document as unknown as Document;
}

const CONTACT: RecordRef = { crm: 'hubspot', kind: 'contact', recordId: '147182272479', objectType: '0-1' };
const COMPANY: RecordRef = { crm: 'hubspot', kind: 'account', recordId: '9876543210', objectType: '0-2' };

describe('hubspot URLs (test/crm-urls/hubspot.ts)', () => {
  testUrlTable(urls);

  test('the legacy and current URLs of a record give the same ref', () => {
    expect(detectRecord('https://app.hubspot.com/contacts/62515/contact/51')).toEqual(
      detectRecord('https://app.hubspot.com/contacts/62515/record/0-1/51'),
    );
    expect(detectRecord('https://app.hubspot.com/contacts/62515/company/7')).toEqual(
      detectRecord('https://app.hubspot.com/contacts/62515/record/0-2/7'),
    );
  });
});

describe('hubspot.isHost', () => {
  test('takes the app host of every data centre', () => {
    for (const host of ['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com', 'app-na3.hubspot.com', 'app-ap1.hubspot.com', 'APP-EU1.HubSpot.com']) {
      expect(hubspot.isHost(host), host).toBe(true);
    }
  });

  test('refuses the rest of hubspot.com and look-alikes', () => {
    for (const host of [
      'hubspot.com',
      'www.hubspot.com',
      'knowledge.hubspot.com',
      'api.hubspot.com',
      'app-.hubspot.com',
      'app-eu.hubspot.com',
      'app.hubspotqa.com',
      'app.hubspot.com.evil.io',
      'evilapp.hubspot.com',
    ]) {
      expect(hubspot.isHost(host), host).toBe(false);
    }
  });

  test('the one match pattern covers every data centre (a pattern cannot say app-*)', () => {
    expect(hubspot.matches).toEqual(['https://*.hubspot.com/*']);
  });
});

describe('hubspot.read', () => {
  test('a contact: sidebar properties, bare-text owner, never the associated company or a hidden tab', () => {
    expect(hubspot.read(page('record-contact.html'), CONTACT)).toEqual({
      name: 'Maria Johnson',
      owner: 'Dana Whitfield',
      email: 'maria.johnson@acme-corp.example',
      lifecycleStage: 'Sales Qualified Lead',
    });
  });

  test('a company: domain from its URL, "No owner" is no owner, association cards and dialogs ignored', () => {
    expect(hubspot.read(page('record-company.html'), COMPANY)).toEqual({
      name: 'Acme Corporation',
      owner: undefined,
      domain: 'acme-corp.example',
      lifecycleStage: 'Customer',
    });
  });

  test('the older UI: highlight details title, inputs, private-dropdown labels', () => {
    expect(hubspot.read(page('legacy-contact.html'), CONTACT)).toEqual({
      name: 'Maria Johnson',
      owner: 'Dana Whitfield',
      email: 'maria.johnson@acme-corp.example',
      lifecycleStage: 'Opportunity',
    });
  });

  test('falls back to the highlight strip and to name properties', () => {
    const doc = html(`
      <div data-test-id="left-sidebar">
        <div data-card-type="OBJECT_HIGHLIGHT">
          <div id="highlight-property-display-email"><a href="mailto:ana@example.org">ana@example.org</a></div>
        </div>
        <div data-selenium-test="property-input-firstname"><input value="Ana"></div>
        <div data-selenium-test="property-input-lastname"><input value="Lima"></div>
      </div>`);
    expect(hubspot.read(doc, CONTACT)).toMatchObject({ name: 'Ana Lima', email: 'ana@example.org' });
    const company = html(`<div data-selenium-test="property-input-name"><input value="Globex"></div>
      <div data-test-id="website"><label>Website URL</label>https://globex.example/en</div>`);
    expect(hubspot.read(company, COMPANY)).toMatchObject({ name: 'Globex', domain: 'globex.example' });
  });

  test('hidden elements are not read', () => {
    const doc = html(`
      <div data-selenium-test="highlightTitle" style="display:none">Old Name</div>
      <div hidden><div data-test-id="hubspot_owner_id">Old Owner</div></div>
      <div data-selenium-test="highlightTitle">New Name</div>`);
    expect(hubspot.read(doc, CONTACT)).toEqual({ name: 'New Name', owner: undefined, email: undefined, lifecycleStage: undefined });
  });

  test('never throws: an empty page, a broken document', () => {
    expect(hubspot.read(html(''), COMPANY)).toEqual({});
    const broken = {
      querySelectorAll: () => {
        throw new Error('boom');
      },
    } as unknown as Document;
    expect(hubspot.read(broken, CONTACT)).toEqual({});
  });
});
