import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

// Committed CRM page fixtures (test/fixtures/crm/<crm>/) as documents, the way the browser would parse them.

export const CRM_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'crm');

/**
 * happy-dom (21) parses `<template shadowrootmode="open">` as a plain template. Attach the shadow roots a
 * browser's parser would, innermost last, so the fixtures' LWC components render inside real shadow roots.
 */
export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of Array.from(root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]'))) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    shadow.append(template.content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/** Windows to close after the suite: `afterAll(() => closeWindows(windows))`. */
export async function closeWindows(windows: Window[]): Promise<void> {
  await Promise.all(windows.map((window) => window.happyDOM.close()));
}

/** A fixture in its own window at `url`, so stylesheets and getComputedStyle apply as on the page. */
export function fixturePage(windows: Window[], path: string, url: string): Document {
  const window = new Window({ url });
  windows.push(window);
  window.document.write(readFileSync(join(CRM_FIXTURES, path), 'utf8'));
  const doc = window.document as unknown as Document;
  attachDeclarativeShadowRoots(doc);
  return doc;
}
