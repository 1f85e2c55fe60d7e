import { describe, expect, it } from 'vitest';
import { detectCsvFormat, resolveFormat } from './detect-format';
import { EXPORT_PROFILES } from './export-formats';

/**
 * Every header below is a real export's shape (sources in export-formats.ts), and each must be read as
 * its own layout and no other: as in refined-github's URL detection tests, each case is also a negative
 * case for every other layout.
 */
const HEADERS: { label: string; header: string[]; sample?: string[][]; objectType: string }[] = [
  {
    label: 'Salesforce accounts report',
    header: ['Account Owner', 'Account Name', 'Type', 'Billing State/Province', 'Website', 'Account ID', 'Last Activity'],
    objectType: 'Account',
  },
  {
    label: 'Salesforce contacts report',
    // Gotcha: a contacts report also carries its account's id, name and owner; it is one row per contact.
    header: ['Contact Owner', 'First Name', 'Last Name', 'Title', 'Account Name', 'Account Owner', 'Email', 'Contact ID', 'Account ID'],
    objectType: 'Contact',
  },
  {
    label: 'Salesforce leads report',
    header: ['Lead Owner', 'First Name', 'Last Name', 'Company / Account', 'Email', 'Lead Status', 'Lead Source', 'Lead ID'],
    objectType: 'Lead',
  },
  {
    label: 'Salesforce Data Loader export of contacts or leads',
    header: ['ID', 'FIRSTNAME', 'LASTNAME', 'EMAIL', 'STATUS', 'OWNERID', 'OWNER.NAME', 'OWNER.TYPE'],
    sample: [['00Q5000000XyZaBEAV']],
    objectType: 'Lead',
  },
  {
    label: 'Salesforce Data Loader export of contacts or leads',
    header: ['Id', 'AccountId', 'FirstName', 'LastName', 'Email', 'OwnerId'],
    objectType: 'Contact',
  },
  {
    label: 'Salesforce Data Loader export of accounts',
    header: ['Id', 'IsDeleted', 'MasterRecordId', 'Name', 'Type', 'ParentId', 'BillingCity', 'Website', 'Industry', 'OwnerId'],
    objectType: 'Account',
  },
  {
    label: 'Salesforce Data Loader export of accounts',
    // Gotcha: nothing in the header tells accounts from contacts here; the ids' key prefix (001) does.
    header: ['Id', 'Name', 'OwnerId'],
    sample: [['0015000000VALDtAAP', 'Acme', '0055000000JaNeDAAV']],
    objectType: 'Account',
  },
  {
    label: 'HubSpot contacts export',
    header: ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Contact owner', 'Primary Associated Company ID', 'Last Activity Date', 'Lead Status', 'Marketing contact status', 'Create Date', 'Associated Company'],
    objectType: '0-1',
  },
  {
    label: 'HubSpot contacts export',
    header: ['hs_object_id', 'firstname', 'lastname', 'email', 'hubspot_owner_id', 'lifecyclestage'],
    objectType: '0-1',
  },
  {
    label: 'HubSpot companies export',
    // Gotcha: a companies export has "Company name" like a contacts export's company property; the owner column tells.
    header: ['Record ID', 'Company name', 'Company owner', 'Create Date', 'Phone Number', 'Last Activity Date', 'City', 'Country/Region', 'Industry', 'Company Domain Name'],
    objectType: '0-2',
  },
  {
    label: 'Pipedrive people export',
    // Gotcha: a people export carries the organization's columns too.
    header: ['Person - ID', 'Person - Name', 'Person - Label', 'Person - Organization', 'Person - Email - Work', 'Person - Owner', 'Organization - ID', 'Organization - Owner'],
    objectType: 'person',
  },
  {
    label: 'Pipedrive organizations export',
    header: ['Organization - ID', 'Organization - Name', 'Organization - Label', 'Organization - Owner', 'Organization - Address', 'Organization - Website'],
    objectType: 'organization',
  },
];

