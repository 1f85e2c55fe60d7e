import { describe, expect, test } from 'vitest';
import { nutshell } from './nutshell';

const detect = (url: string) => nutshell.detect(new URL(url));

describe('nutshell', () => {
  test('isHost takes the app host only', () => {
    expect(nutshell.isHost('app.nutshell.com')).toBe(true);
    expect(nutshell.isHost('www.nutshell.com')).toBe(false);
    expect(nutshell.isHost('app.nutshell.com.evil.io')).toBe(false);
  });

  test('recordId is the numeric id, so a rename (new slug) keeps the record', () => {
    expect(detect('https://app.nutshell.com/person/7-test-1')).toEqual({ kind: 'contact', recordId: '7', objectType: 'person' });
    expect(detect('https://app.nutshell.com/person/7-renamed-person')?.recordId).toBe('7');
    expect(detect('https://app.nutshell.com/company/7-test-account-hull-1')).toEqual({ kind: 'account', recordId: '7', objectType: 'company' });
  });

  test('Gotcha: a Nutshell lead is a deal', () => {
    expect(detect('https://app.nutshell.com/lead/1234-website-redesign')).toBeNull();
  });

  test('ids must lead the segment', () => {
    expect(detect('https://app.nutshell.com/person/new')).toBeNull();
    expect(detect('https://app.nutshell.com/person/7x-test')).toBeNull();
    expect(detect('https://app.nutshell.com/person/test-7')).toBeNull();
  });
});
