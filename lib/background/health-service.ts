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
import { exchange, failureOf, sendRaw, SyncError, type Connection, type Fetch } from '../sync/transport';

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
    const { response, text } = await sendRaw(fetchFn, connection, 'GET', `v1/health/records${query({ ...filters, list, format: 'csv' })}`);
    if (!response.ok) throw failureOf(response, text);
    if (!/^text\/csv\b/.test(response.headers.get('content-type') ?? '')) throw new SyncError('invalid-reply', 'The service did not answer with a CSV file.');
    return text;
  },
};
