import { z } from 'zod';
import { websiteDomain } from '../crm/dom';
import type { CrmId } from '../model/crm-ids';
import type { Owner } from '../model/ownership';
import { comparableName } from '../ownership/warnings';
import { SALESFORCE_KEY_PREFIXES } from '../model/salesforce-id';

type OwnerKind = Owner['kind'];

const EMAIL = z.email();

/** The address in lower case (as the records and owners tables index it), or null when it is not one. */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  // The '@' test first: a failed Zod parse builds an error object, and most owner cells are plain names.
  return email.includes('@') && EMAIL.safeParse(email).success ? email : null;
}

/** The first address of a cell that may list several (Pipedrive writes `a@x.com, b@y.com`). */
export function firstEmailOf(raw: string): string {
  return raw.split(/[,;\s]+/).find(Boolean) ?? '';
}

/**
 * The host of a website as the panel compares it: lower case, no scheme, port, path or `www.`, punycode
 * for international names (`https://www.Acme.com/about` → `acme.com`). The page readers' own
 * websiteDomain computes it, so an imported domain and the one read off a record page agree by
 * construction; on top, what is not a host name (an IP address, `=HYPERLINK(…)`) gives null. Not cut down
 * to the registrable domain: that needs the public suffix list (`shop.acme.co.uk` stays as it is).
 */
export function domainFromWebsite(raw: string): string | null {
  const host = websiteDomain(raw);
  return host && HOST_NAME.test(host) ? host : null;
}
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** An owner cell: `Jane Doe`, `jane@acme.com`, `Jane Doe <jane@acme.com>` or `Jane Doe (jane@acme.com)`. */
export function parseOwnerCell(raw: string): { name: string; email?: string } {
  const cell = raw.trim().replace(/\s+/g, ' ');
  const withEmail = /^(.*?) ?[<(] ?([^<>()\s]+@[^<>()\s]+) ?[>)]$/.exec(cell);
  const inner = withEmail ? normaliseEmail(withEmail[2]!) : null;
  if (withEmail && inner) return { name: withEmail[1] || inner, email: inner };
  const email = normaliseEmail(cell);
  return email ? { name: cell, email } : { name: cell };
}

/**
 * What kind of owner a row names. A name never tells (a queue called "Jane" is possible), so only a
 * type column (Salesforce `Owner.Type`: `User`/`Queue`) or a Salesforce owner id does: Queue ids begin
 * with `00G`, User ids with `005`. Otherwise a person.
 */
export function ownerKindOf(crm: CrmId, typeCell: string, crmOwnerId: string | undefined): OwnerKind {
  const type = typeCell.trim().toLowerCase();
  if (type.includes('queue')) return 'queue';
  if (type.includes('team') || type === 'group') return 'team';
  if (!type && crm === 'salesforce' && crmOwnerId?.startsWith(SALESFORCE_KEY_PREFIXES.Queue)) return 'queue';
  return 'person';
}

/**
 * A stable owner id: `<kind>:<email>` when the email is known, else `<kind>:<name slug>` (`person:jane-doe`;
 * "Doe, Jane" and "Jane Doe" give the same slug, as comparableName treats them as one person). Null when
 * the name has no letter or digit to build a slug from.
 */
export function ownerIdFor(kind: OwnerKind, name: string, email: string | undefined): string | null {
  const key = email ?? slug(comparableName(name));
  return key ? `${kind}:${key}`.slice(0, 200) : null;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 180)
    .replace(/^-+|-+$/g, '');
}

/** Shortens a cell for an error message: a message must stay readable whatever the file holds. */
export function clip(value: string, max = 60): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
