// base64url without padding (RFC 4648 §5), through atob/btoa so the same code runs in a service worker,
// a page and Node 20 (no Buffer in the browser).

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Returns null for anything that is not base64url (padding is tolerated). */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  const bare = text.replace(/=+$/, '');
  if (!BASE64URL.test(bare) || bare.length % 4 === 1) return null;
  const binary = atob(bare.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
