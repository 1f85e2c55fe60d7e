// How a person's email and a company's web domain are compared everywhere (records are found by them,
// and one company seen in two CRMs is one account): one definition, so no two places disagree.

export function identityEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Lower case, no trailing dot, no leading `www.`: `WWW.Acme.com.` and `acme.com` are one company. */
export function identityDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** The web domain of an email address, compared as `identityDomain`; undefined without an `@`. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  return at < 0 ? undefined : identityDomain(email.slice(at + 1)) || undefined;
}
