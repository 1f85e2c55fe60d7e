import {
  HealthRecordsReplySchema,
  HealthReplySchema,
  ReassignReplySchema,
  type HealthFilters,
  type HealthList,
  type HealthRecordsReply,
  type HealthReply,
  type ReassignReply,
  type ReassignRequest,
} from '../model/health';
import { endpoint, errorFor, exchange, REQUEST_TIMEOUT_MS, SyncError, type Connection, type Fetch } from '../sync/transport';

// The ownership health endpoints (issue 6), called by the background with the stored token for the
// dashboard page. JSON replies go through the sync transport's validated exchange; the CSV export is
// text, so it has its own small fetch with the same errors.

function query(filters: HealthFilters & { list?: HealthList; format?: 'json' | 'csv' }): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const healthService = {
  get: (fetchFn: Fetch, connection: Connection, filters: HealthFilters): Promise<HealthReply> =>
    exchange(fetchFn, connection, 'GET', `v1/health${query(filters)}`, HealthReplySchema),
  list: (fetchFn: Fetch, connection: Connection, filters: HealthFilters, list: HealthList): Promise<HealthRecordsReply> =>
    exchange(fetchFn, connection, 'GET', `v1/health/records${query({ ...filters, list })}`, HealthRecordsReplySchema),
  reassign: (fetchFn: Fetch, connection: Connection, request: ReassignRequest): Promise<ReassignReply> =>
    exchange(fetchFn, connection, 'POST', 'v1/reassign', ReassignReplySchema, request),
  async csv(fetchFn: Fetch, connection: Connection, filters: HealthFilters, list: HealthList): Promise<string> {
    let response: Response;
    try {
      response = await fetchFn(endpoint(connection.serverUrl, `v1/health/records${query({ ...filters, list, format: 'csv' })}`), {
        headers: { authorization: `Bearer ${connection.token}` },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      const name = (error as { name?: string } | null)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new SyncError('timeout', `The service did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`);
      throw new SyncError('offline', 'The service could not be reached.');
    }
    const text = await response.text();
    if (!response.ok) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      throw errorFor(response.status, body);
    }
    if (!/^text\/csv\b/.test(response.headers.get('content-type') ?? '')) throw new SyncError('invalid-reply', 'The service did not answer with a CSV file.');
    return text;
  },
};
