import { describe, expect, test } from 'vitest';
import { insightly } from './insightly';

const detect = (url: string) => insightly.detect(new URL(url));

describe('insightly', () => {
  test('isHost takes the crm.<pod> hosts only', () => {
    expect(insightly.isHost('crm.na1.insightly.com')).toBe(true);
    expect(insightly.isHost('crm.eu1.insightly.com')).toBe(true);
    expect(insightly.isHost('www.insightly.com')).toBe(false);
    expect(insightly.isHost('api.na1.insightly.com')).toBe(false);
    expect(insightly.isHost('crm.na1.insightly.com.evil.io')).toBe(false);
  });

  test('full pages, blades and the older pages give the same ref', () => {
    const expected = { kind: 'account', recordId: '188765432', objectType: 'Organisation' };
    expect(detect('https://crm.na1.insightly.com/details/Organisation/188765432')).toEqual(expected);
    expect(detect('https://crm.na1.insightly.com/list/Organisation/?blade=/details/organisation/188765432')).toEqual(expected);
    expect(detect('https://crm.na1.insightly.com/list/Organisation/?blade=%2Fdetails%2Forganisation%2F188765432')).toEqual(expected);
    expect(detect('https://crm.na1.insightly.com/Organisations/Details/188765432')).toEqual(expected);
  });

  test('leads are contacts with their own objectType', () => {
    expect(detect('https://crm.na1.insightly.com/details/Lead/55501234')).toEqual({ kind: 'contact', recordId: '55501234', objectType: 'Lead' });
  });

  test('Gotcha: an open blade is the record on screen', () => {
    expect(detect('https://crm.na1.insightly.com/details/Contact/1?blade=/details/task/2')).toBeNull();
    expect(detect('https://crm.na1.insightly.com/details/Opportunity/1?blade=/details/contact/2')?.recordId).toBe('2');
  });

  test('other objects and lists are not records', () => {
    expect(detect('https://crm.na1.insightly.com/details/Opportunity/12345')).toBeNull();
    expect(detect('https://crm.na1.insightly.com/list/Contact/')).toBeNull();
    expect(detect('https://crm.na1.insightly.com/details/Contact/12345/edit')).toBeNull();
  });
});
