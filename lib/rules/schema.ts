import { z } from 'zod';
import { CRM_IDS, RECORD_KINDS } from '../model/crm-ids';
import { CHANNELS, OWNER_KINDS } from '../model/ownership';
import { USER_ROLES } from '../model/sync';

// The rule-pack format (issue #5): what an admin writes, signs and distributes to every install.
// Data only, never code: every string is a value compared as text, never a selector, a pattern or a script.
// Nothing here transforms (no trim, no defaults): a parsed pack equals its input, so the object that was
// signed is byte for byte the object that is evaluated. Missing optional sections take today's defaults
// in ./evaluate (flagPolicy, warningsPolicy), not here.
//
// Sizes are bounded so a hostile pack costs little to refuse. The 1 MB and 32-level limits on the whole
// document are checked before Zod sees it (./read-json).

export const RULE_PACK_SCHEMA_VERSION = 1;
export const MAX_RULES = 5000;
export const MAX_POOLS = 200;
export const MAX_POOL_MEMBERS = 500;
export const MAX_LIST_VALUES = 500;
export const MAX_CHECKLISTS = 100;
export const MAX_CHECKLIST_ITEMS = 50;
export const MAX_SLAS = 100;
export const MAX_HOSTS_PER_CRM = 50;
export const MAX_CUSTOM_OBJECTS = 200;

const id = z.string().min(1).max(200).regex(/^[A-Za-z0-9][A-Za-z0-9._:@+-]*$/, 'an id is letters, digits and . _ : @ + - (starting with a letter or digit)');
const label = (max: number) => z.string().min(1).max(max);
/** A value as the CRM page shows it ("Enterprise", "DE", "Marketing Qualified Lead"); compared case-insensitively. */
const valueList = z.array(label(200)).min(1).max(MAX_LIST_VALUES);
const crm = z.enum(CRM_IDS);
const kind = z.enum(RECORD_KINDS);
const isoDate = z.iso.datetime({ offset: true });
const wholeDays = z.number().int().min(1).max(3650);

/** A bare domain such as `example.com` or `mail.example.co.uk`: lower case, no `@`, no scheme. */
const domain = z
  .string()
  .max(253)
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'a domain such as example.com, in lower case, without @ or https://');

/**
 * A host name for a self-hosted CRM: `crm.example.com`, `odoo`, or `*.crm.example.com` (a leading `*.` is the
 * only wildcard). No scheme, port or path: the options page turns it into an https match pattern.
 */
export const HostNameSchema = z
  .string()
  .max(253)
  .regex(
    /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,
    'a plain host name such as crm.example.com (lower case; only a leading *. as wildcard; no https://, port or path)',
  );

/**
 * The name of a field as the CRM's record page labels it ("Industry", "Customer Segment"). A label, not a CSS
 * selector or code: brackets, quotes of code, `<`, `>`, `{`, `}`, `;`, `$` and backticks are refused.
 */
export const FieldLabelSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} .,:/()&'’#%+?_-]*$/u, 'a field label as the record page shows it, such as "Industry" (words, not a CSS selector or code)');

export const OwnerRefSchema = z
  .object({
    kind: z.enum(OWNER_KINDS),
    /** The owner's id in the team's service (an email for a person works well). */
    id,
    name: label(300).optional(),
  })
  .strict()
  .meta({ id: 'OwnerRef', description: 'A person, team or queue, by its id in the team service.' });

