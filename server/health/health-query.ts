import { HealthFiltersSchema, HealthListSchema, HEALTH_LISTS, type HealthFilters, type HealthList } from '../../lib/model/health';

// The query string of GET /v1/health and /v1/health/records, checked once at the door with words a BI
// tool's author can act on.

export type HealthQuery = { ok: true; filters: HealthFilters; list?: HealthList; format: 'json' | 'csv' } | { ok: false; code: string; message: string };

export function readHealthQuery(query: Record<string, string>, withList: boolean): HealthQuery {
  const { list, format = 'json', segment, ...rest } = query;
  if (segment !== undefined) {
    return { ok: false, code: 'unsupported-filter', message: 'segment cannot be filtered on: the service stores no segment for records (only CRM, kind, object type, name, email, domain, stage and owner).' };
  }
  if (format !== 'json' && format !== 'csv') return { ok: false, code: 'invalid-request', message: '?format= is json or csv.' };
  if (!withList && (list !== undefined || format !== 'json')) return { ok: false, code: 'invalid-request', message: 'GET /v1/health takes crm, kind, owner and staleDays; lists and CSV are at /v1/health/records.' };
  const parsed = HealthFiltersSchema.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : Object.keys(rest).find((k) => !['crm', 'kind', 'owner', 'staleDays'].includes(k)) ?? 'query';
    return { ok: false, code: 'invalid-request', message: `The query parameter ${where} is not valid (${issue.message}). Filters: crm, kind (account or contact), owner, staleDays (1 to 3650).` };
  }
  if (!withList) return { ok: true, filters: parsed.data, format: 'json' };
  const which = HealthListSchema.safeParse(list);
  if (!which.success) return { ok: false, code: 'invalid-request', message: `Say which list: ?list= one of ${HEALTH_LISTS.join(', ')}.` };
  return { ok: true, filters: parsed.data, list: which.data, format };
}
