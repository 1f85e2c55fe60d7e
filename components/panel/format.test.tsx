import { describe, expect, it } from 'vitest';
import { channelList, count, exactDate, expiryText, initials, kindLabel, relativeTime, shortDate } from './format';

const now = Date.UTC(2025, 2, 12, 12);
const M = 60_000;
const H = 60 * M;
const D = 24 * H;

describe('relativeTime', () => {
  it('picks the unit a person would', () => {
    expect(relativeTime(now - 10_000, now)).toBe('now');
    expect(relativeTime(now - M, now)).toBe('1 minute ago');
    expect(relativeTime(now - 2 * M, now)).toBe('2 minutes ago');
    expect(relativeTime(now + 3 * H, now)).toBe('in 3 hours');
    expect(relativeTime(now - D, now)).toBe('yesterday');
    expect(relativeTime(now + D, now)).toBe('tomorrow');
    expect(relativeTime(now + 3 * D, now)).toBe('in 3 days');
    expect(relativeTime(now - 7 * D, now)).toBe('last week');
    expect(relativeTime(now + 20 * D, now)).toBe('in 3 weeks');
    expect(relativeTime(now - 90 * D, now)).toBe('3 months ago');
    expect(relativeTime(now + 400 * D, now)).toBe('next year');
    expect(relativeTime(now - 800 * D, now)).toBe('2 years ago');
    expect(relativeTime(now - 5000 * 365 * D, now)).toBe('5,000 years ago');
  });

  it('agrees with Intl.RelativeTimeFormat in English', () => {
    const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    expect(relativeTime(now - 2 * M, now)).toBe(rtf.format(-2, 'minute'));
    expect(relativeTime(now - D, now)).toBe(rtf.format(-1, 'day'));
    expect(relativeTime(now + 20 * D, now)).toBe(rtf.format(3, 'week'));
    expect(relativeTime(now - 30 * D, now)).toBe(rtf.format(-1, 'month'));
  });

  it('says "ends" for the future and "ended" for the past', () => {
    expect(expiryText(now + 3 * D, now)).toBe('ends in 3 days');
    expect(expiryText(now - D, now)).toBe('ended yesterday');
  });
});

describe('dates and counts', () => {
  const at = new Date(2025, 2, 3, 10, 5).getTime();
  it('writes an exact local date and time', () => {
    expect(exactDate(at)).toBe('Mar 3, 2025, 10:05 AM');
    expect(exactDate(new Date(2025, 11, 31, 0, 0).getTime())).toBe('Dec 31, 2025, 12:00 AM');
    expect(exactDate(new Date(2025, 6, 1, 12, 30).getTime())).toBe('Jul 1, 2025, 12:30 PM');
    expect(exactDate(new Date(2025, 6, 1, 23, 59).getTime())).toBe('Jul 1, 2025, 11:59 PM');
  });

  it('gives the year of a short date only when it is not this year', () => {
    expect(shortDate(at, new Date(2025, 5, 1).getTime())).toBe('Mar 3');
    expect(shortDate(at, new Date(2026, 0, 1).getTime())).toBe('Mar 3, 2025');
  });

  it('groups thousands', () => {
    expect(count(0)).toBe('0');
    expect(count(999)).toBe('999');
    expect(count(1234)).toBe('1,234');
    expect(count(1234567)).toBe('1,234,567');
    expect(count(-1234.5)).toBe('-1,234.5');
  });

  it('lists channels in a sentence', () => {
    expect(channelList([])).toBe('');
    expect(channelList(['email'])).toBe('Email');
    expect(channelList(['email', 'sms'])).toBe('Email and SMS');
    expect(channelList(['email', 'sms', 'ads'])).toBe('Email, SMS, and Ads');
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
