import { z } from 'zod';
import { RulePackSchema } from './schema';

// The JSON Schema of a rule pack, generated from the Zod schema (the only source of the format), for
// editors' completion and checking as an admin types. It cannot say what needs the whole pack (unique
// ids and priorities, pools that exist, expiry after issue, min ≤ max): `rulepack validate` does.

/** The committed file's text: `npm run rulepack -- ...` users point their editor at it with `"$schema"`. */
export function rulePackJsonSchemaText(): string {
  const generated = z.toJSONSchema(RulePackSchema, { target: 'draft-2020-12', io: 'input' });
  const schema = {
    ...generated,
    title: 'Ownersight rule pack',
    description:
      'Assignment rules, handoff checklists, SLAs, flag policies and CRM field mappings for a team. Generated from lib/rules/schema.ts by scripts/rulepack-json-schema.ts; do not edit by hand.',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
