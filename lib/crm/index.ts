import type { CrmId } from '../model/crm-ids';
import type { CrmAdapter, PageFacts, RecordRef } from './types';
import { salesforce } from './salesforce';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { zoho } from './zoho';
import { dynamics } from './dynamics';
import { attio } from './attio';
import { close } from './close';
import { freshsales } from './freshsales';
import { copper } from './copper';
import { twenty } from './twenty';
import { odoo } from './odoo';
import { espocrm } from './espocrm';
import { suitecrm } from './suitecrm';
import { insightly } from './insightly';
import { nutshell } from './nutshell';
import { capsule } from './capsule';

export type { CrmAdapter, PageFacts, RecordRef };

/** Every supported CRM. Adding one is a file, its URL table, and a line here. */
export const ADAPTERS: readonly CrmAdapter[] = [
  salesforce,
  hubspot,
  pipedrive,
  zoho,
  dynamics,
  attio,
  close,
  freshsales,
  copper,
  twenty,
  odoo,
  espocrm,
  suitecrm,
  insightly,
  nutshell,
  capsule,
];

const BY_ID = new Map<CrmId, CrmAdapter>(ADAPTERS.map((adapter) => [adapter.id, adapter]));

export function adapterFor(crm: CrmId): CrmAdapter {
  const adapter = BY_ID.get(crm);
  if (!adapter) throw new Error(`No adapter for CRM "${crm}"`);
  return adapter;
}

export interface DetectOptions {
  /**
   * Hosts the user added at run time for self-hosted or on-premises CRMs (`crm.example.com` → `suitecrm`).
   * Keys are lower-case host names (with `:port` when not the default).
   */
  customHosts?: ReadonlyMap<string, CrmId>;
}

/** Which CRM serves this URL: a cloud host of an adapter, or a host the user added. */
export function adapterForUrl(url: URL, options: DetectOptions = {}): CrmAdapter | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const custom = options.customHosts?.get(url.host.toLowerCase());
  if (custom) return adapterFor(custom);
  // Cloud CRMs are only ever served over HTTPS; plain HTTP is only for hosts the user added.
  if (url.protocol !== 'https:') return null;
  return ADAPTERS.find((adapter) => adapter.isHost(url.hostname)) ?? null;
}

/**
 * The account or contact record a CRM page shows, or null for anything else (list views, new/edit forms,
 * deals, reports, setup, other sites). `doc` lets adapters read what the URL cannot tell.
 */
export function detectRecord(
  url: string | URL,
  doc?: Document,
  options: DetectOptions = {},
): RecordRef | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  const adapter = adapterForUrl(parsed, options);
  if (!adapter) return null;
  const found = adapter.detect(parsed, doc);
  if (!found) return null;
  return { crm: adapter.id, ...found, host: parsed.host.toLowerCase() };
}

/** Match patterns for every CRM cloud host: the manifest's host access and the content script's matches. */
export const CRM_MATCHES: readonly string[] = [...new Set(ADAPTERS.flatMap((adapter) => adapter.matches))];