describe('detectCsvFormat', () => {
  it.each(HEADERS)('reads $label ($objectType) from its header', ({ label, header, sample, objectType }) => {
    const result = detectCsvFormat(header, { ...(sample ? { sample } : {}) });
    expect(result).toMatchObject({ ok: true, format: { label, objectType } });
  });

  it('knows every layout it lists (each profile has a case above)', () => {
    const tested = new Set(HEADERS.map((h) => h.label));
    expect(EXPORT_PROFILES.map((p) => p.label).filter((label) => !tested.has(label))).toEqual([]);
  });

  it('maps each field to the header as the file spells it', () => {
    const result = detectCsvFormat(['ID', 'FIRSTNAME', 'LASTNAME', 'EMAIL', 'STATUS', 'OWNERID', 'OWNER.NAME', 'OWNER.TYPE']);
    expect(result.ok && result.format.mapping).toEqual({
      recordId: 'ID',
      firstName: 'FIRSTNAME',
      lastName: 'LASTNAME',
      email: 'EMAIL',
      owner: 'OWNER.NAME',
      ownerCrmId: 'OWNERID',
      ownerType: 'OWNER.TYPE',
      lifecycleStage: 'STATUS',
    });
  });

  it('ignores case, spacing, non-breaking spaces and zero-width characters in headers', () => {
    const result = detectCsvFormat(['\ufeff record  id', 'FIRST NAME', 'last\u00a0name', 'E\u200bmail', 'Contact Owner ']);
    expect(result).toMatchObject({ ok: true, format: { crm: 'hubspot', kind: 'contact', mapping: { recordId: '\ufeff record  id', owner: 'Contact Owner ' } } });
    expect(detectCsvFormat(['Person-ID', 'Person-Owner'])).toMatchObject({ ok: true, format: { crm: 'pipedrive' } });
  });

  it('reads a file with both contact and account ids as contacts, whatever else it holds', () => {
    const header = ['Contact Owner', 'Contact ID', 'Account Owner', 'Account Name', 'Account ID', 'Website', 'Type'];
    expect(detectCsvFormat(header)).toMatchObject({ ok: true, format: { kind: 'contact', label: 'Salesforce contacts report' } });
  });

  it('narrows to the CRM and kind asked for', () => {
    const header = ['Contact Owner', 'Account Owner', 'Contact ID', 'Account ID', 'Account Name', 'First Name', 'Last Name'];
    expect(detectCsvFormat(header)).toMatchObject({ ok: true, format: { kind: 'contact' } });
    expect(detectCsvFormat(header, { kind: 'account' })).toMatchObject({ ok: true, format: { kind: 'account', mapping: { recordId: 'Account ID', owner: 'Account Owner' } } });
    expect(detectCsvFormat(header, { crm: 'hubspot' }).ok).toBe(false);
  });

  it('rules out a layout whose id column holds another CRM\'s ids (a Zoho export has "Record Id")', () => {
    const result = detectCsvFormat(['Record Id', 'Contact Owner', 'First Name', 'Last Name', 'Email'], { sample: [['zcrm_4876876000000212']] });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('are not HubSpot ids of that kind: "zcrm_4876876000000212" is not a HubSpot record id (a number)') });
  });

  it('says which column is missing when the rest looks like a known export', () => {
    const noId = detectCsvFormat(['Contact Owner', 'First Name', 'Last Name', 'Account Name', 'Email']);
    expect(noId).toEqual({ ok: false, message: expect.stringContaining('Salesforce contacts report, but it has no "Contact ID" column') });
    const noOwner = detectCsvFormat(['Record ID', 'First Name', 'Last Name', 'Email', 'Lifecycle Stage']);
    expect(noOwner).toEqual({ ok: false, message: expect.stringContaining('HubSpot contacts export, but it has no "Contact owner" column') });
  });

  it('names the columns found and the columns expected when nothing matches', () => {
    const result = detectCsvFormat(['Foo', 'Bar']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('Columns found: "Foo", "Bar".');
    for (const expected of ['"Account ID" and "Account Owner"', '"Record ID" and "Contact owner"', '"Person - ID" and "Person - Owner"', '"Id" and "Owner.Name" or "OwnerId"']) {
      expect(result.message).toContain(expected);
    }
  });

  it('keeps the list of columns found short whatever the header holds', () => {
    const result = detectCsvFormat(Array.from({ length: 500 }, (_, i) => `<div class="x">${'y'.repeat(i)}</div>`));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('(and 485 more)');
      expect(result.message.length).toBeLessThan(2500);
    }
  });
});

describe('resolveFormat: explicit column mapping', () => {
  const header = ['Record ID', 'Company name', 'Company owner', 'Company Domain Name', 'Website URL', 'Account Manager'];

  it('replaces detected columns, drops those mapped to ""', () => {
    const result = resolveFormat(header, { mapping: { owner: 'account manager', website: 'Website URL', lifecycleStage: '' } });
    expect(result).toMatchObject({ ok: true, format: { crm: 'hubspot', kind: 'account', label: 'HubSpot companies export, with your column mapping' } });
    expect(result.ok && result.format.mapping).toEqual({ recordId: 'Record ID', name: 'Company name', website: 'Website URL', owner: 'Account Manager' });
    const dropped = resolveFormat(header, { mapping: { website: '' } });
    expect(dropped.ok && dropped.format.mapping.website).toBeUndefined();
  });

  it('reads a CRM without a known layout when crm, kind, id and owner are given', () => {
    const zoho = ['Record Id', 'Contact Owner', 'First Name', 'Last Name', 'Email'];
    const mapping = { recordId: 'Record Id', owner: 'Contact Owner', firstName: 'First Name', lastName: 'Last Name', email: 'Email' };
    expect(resolveFormat(zoho, { crm: 'zoho', kind: 'contact', mapping })).toEqual({
      ok: true,
      format: { crm: 'zoho', kind: 'contact', objectType: 'contact', label: 'Custom column mapping', mapping },
    });
    const sample = [['zcrm_4876876000000212', 'Pat Lee', 'Sam', 'Lee', 'sam@ridgepg.example']];
    expect(resolveFormat(zoho, { mapping, sample })).toEqual({ ok: false, message: expect.stringContaining('also needs the CRM and the kind') });
  });

  it('refuses a mapping that names a missing column, or no id, or no owner', () => {
    expect(resolveFormat(header, { mapping: { owner: 'Owner' } })).toEqual({ ok: false, message: expect.stringContaining('The column "Owner" (mapped to owner) is not in the file.') });
    expect(resolveFormat(['a', 'b'], { crm: 'zoho', kind: 'account', mapping: { owner: 'a' } })).toEqual({ ok: false, message: expect.stringContaining('names no record id column') });
    expect(resolveFormat(['a', 'b'], { crm: 'zoho', kind: 'account', mapping: { recordId: 'a' } })).toEqual({ ok: false, message: expect.stringContaining('names no owner column') });
  });
});
