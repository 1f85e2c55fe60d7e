// Small DOM helpers shared by the adapters' page readers. Content-script code: no dependencies, never throws.

/** Collapses whitespace and trims. Undefined for empty text and for the dash placeholders CRMs show for empty fields. */
export function cleanText(text: string | null | undefined): string | undefined {
  const cleaned = (text ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  if (!cleaned || /^[-\u2013\u2014]+$/.test(cleaned)) return undefined;
  return cleaned;
}

/**
 * True when `element` or one of its ancestors is hidden: the `hidden` attribute, `aria-hidden="true"`,
 * `display: none` or `visibility: hidden`. SPAs keep cached copies of earlier records hidden this way.
 * Ancestors include the hosts of the shadow roots `element` sits in.
 */
export function isHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = composedParent(node)) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
  }
  // One call for the whole chain where the browser has it (Chrome 105, Firefox 106): a getComputedStyle
  // per ancestor cost most of a navigation's read on a deep CRM page (bench/RESULTS.md, 7). The
  // visibility option has two names: checkVisibilityCSS until Chrome 121 and Firefox 122, then both.
  const visible = (element as Partial<Pick<Element, 'checkVisibility'>>).checkVisibility;
  if (typeof visible === 'function') {
    if (visible.call(element, { visibilityProperty: true, checkVisibilityCSS: true })) return false;
    // `display: contents` has no box of its own, so the check says "not visible": ask the long way.
    if (computed(element)?.display !== 'contents') return true;
  }
  for (let node: Element | null = element; node; node = composedParent(node)) {
    const style = (node as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
    const own = computed(node);
    if (own && (own.display === 'none' || own.visibility === 'hidden')) return true;
  }
  return false;
}

function computed(element: Element): CSSStyleDeclaration | undefined {
  try {
    return element.ownerDocument?.defaultView?.getComputedStyle(element);
  } catch {
    // A detached node or an odd window: treat as visible rather than fail the read.
    return undefined;
  }
}

/** The parent element, or the shadow host for an element at the top of a shadow root. */
function composedParent(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root && root.nodeType === DOCUMENT_FRAGMENT_NODE ? ((root as ShadowRoot).host ?? null) : null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/**
 * `root` and every open shadow root below it, its own included. Lightning web components render inside
 * shadow roots that `querySelector` from the document does not enter (crm-dom-notes.md, "Shadow DOM").
 */
export function shadowScopes(root: ParentNode): ParentNode[] {
  const scopes: ParentNode[] = [];
  const visit = (scope: ParentNode) => {
    scopes.push(scope);
    let elements: ArrayLike<Element>;
    try {
      elements = scope.querySelectorAll('*');
    } catch {
      return;
    }
    for (let i = 0; i < elements.length; i++) {
      const shadow = elements[i]?.shadowRoot;
      if (shadow) visit(shadow);
    }
  };
  visit(root);
  const own = (root as Partial<Element>).shadowRoot;
  if (own) visit(own);
  return scopes;
}

/**
 * Elements matching `selector` in `root` (or in each of the scopes `shadowScopes` gave) and in every open
 * shadow root below it. A selector never crosses a shadow boundary, so match the innermost part and walk
 * out with `closest` where needed. An invalid selector finds nothing.
 */
export function deepAll(root: ParentNode | readonly ParentNode[], selector: string): Element[] {
  const found: Element[] = [];
  const scopes = Array.isArray(root) ? (root as readonly ParentNode[]) : shadowScopes(root as ParentNode);
  for (const scope of scopes) {
    try {
      found.push(...Array.from(scope.querySelectorAll(selector)));
    } catch {
      return [];
    }
  }
  return found;
}

/** The first element `deepAll` finds, without collecting the rest: it stops at the first scope with a match. */
export function deepFirst(root: ParentNode | readonly ParentNode[], selector: string): Element | null {
  if (!Array.isArray(root)) {
    // The root is the first scope: a match in its light DOM needs no walk of its shadow roots.
    try {
      const found = (root as ParentNode).querySelector(selector);
      if (found) return found;
    } catch {
      return null;
    }
  }
  const scopes = Array.isArray(root) ? (root as readonly ParentNode[]) : shadowScopes(root as ParentNode).slice(1);
  for (const scope of scopes) {
    try {
      const found = scope.querySelector(selector);
      if (found) return found;
    } catch {
      return null;
    }
  }
  return null;
}

const NEVER_TEXT = 'script, style, template, noscript';
const BLOCK = /^(?:address|article|aside|blockquote|br|dd|div|dl|dt|footer|h[1-6]|header|label|li|ol|p|section|table|td|th|tr|ul)$/;

function matchesSafely(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

/**
 * The light children of the shadow host that `slot` shows, assigned by hand (the `slot` attribute; text
 * goes to the default slot) so every DOM agrees. Empty when none are assigned: the slot's own fallback shows.
 */
function slotted(slot: Element): Node[] {
  const root = slot.getRootNode?.();
  const host = root && root.nodeType === DOCUMENT_FRAGMENT_NODE ? (root as ShadowRoot).host : undefined;
  if (!host) return [];
  const name = slot.getAttribute('name') ?? '';
  return Array.from(host.childNodes).filter((child) =>
    child.nodeType === ELEMENT_NODE ? ((child as Element).getAttribute('slot') ?? '') === name : name === '',
  );
}

/**
 * The text `node` shows, read through shadow roots and slots (a host's light children count where its
 * shadow tree slots them in), cleaned as `cleanText` does. Elements matching `skip` are left out: field
 * labels, screen-reader-only text, buttons.
 */
export function deepText(node: Node | null | undefined, skip?: string): string | undefined {
  if (!node) return undefined;
  const parts: string[] = [];
  const walk = (current: Node): void => {
    if (current.nodeType === TEXT_NODE) {
      parts.push(current.nodeValue ?? '');
      return;
    }
    if (current.nodeType === ELEMENT_NODE) {
      const element = current as Element;
      if (matchesSafely(element, NEVER_TEXT) || (skip && matchesSafely(element, skip))) return;
      const block = BLOCK.test(element.localName);
      if (block) parts.push(' ');
      const assigned = element.localName === 'slot' ? slotted(element) : [];
      if (assigned.length > 0) assigned.forEach(walk);
      else (element.shadowRoot ?? element).childNodes.forEach(walk);
      if (block) parts.push(' ');
      return;
    }
    if (current.nodeType === DOCUMENT_FRAGMENT_NODE || current.nodeType === DOCUMENT_NODE) current.childNodes.forEach(walk);
  };
  walk(node);
  return cleanText(parts.join(''));
}

/** Visible elements matching `selector` under `root`, in document order. An invalid selector finds nothing. */
export function visibleAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector)).filter((element) => !isHidden(element));
  } catch {
    return [];
  }
}

