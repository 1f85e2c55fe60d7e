import { MAX_PACK_BYTES } from '../rules/read-json';
import { failureOf, sendRaw, SyncError, type Connection, type Fetch } from '../sync/transport';

// The two rule-pack requests to the team service. The pack is fetched as text: it is verified against the
// pinned keys before anything reads it (./install), so nothing here parses or trusts it.

export type FetchedPack = { kind: 'none' } | { kind: 'unchanged' } | { kind: 'pack'; text: string };

/** GET /v1/rulepack, telling the service which version this install holds so an unchanged pack costs a 204. */
export async function fetchTeamPack(fetchFn: Fetch, connection: Connection, activeVersion: number | undefined): Promise<FetchedPack> {
  const { response, text } = await sendRaw(fetchFn, connection, 'GET', `v1/rulepack${activeVersion !== undefined ? `?after=${activeVersion}` : ''}`);
  if (response.status === 204) return { kind: 'unchanged' };
  if (response.status === 404) return { kind: 'none' };
  if (!response.ok) throw failureOf(response, text);
  if (text.length > MAX_PACK_BYTES * 2) throw new SyncError('invalid-reply', 'The service sent a rule pack larger than 1 MB.');
  return { kind: 'pack', text };
}

/** PUT /v1/rulepack with the signed envelope's text, as `rulepack publish` does; the service's refusal in its words. */
export async function publishTeamPack(fetchFn: Fetch, connection: Connection, text: string): Promise<{ version: number }> {
  const { response, text: reply } = await sendRaw(fetchFn, connection, 'PUT', 'v1/rulepack', text);
  if (!response.ok) throw failureOf(response, reply);
  try {
    const body = JSON.parse(reply) as { version?: unknown };
    if (typeof body.version === 'number') return { version: body.version };
  } catch {
    // Falls through.
  }
  throw new SyncError('invalid-reply', 'The service took the pack but sent a reply Ownersight does not understand.');
}
