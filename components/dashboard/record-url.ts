import type { HealthRecord } from '../../lib/model/health';

// A link straight to a record in its CRM, for the offender lists. Some CRMs' record URLs need what a
// record key does not carry (Salesforce's org host, HubSpot's portal id): the admin gives them once on
// the dashboard; until then the id is shown without a link, and the reason is said.

export interface CrmLinks {
  /** e.g. acme.lightning.force.com */
  salesforceHost?: string;
  /** e.g. 4815162 */
  hubspotPortal?: string;
}

export type RecordLink = { url: string } | { reason: string };

const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

export function recordLink(record: Pick<HealthRecord, 'crm' | 'kind' | 'recordId' | 'objectType'>, links: CrmLinks): RecordLink {
  const id = encodeURIComponent(record.recordId);
  switch (record.crm) {
    case 'salesforce': {
      const host = links.salesforceHost?.trim().toLowerCase();
      if (!host || !HOST.test(host)) return { reason: 'Salesforce links need your org host (e.g. acme.lightning.force.com): set it under "CRM links".' };
      const object = record.objectType && /^[A-Za-z0-9_]+$/.test(record.objectType) ? record.objectType : record.kind === 'account' ? 'Account' : 'Contact';
      return { url: `https://${host}/lightning/r/${object}/${id}/view` };
    }
    case 'hubspot': {
      const portal = links.hubspotPortal?.trim();
      if (!portal || !/^\d{1,12}$/.test(portal)) return { reason: 'HubSpot links need your portal id (the number in app.hubspot.com/contacts/<portal>): set it under "CRM links".' };
      // Contacts are object 0-1, companies 0-2.
      return { url: `https://app.hubspot.com/contacts/${portal}/record/${record.kind === 'account' ? '0-2' : '0-1'}/${id}` };
    }
    default:
      return { reason: `Links into ${record.crm} are not built yet; search for the id in the CRM.` };
  }
}
