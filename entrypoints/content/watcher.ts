import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adapterFor, detectRecord, type DetectOptions } from '../../lib/crm/index';
import type { PageFacts, RecordRef } from '../../lib/crm/types';
import { readLabelledFields } from '../../lib/crm/labelled-fields';
import { recordKey } from '../../lib/model/record-key';

export interface WatcherEvents {
  /** The page now shows `ref` (or no record, `null`). Called once per change of record. */
  onRecord(ref: RecordRef | null, facts: PageFacts): void;
  /** Same record, but what the page shows of it changed (it finished rendering, or was edited in place). */
  onFacts(facts: PageFacts): void;
}

/** Re-reads at most this often while the page mutates: SPAs re-render constantly, and we must not be felt. */
const SETTLE_MS = 300;
/** After the settle delay the re-read waits for an idle moment of the page, but never longer than this. */
const IDLE_TIMEOUT_MS = 1000;

function readFacts(ref: RecordRef, labels: readonly string[]): PageFacts {
  try {
    const facts = adapterFor(ref.crm).read?.(document, ref) ?? {};
    // Only when the rule pack maps fields for this CRM: most pages are never walked for labels.
    if (labels.length) {
      const fields = readLabelledFields(document, labels);
      if (Object.keys(fields).length) facts.fields = fields;
    }
    return facts;
  } catch {
    // A CRM page we do not understand is not an error worth breaking the page for.
    return {};
  }
}

const sameFields = (a: PageFacts['fields'], b: PageFacts['fields']) => {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b ?? {}).length && ka.every((k) => a![k] === b?.[k]);
};

const sameFacts = (a: PageFacts, b: PageFacts) =>
  a.name === b.name &&
  a.owner === b.owner &&
  a.email === b.email &&
  a.domain === b.domain &&
  a.lifecycleStage === b.lifecycleStage &&
  sameFields(a.fields, b.fields);

/**
 * Follows the record the page shows through in-app navigation (history API, hash routes: WXT's
 * `wxt:locationchange`) and in-place re-renders (a MutationObserver whose work is coalesced into one
 * read per SETTLE_MS, no polling). Everything stops when `signal` aborts.
 */
export function watchRecord(
  ctx: ContentScriptContext,
  options: DetectOptions,
  events: WatcherEvents,
  ignore: (node: Node) => boolean,
): { check(): void; setLabels(labels: readonly string[]): void } {
  let key: string | null | undefined;
  let labels: readonly string[] = [];
  let facts: PageFacts = {};
  /** A settled re-read is on its way (timer, then idle callback): mutations meanwhile add nothing. */
  let pending = false;
  /**
   * The page changed since the last read. A read clears it, so a settled re-read after a navigation whose
   * record rendered before the navigation's own read finds nothing to do and reads nothing (the mutation
   * callback comes before that read: it runs at the end of the page's task, the read in a later one).
   */
  let dirty = false;
  let lastHref: string | undefined;

  const check = () => {
    if (ctx.isInvalid) return;
    dirty = false;
    // The URL first: most adapters know the record from it alone, and a page that is no record is never
    // read (a router may fire several events for one navigation; each after the first costs one parse).
    const href = location.href;
    const ref = detectRecord(href, document, options);
    lastHref = href;
    const nextKey = ref ? recordKey(ref) : null;
    // The readers reuse the elements they located last time (lib/crm/salesforce.ts): cheap on a settled page.
    const nextFacts = ref ? readFacts(ref, labels) : {};
    if (nextKey !== key) {
      key = nextKey;
      facts = nextFacts;
      events.onRecord(ref, nextFacts);
    } else if (ref && !sameFacts(facts, nextFacts)) {
      facts = nextFacts;
      events.onFacts(nextFacts);
    }
  };

  // Off the page's own busy tasks: after the settle delay, in the next idle period where the browser has them.
  const settled = () => {
    pending = false;
    if (dirty) check();
  };
  const idle = () => {
    if (typeof window.requestIdleCallback === 'function') ctx.requestIdleCallback(settled, { timeout: IDLE_TIMEOUT_MS });
    else settled();
  };
  const schedule = () => {
    if (pending) return;
    pending = true;
    ctx.setTimeout(idle, SETTLE_MS);
  };
  // A navigation is read at once (the panel follows the record), but once per URL however many events
  // announce it. In the next task: WXT's `wxt:locationchange` comes from the Navigation API's `navigate`
  // event, which fires inside pushState before `location` changes, and a router that renders the new
  // record in the same task has then rendered it (one read with the new facts, not one with the old).
  let navigation: number | undefined;
  const navigated = () => {
    navigation ??= ctx.setTimeout(() => {
      navigation = undefined;
      if (location.href !== lastHref) check();
    }, 0);
  };

  ctx.addEventListener(window, 'wxt:locationchange', navigated);
  // COMPAT(firefox): without the Navigation API WXT falls back to a 1 s poll of location; hash routes
  // (EspoCRM, SuiteCRM 8) and back/forward are caught at once by these two events.
  ctx.addEventListener(window, 'hashchange', navigated);
  ctx.addEventListener(window, 'popstate', navigated);

  const observer = new MutationObserver((mutations) => {
    if (pending && dirty) return;
    // Our own panel re-rendering is not the page changing.
    if (mutations.every((mutation) => ignore(mutation.target))) return;
    dirty = true;
    schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());

  check();
  return {
    check,
    setLabels(next) {
      if (next.length === labels.length && next.every((label, i) => label === labels[i])) return;
      labels = [...next];
      dirty = true;
      schedule();
    },
  };
}
