/** A user-typed CRM address, checked: its origin and the match pattern that grants it. */
export interface ParsedOrigin {
  /** `https://crm.example.com` (with `:port` when not the default). */
  origin: string;
  /** Match patterns carry no port: the host matches on any port. */
  pattern: string;
}

/** `https://CRM.example.com:8443/some/path` → its origin and pattern; anything else throws a clear error. */
export function parseOrigin(input: string): ParsedOrigin {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new Error(`"${input.slice(0, 100)}" is not a web address. Use the form https://crm.example.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`Only http and https addresses can be added, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new Error('Leave the user name and password out of the address');
  return { origin: url.origin, pattern: `${url.protocol}//${url.hostname}/*` };
}
