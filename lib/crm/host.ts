/**
 * True when `hostname` is `domain` or a subdomain of it. Label-aware, so `salesforce.com.evil.io` and
 * `evilsalesforce.com` never pass for `salesforce.com`.
 */
export function isDomainOrSubdomain(hostname: string, domain: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === domain || host.endsWith(`.${domain}`);
}

/** True when `hostname` is any of `domains` or below one of them. */
export function isUnderAny(hostname: string, domains: readonly string[]): boolean {
  return domains.some((domain) => isDomainOrSubdomain(hostname, domain));
}

/** Path segments without empty ones, decoded where safe. */
export function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter(Boolean).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

/** The route inside a hash (`#/contacts/view/1` → URL of `/contacts/view/1`), for hash-routed CRMs. */
export function hashRoute(url: URL): URL | null {
  const hash = url.hash.replace(/^#!?/, '');
  if (!hash) return null;
  try {
    return new URL(hash.startsWith('/') ? hash : `/${hash}`, 'https://hash.invalid');
  } catch {
    return null;
  }
}
