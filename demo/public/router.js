// The demo CRMs' in-page router. Same-origin links navigate with history.pushState and fetch the next
// view from the demo server, as the real CRMs' single-page apps do (the URL changes first, the DOM a
// moment later); back and forward re-render on popstate. Salesforce's outlet is a stack: earlier views
// stay in the DOM, hidden, and a view seen before is shown again rather than rebuilt.
//
// For tests and people poking at the demo: `ownersightDemo.navigate(href)` (pushState),
// `ownersightDemo.rerender()` (replace the current view's DOM in place, same URL), and
// `document.documentElement.dataset.demoRendered`, the key of the view last rendered.

const outlet = document.querySelector('[data-demo-outlet]');
const stack = outlet?.getAttribute('data-demo-outlet') === 'stack';
const MAX_CACHED = 4;
let latest = 0;

function activeKey() {
  if (!outlet) return '';
  if (!stack) return outlet.getAttribute('data-demo-view') ?? '';
  return outlet.querySelector(':scope > .active')?.getAttribute('data-demo-view') ?? '';
}

/** Like innerHTML, but declarative shadow roots (`<template shadowrootmode>`) become shadow roots, as on page load. */
function setHtml(element, markup) {
  if (typeof element.setHTMLUnsafe === 'function') element.setHTMLUnsafe(markup);
  else element.innerHTML = markup;
}

async function render({ fresh = false } = {}) {
  if (!outlet) return;
  const mine = ++latest;
  const response = await fetch(location.href, { headers: { 'x-demo-fragment': '1' }, cache: 'no-store' });
  const view = await response.json();
  if (mine !== latest) return; // a later navigation won the race
  document.title = view.title;
  if (!stack) {
    outlet.setAttribute('data-demo-view', view.key);
    setHtml(outlet, view.html);
  } else {
    const children = [...outlet.children];
    for (const child of children) {
      child.classList.remove('active');
      child.style.display = 'none';
    }
    let reuse = children.find((child) => child.getAttribute('data-demo-view') === view.key);
    if (reuse && fresh) {
      reuse.remove();
      reuse = undefined;
    }
    if (reuse) {
      reuse.classList.add('active');
      reuse.style.display = '';
    } else {
      const holder = document.createElement('div');
      setHtml(holder, view.html);
      outlet.append(...holder.childNodes);
    }
    const cached = [...outlet.children].filter((child) => !child.classList.contains('active'));
    for (const old of cached.slice(0, Math.max(0, cached.length - MAX_CACHED))) old.remove();
  }
  document.documentElement.dataset.demoRendered = view.key;
  window.dispatchEvent(new CustomEvent('demo:rendered', { detail: { key: view.key } }));
}

function navigate(href, { replace = false } = {}) {
  history[replace ? 'replaceState' : 'pushState']({ demo: true }, '', href);
  return render();
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const target = event.target instanceof Element ? event.target : null;

  // HubSpot-style tabs: switch the visible tab content in place, no URL change.
  const tab = target?.closest('[data-demo-tab]');
  if (tab) {
    const pane = tab.closest('[data-test-id="middle-pane"]');
    for (const other of pane?.querySelectorAll('[data-demo-tab]') ?? []) other.setAttribute('aria-selected', String(other === tab));
    for (const content of pane?.querySelectorAll('[data-test-id$="-content"]') ?? []) {
      content.hidden = content.getAttribute('data-test-id') !== `tab-${tab.getAttribute('data-demo-tab')}-content`;
    }
    return;
  }

  // The link may sit in a shadow root (Lightning's lookups): look along the composed path.
  const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement && node.hasAttribute('href'));
  if (!link || link.target || link.hasAttribute('download')) return;
  const raw = link.getAttribute('href') ?? '';
  if (raw.startsWith('javascript:') || raw.startsWith('#')) {
    if (raw.startsWith('javascript:')) event.preventDefault();
    return;
  }
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return;
  event.preventDefault();
  if (url.href !== location.href) void navigate(url.href);
});

window.addEventListener('popstate', () => void render());
window.ownersightDemo = { navigate, rerender: () => render({ fresh: true }), activeKey };
document.documentElement.dataset.demoRendered = activeKey();
