import { describe, expect, it } from 'vitest';
import { domainFromWebsite, firstEmailOf, normaliseEmail, ownerIdFor, ownerKindOf, parseOwnerCell } from './values';

describe('domainFromWebsite', () => {
  it.each([
    ['https://www.Acme.com/about?x=1#top', 'acme.com'],
    ['http://WWW.Initech.COM:8080/', 'initech.com'],
    ['globex.com', 'globex.com'],
    ['www.globex.com/', 'globex.com'],
    ['//cdn.example.org', 'cdn.example.org'],
    ['shop.acme.co.uk', 'shop.acme.co.uk'],
    ['https://øresund.dk', 'xn--resund-9xa.dk'],
    ['acme.com.', 'acme.com'],
  ])('%s → %s', (website, domain) => {
    expect(domainFromWebsite(website)).toBe(domain);
  });

  it.each(['', '  ', 'n/a', 'Acme Inc', 'acme', 'http://10.0.0.1/', 'mailto:jane@acme.com', 'jane@gmail.com', '=HYPERLINK("http://x")'])('%j is not a domain', (website) => {
    expect(domainFromWebsite(website)).toBeNull();
  });
});

describe('emails', () => {
  it('lower-cases valid addresses and refuses others', () => {
    expect(normaliseEmail(' Ada.Lovelace@Acme.com ')).toBe('ada.lovelace@acme.com');
    expect(normaliseEmail('mailto:ada@acme.com')).toBe('ada@acme.com');
    for (const bad of ['', 'not-an-email', 'bad@@acme', 'a@b', 'Jane Doe']) expect(normaliseEmail(bad), bad).toBeNull();
  });

  it('takes the first address of a list (Pipedrive)', () => {
    expect(firstEmailOf('ada@acme.com, ada.lovelace@gmail.com')).toBe('ada@acme.com');
    expect(firstEmailOf('')).toBe('');
  });
});

describe('owners', () => {
  it('reads a name, an email, or both from an owner cell', () => {
    expect(parseOwnerCell(' Jane  Doe ')).toEqual({ name: 'Jane Doe' });
    expect(parseOwnerCell('Jane@Acme.com')).toEqual({ name: 'Jane@Acme.com', email: 'jane@acme.com' });
    expect(parseOwnerCell('Jane Doe <jane@acme.com>')).toEqual({ name: 'Jane Doe', email: 'jane@acme.com' });
    expect(parseOwnerCell('Jane Doe (jane@acme.com)')).toEqual({ name: 'Jane Doe', email: 'jane@acme.com' });
    expect(parseOwnerCell('Jane Doe (Deactivated User)')).toEqual({ name: 'Jane Doe (Deactivated User)' });
  });

  it('derives stable ids: email first, else a slug that ignores case, accents and "Last, First"', () => {
    expect(ownerIdFor('person', 'Jane Doe', 'jane@acme.com')).toBe('person:jane@acme.com');
    expect(ownerIdFor('person', 'Jane Doe', undefined)).toBe('person:jane-doe');
    expect(ownerIdFor('person', 'Doe, Jane', undefined)).toBe('person:jane-doe');
    expect(ownerIdFor('person', '  JANE   DOE ', undefined)).toBe('person:jane-doe');
    expect(ownerIdFor('person', 'José Müller', undefined)).toBe('person:jose-muller');
    expect(ownerIdFor('person', '山田 太郎', undefined)).toBe('person:山田-太郎');
    expect(ownerIdFor('queue', 'EMEA Inbound Queue', undefined)).toBe('queue:emea-inbound-queue');
    expect(ownerIdFor('person', '—', undefined)).toBeNull();
    expect(ownerIdFor('person', 'x'.repeat(300), undefined)!.length).toBeLessThanOrEqual(200);
  });

  it('calls an owner a queue only when a type column or a Salesforce queue id says so, never by name', () => {
    expect(ownerKindOf('salesforce', '', undefined)).toBe('person');
    expect(ownerKindOf('salesforce', 'Queue', undefined)).toBe('queue');
    expect(ownerKindOf('salesforce', 'User', '00G5000000QuEuEEAV')).toBe('person');
    expect(ownerKindOf('salesforce', '', '00G5000000QuEuEEAV')).toBe('queue');
    expect(ownerKindOf('salesforce', '', '0055000000JaNeDAAV')).toBe('person');
    expect(ownerKindOf('hubspot', '', '00G5000000QuEuEEAV')).toBe('person');
    expect(ownerKindOf('zoho', 'Team', undefined)).toBe('team');
  });
});