/**
 * The first visible element matching `selector` under `root`. Given a list, the selectors are tried in turn
 * (priority order, not document order).
 */
export function visibleFirst(root: ParentNode, selector: string | readonly string[]): Element | null {
  for (const one of typeof selector === 'string' ? [selector] : selector) {
    const found = visibleAll(root, one)[0];
    if (found) return found;
  }
  return null;
}

/**
 * The active container of a single-page CRM: the last visible match (the view mounted most recently), or
 * null when none is visible.
 */
export function activeContainer(doc: Document, selector: string): Element | null {
  const visible = visibleAll(doc, selector);
  return visible[visible.length - 1] ?? null;
}

/** The text a field shows: a form control's value or selected option, else the element's text. */
export function shownText(element: Element | null | undefined): string | undefined {
  if (!element) return undefined;
  const tag = element.tagName.toLowerCase();
  if (tag === 'select') {
    // Server-rendered markup marks the choice with the attribute; script-rendered selects (React) set only
    // the property. COMPAT(happy-dom-21): its selectedIndex ignores the attribute when an option's value is -1.
    const select = element as HTMLSelectElement;
    const option = element.querySelector('option[selected]') ?? select.options?.[select.selectedIndex];
    return cleanText(option?.textContent);
  }
  if (tag === 'input' || tag === 'textarea') {
    const control = element as HTMLInputElement;
    return cleanText(control.value || control.getAttribute('value') || control.getAttribute('title'));
  }
  return cleanText(element.textContent);
}

/** An email address in `text` (`mailto:` links included), lower case. */
export function emailIn(text: string | null | undefined): string | undefined {
  const match = /[^\s@<>"'():;,]+@[^\s@<>"'():;,]+\.[a-z]{2,}/i.exec(text ?? '');
  return match ? match[0].toLowerCase() : undefined;
}

/** The host of a website value (`https://www.Example.com/about`, `example.com`): lower case, no `www.`. */
export function websiteDomain(value: string | null | undefined): string | undefined {
  const text = cleanText(value);
  if (!text || /\s/.test(text) || text.includes('@')) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    const host = url.hostname.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
    return host.includes('.') ? host : undefined;
  } catch {
    return undefined;
  }
}
