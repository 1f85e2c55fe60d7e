// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { odoo } from './odoo';

const page = (name: string) =>
  new DOMParser().parseFromString(
    readFileSync(join(import.meta.dirname, `../../test/fixtures/crm/odoo/${name}.html`), 'utf8'),
    'text/html',
  );
const company = page('partner-company');
const person = page('partner-person');
const detect = (url: string, doc?: Document) => odoo.detect(new URL(url), doc);

describe('odoo', () => {
  test('isHost takes customer databases on odoo.com, not its own sites', () => {
    expect(odoo.isHost('mycompany.odoo.com')).toBe(true);
    expect(odoo.isHost('www.odoo.com')).toBe(false);
    expect(odoo.isHost('apps.odoo.com')).toBe(false);
    expect(odoo.isHost('odoo.com')).toBe(false);
    expect(odoo.isHost('mycompany.odoo.com.evil.io')).toBe(false);
  });

  test('the kind comes from the partner form: company → account, individual → contact', () => {
    expect(detect('https://mycompany.odoo.com/odoo/contacts/14', company)).toEqual({
      kind: 'account',
      recordId: '14',
      objectType: 'res.partner',
    });
    expect(detect('https://mycompany.odoo.com/odoo/contacts/9', person)?.kind).toBe('contact');
  });

  test('a partner form in a dialog over the page is not read', () => {
    // partner-company.html has a person form in a dialog; the action's form says company.
    expect(detect('https://mycompany.odoo.com/odoo/contacts/14', company)?.kind).toBe('account');
  });

  test('documented default: without the page, or before the form renders, the kind is unknown → null', () => {
    expect(detect('https://mycompany.odoo.com/odoo/contacts/14')).toBeNull();
    expect(detect('https://mycompany.odoo.com/odoo/contacts/14', new DOMParser().parseFromString('<p>Loading…</p>', 'text/html'))).toBeNull();
  });

  test('17.2+ paths: the last <action or model>/<id> pair is the record on screen', () => {
    expect(detect('https://mycompany.odoo.com/odoo/res.partner/14', company)?.recordId).toBe('14');
    expect(detect('https://mycompany.odoo.com/odoo/crm/5/res.partner/14', company)?.recordId).toBe('14');
    expect(detect('https://mycompany.odoo.com/odoo/action-contacts.action_contacts/14', company)?.recordId).toBe('14');
    expect(detect('https://mycompany.odoo.com/odoo/res.partner/14/crm.lead/5', company)).toBeNull();
    expect(detect('https://mycompany.odoo.com/odoo/contacts/new', company)).toBeNull();
    expect(detect('https://mycompany.odoo.com/odoo/action-123/14', company)).toBeNull();
    expect(detect('https://mycompany.odoo.com/odoo/res.partner/14?view_type=list', company)).toBeNull();
  });

  test('legacy /web# state: any key order, form view only', () => {
    expect(detect('https://x.odoo.com/web#model=res.partner&view_type=form&id=42', person)?.recordId).toBe('42');
    expect(detect('https://x.odoo.com/web#id=42&model=res.partner', person)?.recordId).toBe('42');
    expect(detect('https://x.odoo.com/web#id=42&model=res.partner&view_type=kanban', person)).toBeNull();
    expect(detect('https://x.odoo.com/web#id=42&model=crm.lead&view_type=form', person)).toBeNull();
    expect(detect('https://x.odoo.com/shop#id=42&model=res.partner&view_type=form', person)).toBeNull();
  });
});
