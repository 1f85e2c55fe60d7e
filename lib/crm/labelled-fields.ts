import { deepText, isHidden, shadowScopes } from './dom';

// Reads the page fields a rule pack names by their label ("Industry", "Employees", "Segment"): the way a
// person finds them, and the one way that works across CRMs and custom page layouts, where CSS classes
// differ per org and per release. Content-script code: no dependencies, never throws, bounded work.

/** Past this many text nodes the page is not read for labels at all: the panel must never be felt. */
const MAX_TEXT_NODES = 60_000;
const MAX_VALUE = 200;

const norm = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim().replace(/[:*]$/, '').trim().toLowerCase();

/** The text shown after a label element: its next sibling, or the next sibling of its field row. */
function valueNear(labelElement: Element, label: string): string | undefined {
  let node: Element | null = labelElement;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    for (let sibling = node.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      // Values often render inside the sibling's own shadow root (Lightning's formatted-text components).
      const text = deepText(sibling);
      if (!text) continue;
      if (norm(text) === label) break;
      return text.length > MAX_VALUE ? text.slice(0, MAX_VALUE) : text;
    }
  }
  return undefined;
}

/**
 * `{ label: value }` for each label found on the page (its first visible occurrence), in light DOM and open
 * shadow roots. Labels are compared without case, surrounding spaces or a trailing colon or asterisk.
 */
export function readLabelledFields(doc: Document, labels: readonly string[]): Record<string, string> {
  const wanted = new Map(labels.map((label) => [norm(label), label]));
  const found: Record<string, string> = {};
  if (!wanted.size || !doc.body) return found;
  let seen = 0;
  try {
    for (const scope of shadowScopes(doc.body)) {
      const walker = doc.createTreeWalker(scope as Node, 4 /* NodeFilter.SHOW_TEXT */);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (++seen > MAX_TEXT_NODES) return found;
        const value = text.nodeValue;
        // Labels are short: skip long text cheaply before normalising.
        if (!value || value.length > 120) continue;
        const key = norm(value);
        const label = wanted.get(key);
        if (!label || label in found) continue;
        const element = text.parentElement;
        if (!element || isHidden(element)) continue;
        const shown = valueNear(element, key);
        if (shown !== undefined) found[label] = shown;
        if (Object.keys(found).length === wanted.size) return found;
      }
    }
  } catch {
    // A page we cannot walk gives no fields; the panel says what it could not read.
  }
  return found;
}
