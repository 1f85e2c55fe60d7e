// Writes rulepack.schema.json at the repository root from the Zod schema (issue #5). Run after changing
// lib/rules/schema.ts: `npx tsx scripts/rulepack-json-schema.ts`; a test fails while the file is stale.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rulePackJsonSchemaText } from '../lib/rules/json-schema';

const target = fileURLToPath(new URL('../rulepack.schema.json', import.meta.url));
writeFileSync(target, rulePackJsonSchemaText());
process.stdout.write(`Wrote ${target}\n`);
