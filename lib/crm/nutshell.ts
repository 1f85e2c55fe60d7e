import type { CrmAdapter } from './types';

// PLACEHOLDER until this adapter is written: recognises nothing.
export const nutshell = {
  id: 'nutshell',
  label: 'nutshell',
  matches: [],
  isHost: () => false,
  detect: (_url: URL) => null,
} satisfies CrmAdapter;
