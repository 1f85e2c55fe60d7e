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
  let timer: number | undefined;

  const check = () => {
    timer = undefined;
    if (ctx.isInvalid) return;
    const ref = detectRecord(location.href, document, options);
    const nextKey = ref ? recordKey(ref) : null;
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

  const schedule = () => {
    timer ??= ctx.setTimeout(check, SETTLE_MS);
  };

  ctx.addEventListener(window, 'wxt:locationchange', check);
  // COMPAT(firefox): without the Navigation API WXT falls back to a 1 s poll of location; hash routes
  // (EspoCRM, SuiteCRM 8) and back/forward are caught at once by these two events.
  ctx.addEventListener(window, 'hashchange', check);
  ctx.addEventListener(window, 'popstate', check);

  const observer = new MutationObserver((mutations) => {
    if (timer !== undefined) return;
    // Our own panel re-rendering is not the page changing.
    if (mutations.every((mutation) => ignore(mutation.target))) return;
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
      schedule();
    },
  };
}
