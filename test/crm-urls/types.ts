import type { CrmId, RecordKind } from '../../lib/model/crm-ids';

/** One real URL and what detectRecord must say of it (recordId as the URL carries it). */
export interface RecordUrlCase {
  url: string;
  kind: RecordKind;
  recordId: string;
  objectType: string;
  /** Where this URL shape was seen (doc page, issue, extension source), for the next reader. */
  source?: string;
  /**
   * For CRMs where the URL cannot tell a person from a company: the fixture HTML handed to detectRecord
   * as `doc` (a path under test/fixtures/).
   */
  docFixture?: string;
  /** Self-hosted CRMs: the host → CRM mapping the user added at run time. */
  customHost?: string;
}

/** A URL on the CRM's own host that must give null: a list view, related list, new/edit form, deal, report… */
export interface NearMissCase {
  url: string;
  /** Why it must not be taken for a record (`// Gotcha:` in the STYLE guide's words). */
  why: string;
  customHost?: string;
}

export interface CrmUrlTable {
  crm: CrmId;
  records: RecordUrlCase[];
  nearMisses: NearMissCase[];
}
