import { migration001 } from './001-initial';
import { migration002 } from './002-flags-history-identities';
import type { Migration } from './types';

/** Every schema step, oldest first. A new step is a new file, a line here, and a fixture of the previous version. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002];
