import { describe, expect, it } from 'vitest';
import { parseOrigin } from './origin';

describe('parseOrigin', () => {
  it('keeps the origin (with its port) and makes a port-less match pattern', () => {
    expect(parseOrigin(' https://CRM.example.com:8443/index.php?module=Accounts ')).toEqual({
      origin: 'https://crm.example.com:8443',
      pattern: 'https://crm.example.com/*',
    });
    expect(parseOrigin('http://odoo.intranet').pattern).toBe('http://odoo.intranet/*');
  });
  it.each([
    ['crm.example.com', /not a web address/],
    ['javascript:alert(1)', /Only http and https/],
    ['file:///etc/passwd', /Only http and https/],
    ['https://user:pw@crm.example.com', /user name and password/],
  ])('refuses %s with a clear error', (input, error) => {
    expect(() => parseOrigin(input)).toThrow(error);
  });
});
