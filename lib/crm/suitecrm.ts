import type { CrmAdapter } from './types';

// PLACEHOLDER until this adapter is written: recognises nothing.
export const suitecrm = {
  id: 'suitecrm',
  label: 'suitecrm',
  matches: [],
  isHost: () => false,
  detect: (_url: URL) => null,
} satisfies CrmAdapter;