const employeeRange = z
  .object({
    /** Inclusive. */
    min: z.number().int().nonnegative().optional(),
    /** Inclusive. */
    max: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((r) => r.min !== undefined || r.max !== undefined, 'give min, max or both')
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min must not be more than max');

/**
 * Conditions on a record. Every condition given must hold; within one list any value will do. A record
 * that lacks the fact a condition asks about does not match it. `{}` matches every record.
 */
export const ConditionsSchema = z
  .object({
    crm: z.array(crm).min(1).max(CRM_IDS.length).optional(),
    kind: z.array(kind).min(1).max(RECORD_KINDS.length).optional(),
    /** The CRM's object name as the URL says it: `Lead`, `Account`, `0-1`, `persons`. */
    objectType: valueList.optional(),
    country: valueList.optional(),
    region: valueList.optional(),
    segment: valueList.optional(),
    industry: valueList.optional(),
    employeeCount: employeeRange.optional(),
    lifecycleStage: valueList.optional(),
    /** Matches the domain of the record's email, or the account's web domain, and their subdomains. */
    emailDomain: z.array(domain).min(1).max(MAX_LIST_VALUES).optional(),
  })
  .strict()
  .meta({
    id: 'Conditions',
    description: 'Every condition given must hold; within one list any value will do (compared case-insensitively). {} matches every record.',
  });

export const AssignSchema = z.union(
  [z.object({ owner: OwnerRefSchema }).strict(), z.object({ pool: id }).strict()],
  { error: 'give either "owner" (a person, team or queue) or "pool" (a pool id), and only one of them' },
);

export const AssignmentRuleSchema = z
  .object({
    id,
    /** Lower numbers are tried first; the first rule whose conditions all hold decides. Unique in a pack. */
    priority: z.number().int().min(0).max(1_000_000).meta({ description: 'Lower numbers are tried first; unique in a pack.' }),
    name: label(200).optional(),
    when: ConditionsSchema,
    assign: AssignSchema,
  })
  .strict();

export const PoolMemberSchema = z
  .object({
    id,
    name: label(300).optional(),
    /** Most open records this member takes from the pool; no capacity means no cap. */
    capacity: z.number().int().nonnegative().max(1_000_000).optional(),
  })
  .strict();

/** Round-robin pool: a record goes to the member with the lowest load under their capacity (see ./evaluate). */
export const PoolSchema = z
  .object({
    id,
    name: label(200).optional(),
    members: z.array(PoolMemberSchema).min(1).max(MAX_POOL_MEMBERS),
  })
  .strict();

/** Record facts a checklist item can require to be present. */
export const CHECKLIST_FIELDS = ['name', 'email', 'domain', 'lifecycleStage', 'segment', 'region', 'country', 'industry', 'employeeCount'] as const;

export const RequirementSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('field'), field: z.enum(CHECKLIST_FIELDS) }).strict(),
  z.object({ type: z.literal('consent'), channel: z.enum(CHANNELS) }).strict(),
  z.object({ type: z.literal('primary-contact') }).strict(),
  z.object({ type: z.literal('meeting-held') }).strict(),
  /** Ticked by a person on the panel. */
  z.object({ type: z.literal('manual') }).strict(),
]);

export const ChecklistItemRuleSchema = z
  .object({ id, label: label(300), requirement: RequirementSchema })
  .strict();

/** The handoff checklist for moving a record from one lifecycle stage to the next. */
export const HandoffChecklistSchema = z
  .object({
    from: label(100),
    to: label(100),
    /** Only records matching these get this checklist; the first listed checklist that applies wins. */
    when: ConditionsSchema.optional(),
    items: z.array(ChecklistItemRuleSchema).min(1).max(MAX_CHECKLIST_ITEMS),
  })
  .strict();

export const SlaTriggerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assignment') }).strict(),
  z.object({ type: z.literal('stage-entered'), stage: label(100) }).strict(),
]);

export const SlaSchema = z
  .object({
    id,
    trigger: SlaTriggerSchema,
    firstTouchWithinHours: z.number().positive().max(24 * 365),
    /** Only records matching these; the first listed SLA that applies wins. */
    when: ConditionsSchema.optional(),
  })
  .strict();

const roles = z.array(z.enum(USER_ROLES)).min(1).max(USER_ROLES.length);

export const FlagPolicySchema = z
  .object({
    outreach: z
      .object({
        /** "Human outreach in progress" ends after this many days unless the claimant sets a date. */
        defaultExpiryDays: wholeDays,
        maxDays: wholeDays.optional(),
        setBy: roles,
      })
      .strict()
      .optional(),
    doNotMarket: z
      .object({
        /** "Do not market until" may be at most this many days ahead. */
        maxDays: wholeDays,
        setBy: roles,
        /** Channels a "do not market" flag may name. */
        channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length),
      })
      .strict()
      .optional(),
  })
  .strict();

export const WarningsPolicySchema = z
  .object({
    staleAfterDays: wholeDays.optional(),
    ownerInactiveAfterDays: wholeDays.optional(),
    /** Account owner must equal its contacts' owner: one answer for every CRM, or per CRM (others: false). */
    ownersMustMatch: z.union([z.boolean(), z.partialRecord(crm, z.boolean())], {
      error: 'ownersMustMatch is true, false, or an object such as { "salesforce": true }',
    }).optional(),
  })
  .strict();

/** Which page fields carry which facts, named by the label the CRM's record page shows. */
export const FieldMappingSchema = z
  .object({
    segment: FieldLabelSchema.optional(),
    region: FieldLabelSchema.optional(),
    country: FieldLabelSchema.optional(),
    industry: FieldLabelSchema.optional(),
    employeeCount: FieldLabelSchema.optional(),
    lifecycleStage: FieldLabelSchema.optional(),
    primaryContact: FieldLabelSchema.optional(),
  })
  .strict();

export const CustomObjectSchema = z
  .object({ crm, objectType: label(100), kind })
  .strict();

/** Calls `report` for every entry whose key an earlier entry already had (with that entry's index). */
function repeats<T>(list: readonly T[], keyOf: (item: T) => string | number, report: (item: T, index: number, first: number) => void): void {
  const firstAt = new Map<string | number, number>();
  list.forEach((item, i) => {
    const key = keyOf(item);
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, i);
    else report(item, i, first);
  });
}

