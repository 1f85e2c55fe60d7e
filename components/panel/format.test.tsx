import { describe, expect, it } from 'vitest';
import { expiryText, initials, kindLabel, relativeTime } from './format';

const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const now = Date.UTC(2025, 2, 12, 12);
const M = 60_000;
const H = 60 * M;
const D = 24 * H;

describe('relativeTime', () => {
  it('picks the unit a person would', () => {
    expect(relativeTime(now - 10_000, now)).toBe(rtf.format(0, 'second'));
    expect(relativeTime(now - 2 * M, now)).toBe(rtf.format(-2, 'minute'));
    expect(relativeTime(now + 3 * H, now)).toBe(rtf.format(3, 'hour'));
    expect(relativeTime(now - D, now)).toBe(rtf.format(-1, 'day'));
    expect(relativeTime(now + 3 * D, now)).toBe(rtf.format(3, 'day'));
    expect(relativeTime(now + 20 * D, now)).toBe(rtf.format(3, 'week'));
    expect(relativeTime(now - 90 * D, now)).toBe(rtf.format(-3, 'month'));
    expect(relativeTime(now - 800 * D, now)).toBe(rtf.format(-2, 'year'));
  });

  it('says "ends" for the future and "ended" for the past', () => {
    expect(expiryText(now + 3 * D, now)).toBe(`ends ${rtf.format(3, 'day')}`);
    expect(expiryText(now - D, now)).toBe(`ended ${rtf.format(-1, 'day')}`);
  });
});

describe('initials', () => {
  it('takes the first and last words, letters only', () => {
    expect(initials('Alex Morgan')).toBe('AM');
    expect(initials('Lukas Baumgärtner-Schmidt')).toBe('LS');
    expect(initials('Émile')).toBe('É');
    expect(initials('EMEA Field Marketing')).toBe('EM');
    expect(initials('<script>alert(1)</script>')).toBe('S');
    expect(initials('<b>x</b> Owner')).toBe('BO');
    expect(initials('  ')).toBe('?');
  });
});

describe('kindLabel', () => {
  it('says Lead when the CRM object is a lead', () => {
    expect(kindLabel({ crm: 'salesforce', kind: 'contact', recordId: '00Q1', objectType: 'Lead' })).toBe('Lead');
    expect(kindLabel({ crm: 'hubspot', kind: 'contact', recordId: '1', objectType: '0-1' })).toBe('Contact');
    expect(kindLabel({ crm: 'salesforce', kind: 'account', recordId: '001', objectType: 'Account' })).toBe('Account');
  });
});
