import type { CrmAdapter } from './types';

// PLACEHOLDER until this adapter is written: recognises nothing.
export const espocrm = {
  id: 'espocrm',
  label: 'espocrm',
  matches: [],
  isHost: () => false,
  detect: (_url: URL) => null,
} satisfies CrmAdapter;
