import type { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { closeWindows, fixturePage } from '../../test/unit/fixture-page';
import { readLabelledFields } from './labelled-fields';

const windows: Window[] = [];
afterAll(() => closeWindows(windows));

describe('readLabelledFields', () => {
  it.each([
    ['salesforce/lightning-account.html', 'https://acme.lightning.force.com/', { Industry: 'Manufacturing' }],
    ['salesforce/classic-account.html', 'https://acme.my.salesforce.com/', { Industry: 'Manufacturing', Type: 'Customer - Direct' }],
    ['hubspot/record-company.html', 'https://app.hubspot.com/', { 'Lifecycle stage': 'Customer' }],
  ])('reads the labelled fields of %s, including values inside shadow roots', (file, url, want) => {
    const doc = fixturePage(windows, file, url);
    expect(readLabelledFields(doc, Object.keys(want))).toEqual(want);
  });

  it('ignores case, a trailing colon, and labels it was not asked for; a missing label is simply absent', () => {
    const doc = fixturePage(windows, 'salesforce/classic-account.html', 'https://acme.my.salesforce.com/');
    expect(readLabelledFields(doc, ['industry', 'Employees', 'Segment'])).toEqual({ industry: 'Manufacturing' });
    expect(readLabelledFields(doc, [])).toEqual({});
  });
});
