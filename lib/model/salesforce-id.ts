/**
 * Salesforce record ids come in two spellings: 15 characters, case-sensitive (report exports, Classic
 * URLs), and 18 characters, the same id plus a 3-character case checksum (API, Data Loader, Lightning
 * URLs). One record must have one key, so every id is stored in its 18-character form.
 *
 * The suffix: for each 5-character chunk, bit i is set when character i is an upper-case letter, and the
 * 5-bit number indexes `A–Z0–5`. Salesforce's own example: `0015000000VALDt` → `0015000000VALDtAAP`.
 */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** The 18-character form of a 15- or 18-character id, or null when `id` is not shaped like one. */
export function salesforceId18(id: string): string | null {
  if (!ID_SHAPE.test(id)) return null;
  if (id.length === 18) return id;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charCodeAt(chunk * 5 + i);
      if (c >= 0x41 && c <= 0x5a) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return id + suffix;
}

/**
 * The standard objects an owners import reads, by key prefix (the first three characters of every id of
 * that object, the same in every org). `00G` is a queue (a Group): the only owner that is not a User.
 */
export const SALESFORCE_KEY_PREFIXES = {
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  User: '005',
  Queue: '00G',
} as const;
