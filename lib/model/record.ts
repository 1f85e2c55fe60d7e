import { z } from 'zod';
import { CRM_IDS, RECORD_KINDS } from './crm-ids';

/** A CRM record as the extension identifies it: the key to everything stored about it. */
export const RecordRefSchema = z
  .object({
    crm: z.enum(CRM_IDS),
    kind: z.enum(RECORD_KINDS),
    recordId: z.string().min(1).max(200),
    objectType: z.string().min(1).max(100),
    /** The host the record was seen on (an org's My Domain, a HubSpot data centre...). */
    host: z.string().min(1).max(253).optional(),
  })
  .strict();
export type RecordRef = z.infer<typeof RecordRefSchema>;

export { recordKey } from './record-key';

export const PageFactsSchema = z
  .object({
    name: z.string().max(500).optional(),
    owner: z.string().max(300).optional(),
    email: z.string().max(320).optional(),
    domain: z.string().max(253).optional(),
    lifecycleStage: z.string().max(100).optional(),
    /** Fields read by their label for the rule pack's field mappings: label → shown value. */
    fields: z
      .record(z.string().min(1).max(100), z.string().max(200))
      .refine((fields) => Object.keys(fields).length <= 20, 'at most 20 labelled fields')
      .optional(),
  })
  .strict();
