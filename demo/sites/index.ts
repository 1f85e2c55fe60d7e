import { dynamicsSite } from './dynamics';
import { hubspotSite } from './hubspot';
import { pipedriveSite } from './pipedrive';
import { salesforceSite } from './salesforce';
import type { DemoRecord } from '../records';
import type { DemoSite } from './site';
import { zohoSite } from './zoho';

export type { DemoLink, DemoSite, DemoView } from './site';

/** Every demo CRM, each under its real host name. */
export const DEMO_SITES: readonly DemoSite[] = [salesforceSite, hubspotSite, pipedriveSite, zohoSite, dynamicsSite];

export function siteForHost(hostname: string): DemoSite | undefined {
  const host = hostname.toLowerCase();
  return DEMO_SITES.find((site) => site.host === host);
}

/** `https://<host><path>` for a demo page (the host resolves to the demo server through browser flags). */
export function demoUrl(site: DemoSite, path: string): string {
  return `https://${site.host}${path}`;
}

export function siteFor(record: DemoRecord): DemoSite {
  const site = DEMO_SITES.find((s) => s.crm === record.crm);
  if (!site) throw new Error(`No demo site for ${record.crm}`);
  return site;
}

/** The page of a demo record, under its CRM's real host. */
export function recordUrl(record: DemoRecord): string {
  const site = siteFor(record);
  return demoUrl(site, site.recordPath(record));
}
