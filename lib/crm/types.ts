import type { CrmId, RecordKind } from '../model/crm-ids';
import type { RecordRef } from '../model/record';

export type { RecordRef };

/** What an adapter's URL reader returns; `crm` and `host` are filled in by detectRecord. */
export interface DetectedRecord {
  kind: RecordKind;
  recordId: string;
  /** The CRM's own name for the object, as the URL (or page) says it: `Account`, `Lead`, `0-1`, `persons`… */
  objectType: string;
}

/** What the DOM reader found on the record page. Every field is optional: pages vary. */
export interface PageFacts {
  name?: string;
  /** The CRM's own owner field, as displayed (a person's or queue's name). */
  owner?: string;
  /** Contacts: the email shown on the page. */
  email?: string;
  /** Accounts: the website's registrable host, lower case, no `www.`. */
  domain?: string;
  lifecycleStage?: string;
  /** Fields the rule pack's field mappings name, read by their label (lib/crm/labelled-fields.ts). */
  fields?: Record<string, string>;
}

export interface CrmAdapter {
  id: CrmId;
  /** Human name, for the options page and the panel. */
  label: string;
  /**
   * Manifest match patterns for the CRM's own cloud hosts. Empty for CRMs that are only self-hosted
   * (their hosts are added by the user at run time).
   */
  matches: readonly string[];
  /** True when `hostname` is one of this CRM's cloud hosts (never a look-alike such as `salesforce.com.evil.io`). */
  isHost(hostname: string): boolean;
  /**
   * Reads the record from the URL. `doc` is given only where the URL alone cannot tell a person from a
   * company (Odoo partners, Capsule parties) or the id is not in the URL.
   */
  detect(url: URL, doc?: Document): DetectedRecord | null;
  /** Reads display facts from the record page; only the active record's container, never hidden copies. */
  read?(doc: Document, ref: RecordRef): PageFacts;
}
