import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, test } from 'vitest';
import { urls } from '../../test/crm-urls/salesforce';
import { testUrlTable } from '../../test/crm-urls/url-table';
import { fixturePage } from '../../test/unit/fixture-page';
import { detectRecord } from './index';
import { salesforce } from './salesforce';
import type { RecordRef } from './types';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/crm/salesforce');
const windows: Window[] = [];
afterAll(async () => {
  await Promise.all(windows.map((window) => window.happyDOM.close()));
});

/** A fixture in its own window, so stylesheets and getComputedStyle apply as on the page. */
function page(name: string): Document {
  return fixturePage(windows, join('salesforce', name), 'https://acme.lightning.force.com/');
}

function html(markup: string, title = ''): Document {
  const window = new Window();
  windows.push(window);
  window.document.write(`<!doctype html><html><head><title>${title}</title></head><body>${markup}</body></html>`);
  return window.document as unknown as Document;
}

const ref = (objectType: 'Account' | 'Contact' | 'Lead', recordId: string): RecordRef => ({
  crm: 'salesforce',
  kind: objectType === 'Account' ? 'account' : 'contact',
  recordId,
  objectType,
});
const ACCOUNT = ref('Account', '0010c00001vlGl5AAE');
const CONTACT = ref('Contact', '0035i0000KEia8dAQB');
const LEAD = ref('Lead', '00Q2w00000U1CNTEA3');

describe('salesforce URLs (test/crm-urls/salesforce.ts)', () => {
  testUrlTable(urls);

  test('record hosts are inside the match patterns', () => {
    expect(salesforce.matches).toEqual([
      'https://*.lightning.force.com/*',
      'https://*.my.salesforce.com/*',
      'https://*.lightning.crmforce.mil/*',
      'https://*.my.salesforce.mil/*',
      'https://*.lightning.sfcrmapps.cn/*',
      'https://*.my.sfcrmproducts.cn/*',
    ]);
  });
});

describe('salesforce.isHost', () => {
  test('takes My Domain hosts of every partition, in any case', () => {
    for (const host of [
      'acme.lightning.force.com',
      'ACME.Lightning.Force.com',
      'acme--uat.sandbox.lightning.force.com',
      'acme.my.salesforce.com',
      'acme--uat.cs42.my.salesforce.com',
      'acme.patch.my.salesforce.com',
      'acme.free.lightning.force.com',
      'acme.lightning.force.com.',
    ]) {
      expect(salesforce.isHost(host), host).toBe(true);
    }
  });

  test('refuses bare suffixes, other Salesforce hosts and look-alikes', () => {
    for (const host of [
      'lightning.force.com',
      'my.salesforce.com',
      'salesforce.com',
      'www.salesforce.com',
      'login.salesforce.com',
      'na123.salesforce.com',
      'acme--c.vf.force.com',
      'acme.my.site.com',
      'acme.lightning.force.com.evil.io',
      'evillightning.force.com',
      'acme.my.salesforce.com.example.net',
    ]) {
      expect(salesforce.isHost(host), host).toBe(false);
    }
  });
});

describe('salesforce.detect, beyond the table', () => {
  const detect = (url: string) => salesforce.detect(new URL(url));

  test('object names in any case, a missing action, 15-character ids, hashes', () => {
    expect(detect('https://acme.lightning.force.com/lightning/r/account/001D000000IqhSL/view')).toEqual({
      kind: 'account',
      recordId: '001D000000IqhSL',
      objectType: 'Account',
    });
    expect(detect('https://acme.lightning.force.com/lightning/r/Lead/00Q2w00000U1CNTEA3')).toEqual({
      kind: 'contact',
      recordId: '00Q2w00000U1CNTEA3',
      objectType: 'Lead',
    });
    expect(detect('https://acme.lightning.force.com/lightning/r/Contact/0035i0000KEia8dAQB/view?0.source=alohaHeader#top')).toEqual({
      kind: 'contact',
      recordId: '0035i0000KEia8dAQB',
      objectType: 'Contact',
    });
    expect(detect('https://acme.my.salesforce.com/001D000000IqhSL?srPos=0&srKp=001')).toEqual({
      kind: 'account',
      recordId: '001D000000IqhSL',
      objectType: 'Account',
    });
  });

  test('ids of the wrong length or alphabet, extra segments and foreign prefixes give null', () => {
    expect(detect('https://acme.lightning.force.com/lightning/r/Account/001D000000IqhS/view')).toBeNull();
    expect(detect('https://acme.lightning.force.com/lightning/r/Account/001D000000IqhSLIA/view')).toBeNull();
    expect(detect('https://acme.lightning.force.com/lightning/r/Account/001D000000Iq-SLIAZ/view')).toBeNull();
    expect(detect('https://acme.lightning.force.com/lightning/r/Account/001D000000IqhSLIAZ/view/more')).toBeNull();
    expect(detect('https://acme.lightning.force.com/lightning/r/view')).toBeNull();
    expect(detect('https://acme.lightning.force.com/lightning/app/06m5g000001KXqPAAW')).toBeNull();
    expect(detect('https://acme.lightning.force.com/one/one.app#/sObject/0010c00001vlGl5AAE/edit')).toBeNull();
    expect(detect('https://acme.lightning.force.com/one/one.app')).toBeNull();
    expect(detect('https://acme.my.salesforce.com/')).toBeNull();
    expect(detect('https://acme.my.salesforce.com/a015g00000ABCDE')).toBeNull();
  });
});

