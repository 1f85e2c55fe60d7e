import { describe, expect, it } from 'vitest';
import { recordLink } from './record-url';

describe('recordLink', () => {
  it('builds Salesforce Lightning URLs from the org host and the object type', () => {
    expect(recordLink({ crm: 'salesforce', kind: 'account', recordId: '001Dn00000NwTr7IAF', objectType: 'Account' }, { salesforceHost: 'acme.lightning.force.com' })).toEqual({
      url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000NwTr7IAF/view',
    });
    expect(recordLink({ crm: 'salesforce', kind: 'contact', recordId: '003X' }, { salesforceHost: 'acme.lightning.force.com' })).toEqual({ url: 'https://acme.lightning.force.com/lightning/r/Contact/003X/view' });
  });

  it('builds HubSpot URLs from the portal id: contacts 0-1, companies 0-2', () => {
    expect(recordLink({ crm: 'hubspot', kind: 'contact', recordId: '1051' }, { hubspotPortal: '4815162' })).toEqual({ url: 'https://app.hubspot.com/contacts/4815162/record/0-1/1051' });
    expect(recordLink({ crm: 'hubspot', kind: 'account', recordId: '88' }, { hubspotPortal: '4815162' })).toEqual({ url: 'https://app.hubspot.com/contacts/4815162/record/0-2/88' });
  });

  it('says why there is no link when the host or portal is unknown or not plausible', () => {
    expect(recordLink({ crm: 'salesforce', kind: 'account', recordId: '001' }, {})).toHaveProperty('reason', expect.stringMatching(/org host/));
    expect(recordLink({ crm: 'salesforce', kind: 'account', recordId: '001' }, { salesforceHost: 'evil.example/x?y=' })).toHaveProperty('reason');
    expect(recordLink({ crm: 'hubspot', kind: 'account', recordId: '1' }, { hubspotPortal: 'abc' })).toHaveProperty('reason', expect.stringMatching(/portal id/));
    expect(recordLink({ crm: 'pipedrive', kind: 'account', recordId: '1' }, {})).toHaveProperty('reason');
  });
});
