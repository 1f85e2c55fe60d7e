import type { CrmAdapter } from './types';

// PLACEHOLDER until this adapter is written: recognises nothing.
export const pipedrive = {
  id: 'pipedrive',
  label: 'pipedrive',
  matches: [],
  isHost: () => false,
  detect: (_url: URL) => null,
} satisfies CrmAdapter;
