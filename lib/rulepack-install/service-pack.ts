import { MAX_PACK_BYTES } from '../rules/read-json';
import { endpoint, errorFor, REQUEST_TIMEOUT_MS, SyncError, type Connection, type Fetch } from '../sync/transport';

// The two rule-pack requests to the team service. The pack is fetched as text: it is verified against the
// pinned keys before anything reads it (./install), so nothing here parses or trusts it.

export type FetchedPack = { kind: 'none' } | { kind: 'unchanged' } | { kind: 'pack'; text: string };

async function send(fetchFn: Fetch, connection: Connection, path: string, init: RequestInit): Promise<{ response: Response; text: string }> {
  let response: Response;
  try {
    response = await fetchFn(endpoint(connection.serverUrl, path), {
      ...init,
      headers: { authorization: `Bearer ${connection.token}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new SyncError('timeout', `The service did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`);
    throw new SyncError('offline', 'The service could not be reached.');
  }
  return { response, text: await response.text().catch(() => '') };
}

/** The service's error reply in words, read the way every sync request reads it (lib/sync/transport). */
function failure(response: Response, text: string): SyncError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined; // not JSON: the status says enough
  }
  return errorFor(response.status, body);
}

/** GET /v1/rulepack, telling the service which version this install holds so an unchanged pack costs a 204. */
export async function fetchTeamPack(fetchFn: Fetch, connection: Connection, activeVersion: number | undefined): Promise<FetchedPack> {
  const { response, text } = await send(fetchFn, connection, `v1/rulepack${activeVersion !== undefined ? `?after=${activeVersion}` : ''}`, { method: 'GET' });
  if (response.status === 204) return { kind: 'unchanged' };
  if (response.status === 404) return { kind: 'none' };
  if (!response.ok) throw failure(response, text);
  if (text.length > MAX_PACK_BYTES * 2) throw new SyncError('invalid-reply', 'The service sent a rule pack larger than 1 MB.');
  return { kind: 'pack', text };
}

/** PUT /v1/rulepack with the signed envelope's text, as `rulepack publish` does; the service's refusal in its words. */
export async function publishTeamPack(fetchFn: Fetch, connection: Connection, text: string): Promise<{ version: number }> {
  const { response, text: reply } = await send(fetchFn, connection, 'v1/rulepack', { method: 'PUT', body: text });
  if (!response.ok) throw failure(response, reply);
  try {
    const body = JSON.parse(reply) as { version?: unknown };
    if (typeof body.version === 'number') return { version: body.version };
  } catch {
    // Falls through.
  }
  throw new SyncError('invalid-reply', 'The service took the pack but sent a reply Ownersight does not understand.');
}
