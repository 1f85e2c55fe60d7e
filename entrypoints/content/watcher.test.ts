// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://acme.lightning.force.com/lightning/r/Account/001Dn00000AbCdEIAV/view"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageFacts, RecordRef } from '../../lib/crm/types';
import { watchRecord } from './watcher';

// The watcher reads the page once per change: on a navigation at once, after DOM changes once they
// settle, and never again for a page that has not changed since its last read.

const FIRST = '001Dn00000AbCdEIAV';
const SECOND = '001Dn00000ZzZzZIAV';

function render(name: string, owner: string) {
  document.body.innerHTML = `<div class="windowViewMode-normal active"><one-record-home-flexipage2>
    <h1><lightning-formatted-text slot="primaryField">${name}</lightning-formatted-text></h1>
    <div data-target-selection-name="sfdc:RecordField.Account.OwnerId"><span class="slds-form-element__label">Account Owner</span>
    <div class="slds-form-element__static"><a href="/lightning/r/User/005/view" id="owner">${owner}</a></div></div>
  </one-record-home-flexipage2></div>`;
}

describe('watchRecord', () => {
  let ctx: ContentScriptContext;
  let records: (RecordRef | null)[];
  let facts: PageFacts[];
  let reads: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    history.replaceState({}, '', `/lightning/r/Account/${FIRST}/view`);
    render('Northwind', 'Alex Morgan');
    ctx = new ContentScriptContext('watcher-test');
    records = [];
    facts = [];
    reads = vi.spyOn(document, 'querySelectorAll');
  });
  afterEach(() => {
    ctx.abort();
    reads.mockRestore();
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  const start = () =>
    watchRecord(ctx, {}, { onRecord: (ref, f) => (records.push(ref), facts.push(f)), onFacts: (f) => facts.push(f) }, () => false);
  const settle = async () => {
    await Promise.resolve(); // the MutationObserver's callback
    vi.advanceTimersByTime(300);
    // happy-dom has no requestIdleCallback: the settled read then runs at once.
  };

  it('reads the record at start, and again when the page changes it', async () => {
    start();
    expect(records.map((r) => r?.recordId)).toEqual([FIRST]);
    expect(facts.at(-1)).toMatchObject({ name: 'Northwind', owner: 'Alex Morgan' });
    document.getElementById('owner')!.textContent = 'Priya Raman';
    await settle();
    expect(facts.at(-1)).toMatchObject({ owner: 'Priya Raman' });
  });

  it('does not read again a page that has not changed since a navigation read it', async () => {
    start();
    // The router changes the URL and renders the next record in one task, as Lightning does.
    history.pushState({}, '', `/lightning/r/Account/${SECOND}/view`);
    render('Contoso', 'Jordan Lee');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await Promise.resolve();
    vi.advanceTimersByTime(0);
    expect(records.map((r) => r?.recordId)).toEqual([FIRST, SECOND]);
    expect(facts.at(-1)).toMatchObject({ name: 'Contoso', owner: 'Jordan Lee' });
    const afterNavigation = reads.mock.calls.length;
    const factsAfterNavigation = facts.length;

    await settle();
    expect(reads.mock.calls.length).toBe(afterNavigation);
    expect(facts.length).toBe(factsAfterNavigation);

    // A change after that read is read once it settles.
    document.getElementById('owner')!.textContent = 'Sam Patel';
    await settle();
    expect(reads.mock.calls.length).toBeGreaterThan(afterNavigation);
    expect(facts.at(-1)).toMatchObject({ owner: 'Sam Patel' });
  });
});
