// What the user types into the options page, checked before anything is stored or sent.

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * The service's origin from what the user typed, or a reason it cannot be one. Plain http is allowed only
 * to this machine: a token sent in clear over a network is a token given away.
 */
export function parseServerUrl(input: string): { url: string; origin: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { problem: 'Enter the full address of your team service, like https://ownership.example.com.' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
    return { problem: 'The server URL must start with https:// (plain http is only for a service on this computer).' };
  }
  if (url.username || url.password) return { problem: 'Put the access token in its own field, not in the server URL.' };
  if (url.search || url.hash) return { problem: 'The server URL takes no ?query or #fragment.' };
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { url: `${url.origin}${path}`, origin: url.origin };
}

export function checkToken(token: string): string | null {
  if (!token.trim()) return 'Enter the access token your admin gave you.';
  if (!/^[\x21-\x7e]{16,512}$/.test(token.trim())) return 'That does not look like an access token (16 to 512 characters, no spaces).';
  return null;
}

