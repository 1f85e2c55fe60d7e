// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { activeContainer, isHidden } from './dom';

// Both ways isHidden answers: the browser's Element.checkVisibility, given to elements by hand here
// (COMPAT(happy-dom-21): its own stops at shadow roots), and the long way for browsers without it.

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

const build = (html: string) => {
  document.body.innerHTML = html;
  return (id: string) => document.getElementById(id)!;
};

describe('isHidden, the long way', () => {
  const own = Object.getOwnPropertyDescriptor(Element.prototype, 'checkVisibility');
  beforeAll(() => Object.defineProperty(Element.prototype, 'checkVisibility', { value: undefined, configurable: true }));
  afterAll(() => own && Object.defineProperty(Element.prototype, 'checkVisibility', own));

  it('sees the hidden attribute, aria-hidden and display or visibility on any ancestor', () => {
    const el = build(`
      <div id="shown"><span id="a">x</span></div>
      <div hidden><span id="b">x</span></div>
      <div aria-hidden="true"><span id="c">x</span></div>
      <div style="display:none"><span id="d">x</span></div>
      <div style="visibility:hidden"><span id="e">x</span></div>`);
    expect(isHidden(el('a'))).toBe(false);
    for (const id of ['b', 'c', 'd', 'e']) expect(isHidden(el(id))).toBe(true);
  });

  it('crosses shadow roots to their hosts', () => {
    const el = build('<div id="host" style="display:none"></div>');
    const shadow = el('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside</p>';
    expect(isHidden(shadow.querySelector('p')!)).toBe(true);
  });
});

describe('isHidden, with checkVisibility', () => {
  const withCheck = (element: Element, visible: boolean) => {
    const check = vi.fn(() => visible);
    Object.defineProperty(element, 'checkVisibility', { value: check, configurable: true });
    return check;
  };

  it('asks the browser once instead of reading every ancestor', () => {
    const el = build('<div><div><span id="a">x</span></div></div>');
    const check = withCheck(el('a'), true);
    const computed = vi.spyOn(window, 'getComputedStyle');
    expect(isHidden(el('a'))).toBe(false);
    expect(check).toHaveBeenCalledWith({ visibilityProperty: true, checkVisibilityCSS: true });
    expect(computed).not.toHaveBeenCalled();
  });

  it('believes it when it says hidden', () => {
    const el = build('<div><span id="a">x</span></div>');
    withCheck(el('a'), false);
    expect(isHidden(el('a'))).toBe(true);
  });

  it('still honours the attributes the browser does not hide by', () => {
    const el = build('<div aria-hidden="true"><span id="a">x</span></div>');
    withCheck(el('a'), true);
    expect(isHidden(el('a'))).toBe(true);
  });

  it('asks the long way for display: contents, which has no box of its own', () => {
    const el = build('<div id="a" style="display:contents"><span>x</span></div>');
    withCheck(el('a'), false);
    expect(isHidden(el('a'))).toBe(false);
  });
});

describe('activeContainer', () => {
  it('takes the last visible match: the view mounted most recently', () => {
    build(`
      <div class="view" id="old" style="display:none"></div>
      <div class="view" id="current"></div>
      <div class="view" id="cached" hidden></div>`);
    expect(activeContainer(document, '.view')?.id).toBe('current');
  });
});
