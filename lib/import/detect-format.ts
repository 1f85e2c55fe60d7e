import type { CrmId, RecordKind } from '../model/crm-ids';
import {
  EXPORT_PROFILES,
  MAPPING_FIELDS,
  OWNER_FIELDS,
  PROFILED_CRMS,
  normaliseHeader,
  type ColumnMapping,
  type ExportProfile,
} from './export-formats';
import { checkRecordId } from './record-ids';
import { clip } from './values';

/** How a file is read: which CRM, which kind of record, and which column feeds which field. */
export interface CsvFormat {
  crm: CrmId;
  kind: RecordKind;
  /**
   * The CRM's object name as the adapters read it from record URLs (`Account`, `Lead`, `0-1`, `person`…);
   * for a custom mapping of a CRM without a known layout, the kind (`account` / `contact`).
   */
  objectType: string;
  /** For the user: what the file was read as ("HubSpot contacts export", "Custom mapping"). */
  label: string;
  mapping: ColumnMapping;
}

export type DetectResult = { ok: true; format: CsvFormat } | { ok: false; message: string };

export interface DetectOptions {
  crm?: CrmId;
  kind?: RecordKind;
  /**
   * A few data rows. With them, a layout whose id column holds no ids of its CRM is ruled out (a Zoho
   * export has HubSpot's `Record ID` header, not HubSpot's numeric ids), and Salesforce contacts are told
   * from leads by id prefix.
   */
  sample?: readonly (readonly string[])[];
}

/** Finds columns by name as normaliseHeader compares them: the header is normalised once, not per look-up. */
export function headerLookup(header: readonly string[]): (name: string) => number {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = normaliseHeader(name);
    if (!index.has(key)) index.set(key, i);
  });
  return (name) => index.get(normaliseHeader(name)) ?? -1;
}
type Find = ReturnType<typeof headerLookup>;

/** Which known export `header` is, or a message that says what was found and what was expected. */
export function detectCsvFormat(header: readonly string[], options: DetectOptions = {}): DetectResult {
  const candidates = EXPORT_PROFILES.filter((p) => (!options.crm || p.crm === options.crm) && (!options.kind || p.kind === options.kind));
  const find = headerLookup(header);
  const matches: { profile: ExportProfile; mapping: ColumnMapping; score: number }[] = [];
  let wrongIds: { profile: ExportProfile; column: string; problem: string } | undefined;
  let partial: { profile: ExportProfile; missing: string; score: number } | undefined;

  for (const profile of candidates) {
    const mapping = mapProfile(header, find, profile);
    const score = Object.keys(mapping).length + (profile.signature ?? []).filter((name) => find(name) !== -1).length / 2;
    const hasOwner = OWNER_FIELDS.some((f) => mapping[f]);
    if (!mapping.recordId || !hasOwner) {
      // Worth a specific message when enough else matched to say what the file was meant to be.
      if (score >= 2 && (!partial || score > partial.score)) {
        const missing = !mapping.recordId ? profile.columns.recordId : (profile.columns.owner ?? profile.columns.ownerCrmId ?? []);
        partial = { profile, missing: missing[0] ?? '', score };
      }
      continue;
    }
    const column = find(mapping.recordId);
    const ids = (options.sample ?? []).map((row) => row[column]?.trim() ?? '').filter(Boolean);
    const problems = ids.map((id) => checkRecordId(profile.crm, profile.kind, id)).filter((check) => 'problem' in check);
    if (problems.length * 2 > ids.length) {
      wrongIds ??= { profile, column: header[column] ?? mapping.recordId, problem: problems[0]!.problem };
      continue;
    }
    matches.push({ profile, mapping: { ...mapping, recordId: mapping.recordId }, score });
  }

  // A file with both a contact id and an account id column (a contacts report with account columns, a
  // Pipedrive people export with organization columns) has one row per contact: read as contacts.
  const grain = matches.filter(
    (m) =>
      m.profile.kind === 'contact' ||
      !matches.some((c) => c.profile.kind === 'contact' && c.profile.crm === m.profile.crm && normaliseHeader(c.mapping.recordId) !== normaliseHeader(m.mapping.recordId)),
  );
  const best = grain.reduce<(typeof grain)[number] | undefined>((top, m) => (!top || m.score > top.score ? m : top), undefined);
  if (best) {
    const { profile, mapping } = best;
    return { ok: true, format: { crm: profile.crm, kind: profile.kind, objectType: sampledObjectType(profile, find(mapping.recordId), options.sample) ?? profile.objectType, label: profile.label, mapping } };
  }
  if (wrongIds) {
    const { profile, column, problem } = wrongIds;
    return {
      ok: false,
      message: `The columns look like a ${profile.label}, but most values in its "${clip(column)}" column are not ${PROFILED_CRMS[profile.crm]} ids of that kind: ${problem}. If the export comes from another CRM or holds other records, choose them and map the columns.`,
    };
  }
  if (partial) {
    return {
      ok: false,
      message: `This looks like a ${partial.profile.label}, but it has no "${partial.missing}" column. Add that column to the export (report or view) and export again. ${columnsFound(header)}`,
    };
  }
  return { ok: false, message: `No owners export recognised. ${columnsFound(header)} ${expected(candidates)}` };
}

