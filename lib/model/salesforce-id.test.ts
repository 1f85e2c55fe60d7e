import { describe, expect, it } from 'vitest';
import { salesforceId18 } from './salesforce-id';

describe('salesforceId18', () => {
  it("adds the case checksum (Salesforce's own example)", () => {
    expect(salesforceId18('0015000000VALDt')).toBe('0015000000VALDtAAP');
  });

  it('gives ids that differ only in case different checksums', () => {
    expect(salesforceId18('00Q5000000XyZaB')).toBe('00Q5000000XyZaBEAV');
    expect(salesforceId18('00q5000000xyzab')).toBe('00q5000000xyzabAAA');
  });

  it('keeps an 18-character id as it is', () => {
    expect(salesforceId18('0015000000VALDtAAP')).toBe('0015000000VALDtAAP');
  });

  it('refuses what is not shaped like an id', () => {
    for (const bad of ['', '001', '0015000000VALD', '0015000000VALDtA', '0015000000VALD-', ' 0015000000VALDt', 'zcrm_4876876000000']) {
      expect(salesforceId18(bad), bad).toBeNull();
    }
  });
});

describe('storedRecordKey', () => {
  it('gives one key to both spellings of a Salesforce id, and leaves other CRMs alone', async () => {
    const { storedRecordKey, recordKey } = await import('./record-key');
    const a = storedRecordKey({ crm: 'salesforce', kind: 'account', recordId: '001D000000IqhSL' });
    const b = storedRecordKey({ crm: 'salesforce', kind: 'account', recordId: '001D000000IqhSLIAZ' });
    expect(a).toBe('salesforce:account:001D000000IqhSLIAZ');
    expect(b).toBe(a);
    expect(recordKey({ crm: 'salesforce', kind: 'account', recordId: '001D000000IqhSL' })).toBe('salesforce:account:001D000000IqhSL');
    expect(storedRecordKey({ crm: 'hubspot', kind: 'contact', recordId: '51' })).toBe('hubspot:contact:51');
  });
});
