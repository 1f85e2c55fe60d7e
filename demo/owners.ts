import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The owners exports in demo/owners/, one file per CRM object as the CRMs export them (Salesforce report
 * exports, HubSpot view exports, Pipedrive list exports): an import reads one CRM's object per file.
 * Zoho CRM and Dynamics 365 have no export layout the importer knows yet, so their demo records stay
 * unowned, and so does Salesforce's Initech (created after the export was taken), on purpose.
 */
export const OWNERS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'owners');

export function ownerExports(): string[] {
  return readdirSync(OWNERS_DIR)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => join(OWNERS_DIR, name));
}
