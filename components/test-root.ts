import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

// For component tests: a fresh element to render into before each test of the calling file, emptied
// (Preact unmounts, effects clean up) and removed after it.
export function testRoot(): () => HTMLDivElement {
  let root: HTMLDivElement | undefined;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    if (!root) return;
    render(null, root);
    root.remove();
    root = undefined;
  });
  return () => {
    if (!root) throw new Error('testRoot() is only there inside a test.');
    return root;
  };
}
