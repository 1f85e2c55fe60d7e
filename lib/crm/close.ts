import type { CrmAdapter } from './types';

// PLACEHOLDER until this adapter is written: recognises nothing.
export const close = {
  id: 'close',
  label: 'close',
  matches: [],
  isHost: () => false,
  detect: (_url: URL) => null,
} satisfies CrmAdapter;