export const RulePackSchema = z
  .object({
    /** Editors' hint (a path or URL of rulepack.schema.json); ignored by Ownersight. */
    $schema: z.string().max(500).optional(),
    schemaVersion: z.literal(RULE_PACK_SCHEMA_VERSION),
    /** The team id in the ownership service; an install refuses packs of other teams. */
    team: id,
    /** Grows with every published pack; an install refuses a version at or below its active one. */
    version: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).meta({ description: 'Must grow with every published pack.' }),
    issuedAt: isoDate,
    expiresAt: isoDate,
    name: label(200),
    description: z.string().max(2000).optional(),
    rules: z.array(AssignmentRuleSchema).max(MAX_RULES),
    /** Who gets a record no rule assigns (or whose pool is full). */
    fallback: OwnerRefSchema,
    pools: z.array(PoolSchema).max(MAX_POOLS).optional(),
    checklists: z.array(HandoffChecklistSchema).max(MAX_CHECKLISTS).optional(),
    slas: z.array(SlaSchema).max(MAX_SLAS).optional(),
    flags: FlagPolicySchema.optional(),
    warnings: WarningsPolicySchema.optional(),
    fieldMappings: z.partialRecord(crm, FieldMappingSchema).optional(),
    extraHosts: z.partialRecord(crm, z.array(HostNameSchema).min(1).max(MAX_HOSTS_PER_CRM)).optional(),
    customObjects: z.array(CustomObjectSchema).max(MAX_CUSTOM_OBJECTS).optional(),
  })
  .strict()
  .superRefine((pack, ctx) => {
    // What JSON Schema cannot say: references and uniqueness across the pack.
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (Date.parse(pack.expiresAt) <= Date.parse(pack.issuedAt)) issue(['expiresAt'], 'must be later than issuedAt');

    repeats(pack.rules, (r) => r.id, (rule, i, first) => issue(['rules', i, 'id'], `"${rule.id}" is also the id of rules[${first}]; rule ids must be unique`));
    // Equal priorities would leave the order to the file's layout; we make the admin say it.
    repeats(pack.rules, (r) => r.priority, (rule, i, first) =>
      issue(['rules', i, 'priority'], `${rule.priority} is also the priority of rules[${first}]; priorities must be unique so the order is explicit`),
    );

    const pools = pack.pools ?? [];
    repeats(pools, (p) => p.id, (pool, i) => issue(['pools', i, 'id'], `"${pool.id}" is the id of another pool too; pool ids must be unique`));
    pools.forEach((pool, i) =>
      repeats(pool.members, (m) => m.id, (member, j) => issue(['pools', i, 'members', j, 'id'], `"${member.id}" is listed twice in this pool`)),
    );
    const poolIds = new Set(pools.map((p) => p.id));
    pack.rules.forEach((rule, i) => {
      if ('pool' in rule.assign && !poolIds.has(rule.assign.pool)) {
        issue(['rules', i, 'assign', 'pool'], `no pool has the id "${rule.assign.pool}"; add it under "pools" or fix the id`);
      }
    });

    (pack.checklists ?? []).forEach((list, i) =>
      repeats(list.items, (item) => item.id, (item, j) => issue(['checklists', i, 'items', j, 'id'], `"${item.id}" is the id of another item in this checklist`)),
    );
    repeats(pack.slas ?? [], (sla) => sla.id, (sla, i) => issue(['slas', i, 'id'], `"${sla.id}" is the id of another SLA; SLA ids must be unique`));
    repeats(pack.customObjects ?? [], (o) => `${o.crm}\u0000${o.objectType.toLowerCase()}`, (object, i) =>
      issue(['customObjects', i, 'objectType'], `${object.crm} "${object.objectType}" is listed twice`),
    );
  });

export type RulePack = z.infer<typeof RulePackSchema>;
export type OwnerRef = z.infer<typeof OwnerRefSchema>;
export type Conditions = z.infer<typeof ConditionsSchema>;
export type AssignmentRule = z.infer<typeof AssignmentRuleSchema>;
export type Pool = z.infer<typeof PoolSchema>;
export type PoolMember = z.infer<typeof PoolMemberSchema>;
export type Requirement = z.infer<typeof RequirementSchema>;
export type ChecklistField = (typeof CHECKLIST_FIELDS)[number];
export type HandoffChecklist = z.infer<typeof HandoffChecklistSchema>;
export type Sla = z.infer<typeof SlaSchema>;
export type FlagPolicyInput = z.infer<typeof FlagPolicySchema>;
export type WarningsPolicyInput = z.infer<typeof WarningsPolicySchema>;
export type FieldMapping = z.infer<typeof FieldMappingSchema>;
export type CustomObject = z.infer<typeof CustomObjectSchema>;
