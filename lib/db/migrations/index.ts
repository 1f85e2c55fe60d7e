import { migration001 } from './001-initial';
import { migration002 } from './002-flags-history-identities';
import { migration003 } from './003-set-aside-old-outbox';
import { migration004 } from './004-sync-outbox';
import { migration005 } from './005-drop-unused-indexes';
import type { Migration } from './types';

/** Every schema step, oldest first. A new step is a new file, a line here, and a fixture of the previous version. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005];