/**
 * Detection, then the caller's mapping on top: a column named in `override` replaces the detected one, an
 * empty name drops it. Without a detected layout the override must name the id and an owner column, and
 * `crm` and `kind` must be given.
 */
export function resolveFormat(
  header: readonly string[],
  options: DetectOptions & { mapping?: Partial<ColumnMapping> },
): DetectResult {
  const override = options.mapping;
  const detected = detectCsvFormat(header, options);
  if (!override || Object.keys(override).length === 0) return detected;

  let base: Omit<CsvFormat, 'mapping'> & { mapping: Partial<ColumnMapping> };
  if (detected.ok) base = { ...detected.format, label: `${detected.format.label}, with your column mapping` };
  else if (options.crm && options.kind) base = { crm: options.crm, kind: options.kind, objectType: options.kind, label: 'Custom column mapping', mapping: {} };
  else return { ok: false, message: `${detected.message} A custom column mapping also needs the CRM and the kind of record (accounts or contacts).` };

  const find = headerLookup(header);
  const mapping: Partial<ColumnMapping> = { ...base.mapping };
  for (const field of MAPPING_FIELDS) {
    const name = override[field];
    if (name === undefined) continue;
    if (name.trim() === '') {
      delete mapping[field];
      continue;
    }
    const column = find(name);
    if (column === -1) return { ok: false, message: `The column "${clip(name)}" (mapped to ${field}) is not in the file. ${columnsFound(header)}` };
    mapping[field] = header[column]!;
  }
  if (!mapping.recordId) return { ok: false, message: `The column mapping names no record id column. ${columnsFound(header)}` };
  if (!OWNER_FIELDS.some((f) => mapping[f])) {
    return { ok: false, message: `The column mapping names no owner column (owner, ownerEmail or ownerCrmId). ${columnsFound(header)}` };
  }
  const format: CsvFormat = { ...base, mapping: { ...mapping, recordId: mapping.recordId } };
  format.objectType = sampledObjectType(format, find(mapping.recordId), options.sample) ?? base.objectType;
  return { ok: true, format };
}

/** The profile's columns found in `header`, under the header's own spelling; the first alias found wins. */
function mapProfile(header: readonly string[], find: Find, profile: ExportProfile): Partial<ColumnMapping> {
  const mapping: Partial<ColumnMapping> = {};
  for (const field of MAPPING_FIELDS) {
    const column = (profile.columns[field] ?? []).map(find).find((i) => i !== -1);
    if (column !== undefined) mapping[field] = header[column]!;
  }
  return mapping;
}

/** The object name of the first sample id that reads as one (tells a Salesforce leads file from a contacts file). */
function sampledObjectType(format: Pick<CsvFormat, 'crm' | 'kind'>, idColumn: number, sample: DetectOptions['sample']): string | undefined {
  for (const row of sample ?? []) {
    const check = checkRecordId(format.crm, format.kind, row[idColumn] ?? '');
    if ('recordId' in check && check.objectType) return check.objectType;
  }
  return undefined;
}

/** `Columns found: "A", "B" … (and 12 more).` Never the whole of a garbage header. */
function columnsFound(header: readonly string[]): string {
  const names = header.map((h) => h.trim()).filter(Boolean);
  if (names.length === 0) return 'The first row is empty.';
  const shown = names.slice(0, 15).map((h) => `"${clip(h, 40)}"`);
  const more = names.length > shown.length ? ` (and ${names.length - shown.length} more)` : '';
  return `Columns found: ${shown.join(', ')}${more}.`;
}

function expected(profiles: readonly ExportProfile[]): string {
  const lines = profiles.map((p) => {
    const owners = [p.columns.owner?.[0], p.columns.ownerCrmId?.[0]].filter(Boolean).map((name) => `"${name}"`);
    return `${p.label}: "${p.columns.recordId[0]}" and ${owners.join(' or ')}`;
  });
  return `Expected the id and owner columns of one of: ${lines.join('; ')}.`;
}
