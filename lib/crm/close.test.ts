import { describe, expect, test } from 'vitest';
import { close } from './close';

const LEAD = 'lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O';
const detect = (url: string) => close.detect(new URL(url));

describe('close', () => {
  test('isHost takes the app host only', () => {
    expect(close.isHost('app.close.com')).toBe(true);
    expect(close.isHost('close.com')).toBe(false);
    expect(close.isHost('api.close.com')).toBe(false);
    expect(close.isHost('app.close.com.evil.io')).toBe(false);
  });

  test('a lead is a company: an account, also with a tab after the id', () => {
    expect(detect(`https://app.close.com/lead/${LEAD}/`)).toEqual({ kind: 'account', recordId: LEAD, objectType: 'lead' });
    expect(detect(`https://app.close.com/lead/${LEAD}/activities/`)?.recordId).toBe(LEAD);
  });

  test('a contact page is a contact', () => {
    expect(detect('https://app.close.com/contact/cont_123/')).toEqual({ kind: 'contact', recordId: 'cont_123', objectType: 'contact' });
  });

  test('ids must carry their own prefix', () => {
    expect(detect('https://app.close.com/lead/cont_123/')).toBeNull();
    expect(detect(`https://app.close.com/contact/${LEAD}/`)).toBeNull();
    expect(detect('https://app.close.com/lead/lead_/')).toBeNull();
    expect(detect('https://app.close.com/toString/lead_1/')).toBeNull();
  });
});