describe('salesforce.read, Lightning', () => {
  test('reads the active account view through its shadow roots', () => {
    expect(salesforce.read(page('lightning-account.html'), ACCOUNT)).toEqual({
      name: 'Acme Corporation',
      owner: 'Jane Doe',
      domain: 'acme-corp.example',
      email: undefined,
      lifecycleStage: undefined,
    });
  });

  test('ignores the hidden cached copy and the related list', () => {
    const facts = salesforce.read(page('lightning-account.html'), ACCOUNT);
    const seen = JSON.stringify(facts);
    for (const other of ['Hank Scorpio', 'Former Owner', 'globex', 'Someone Else', 'maria.garcia']) {
      expect(seen).not.toContain(other);
    }
  });

  test('a cached copy still marked active is ignored while hidden; a lead is read with its status', () => {
    expect(salesforce.read(page('lightning-lead.html'), LEAD)).toEqual({
      name: 'Ms. Priya Natarajan',
      owner: 'EMEA Inbound Queue',
      email: 'priya.natarajan@umbrella-health.example',
      domain: undefined,
      lifecycleStage: 'Working - Contacted',
    });
  });

  test('a person account: header owner by label, PersonEmail, no website', () => {
    expect(salesforce.read(page('lightning-person-account.html'), ACCOUNT)).toEqual({
      name: 'Dr. Lena Fischer',
      owner: 'Omar Haddad',
      email: 'lena.fischer@example.de',
      domain: undefined,
      lifecycleStage: undefined,
    });
  });

  test('a console reads the focused subtab of the focused workspace only', () => {
    expect(salesforce.read(page('lightning-console.html'), CONTACT)).toEqual({
      name: 'Maria Garcia',
      owner: 'Kwame Mensah',
      email: 'maria.garcia@acme-corp.example',
      domain: undefined,
      lifecycleStage: undefined,
    });
  });

  test('the document title names the record when the header is not rendered yet', () => {
    const doc = html('<div class="windowViewMode-normal oneContent active lafPageHost"></div>', 'Acme Corporation | Account | Salesforce');
    expect(salesforce.read(doc, ACCOUNT)).toEqual({ name: 'Acme Corporation' });
    const console = html('<div class="windowViewMode-maximized active"></div>', 'Maria Garcia | Contact | Sales Console | Salesforce');
    expect(salesforce.read(console, CONTACT).name).toBe('Maria Garcia');
    // Another object's title is not this record's name.
    expect(salesforce.read(doc, LEAD).name).toBeUndefined();
  });
});

describe('salesforce.read, Classic', () => {
  test('reads label and value cells of the detail block', () => {
    expect(salesforce.read(page('classic-account.html'), ref('Account', '001D000000IqhSL'))).toEqual({
      name: 'Acme Corporation',
      owner: 'Jane Doe',
      email: undefined,
      domain: 'acme-corp.example',
      lifecycleStage: undefined,
    });
  });

  test('a lead: queue owner, email, status, and the name from the title', () => {
    expect(salesforce.read(page('classic-lead.html'), ref('Lead', '00Q2w00000U1CNT'))).toEqual({
      name: 'Priya Natarajan',
      owner: 'EMEA Inbound Queue',
      email: 'priya.natarajan@umbrella-health.example',
      domain: undefined,
      lifecycleStage: 'Open - Not Contacted',
    });
  });
});

describe('salesforce.read never throws', () => {
  test('an empty page, an unknown object, a broken document', () => {
    expect(salesforce.read(html(''), ACCOUNT)).toEqual({});
    expect(salesforce.read(page('lightning-account.html'), { ...ACCOUNT, objectType: 'Opportunity' })).toEqual({});
    const broken = {
      title: 'x',
      querySelector: () => {
        throw new Error('boom');
      },
      querySelectorAll: () => {
        throw new Error('boom');
      },
    } as unknown as Document;
    expect(salesforce.read(broken, ACCOUNT)).toEqual({});
  });

  test('fields without values read as undefined', () => {
    const doc = html(`
      <div class="windowViewMode-normal active">
        <records-highlights2><lightning-formatted-text slot="primaryField">  </lightning-formatted-text></records-highlights2>
        <div data-target-selection-name="sfdc:RecordField.Account.OwnerId"><span class="test-id__field-label">Account Owner</span></div>
        <div data-target-selection-name="sfdc:RecordField.Account.Website"><div data-output-element-id="output-field">not a website</div></div>
      </div>`);
    expect(salesforce.read(doc, ACCOUNT)).toEqual({});
  });
});
