import { browser } from 'wxt/browser';
import type { CrmId } from '../model/crm-ids';
import { RequestError } from '../messaging/dispatch';
import { parseOrigin, type ParsedOrigin } from '../model/origin';

export interface CustomHost {
  /** `https://crm.example.com` (with `:port` when not the default). */
  origin: string;
  crm: CrmId;
}

/** storage.local key the content script reads: the host → CRM map is not a secret, tokens never go there. */
export const CUSTOM_HOSTS_KEY = 'customHosts';
const SCRIPT_PREFIX = 'ownersight-custom-';
/** Where WXT writes the content script; the same file the manifest declares for the cloud hosts. */
const CONTENT_SCRIPT = 'content-scripts/content.js';

function checked(input: string): ParsedOrigin {
  try {
    return parseOrigin(input);
  } catch (error) {
    throw new RequestError('bad-origin', (error as Error).message);
  }
}

async function stored(): Promise<CustomHost[]> {
  const value = (await browser.storage.local.get(CUSTOM_HOSTS_KEY))[CUSTOM_HOSTS_KEY];
  return Array.isArray(value) ? (value as CustomHost[]) : [];
}

const scriptId = (origin: string) => SCRIPT_PREFIX + origin.replace(/[^a-z0-9]+/gi, '-');

export async function listCustomHosts(): Promise<CustomHost[]> {
  return stored();
}

/**
 * Adds a self-hosted CRM. The options page asks for the host permission first (it needs a user
 * gesture); here we check it was granted, then register the content script for it.
 */
export async function addCustomHost(host: CustomHost): Promise<CustomHost> {
  const { origin, pattern } = checked(host.origin);
  if (!(await browser.permissions.contains({ origins: [pattern] }))) {
    throw new RequestError('permission', `Ownersight has no access to ${origin} yet. Allow it when the browser asks.`);
  }
  const hosts = (await stored()).filter((h) => h.origin !== origin);
  hosts.push({ origin, crm: host.crm });
  await browser.storage.local.set({ [CUSTOM_HOSTS_KEY]: hosts });
  await ensureRegistered(hosts);
  return { origin, crm: host.crm };
}

export async function removeCustomHost(input: string): Promise<boolean> {
  const { origin, pattern } = checked(input);
  const hosts = await stored();
  const kept = hosts.filter((h) => h.origin !== origin);
  await browser.storage.local.set({ [CUSTOM_HOSTS_KEY]: kept });
  await ensureRegistered(kept);
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  return kept.length !== hosts.length;
}

/** Makes the registered content scripts match the stored hosts (run at start-up too). */
export async function ensureRegistered(hosts?: CustomHost[]): Promise<void> {
  const wanted = hosts ?? (await stored());
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.filter((s) => s.id.startsWith(SCRIPT_PREFIX)).map((s) => s.id);
  if (ours.length) await browser.scripting.unregisterContentScripts({ ids: ours });
  const granted: CustomHost[] = [];
  for (const host of wanted) {
    if (await browser.permissions.contains({ origins: [parseOrigin(host.origin).pattern] })) granted.push(host);
  }
  if (!granted.length) return;
  await browser.scripting.registerContentScripts(
    granted.map((host) => ({
      id: scriptId(host.origin),
      matches: [parseOrigin(host.origin).pattern],
      js: [CONTENT_SCRIPT],
      runAt: 'document_idle' as const,
      persistAcrossSessions: true,
    })),
  );
}
