import { z } from 'zod';

/** What a pull cookie holds. Opaque to clients: base64url of this JSON. */
export interface Cookie {
  /** The team version the client has everything up to. */
  v: number;
  team: string;
  /** The team's epoch when the cookie was made: another epoch means the history was cut and the client resets. */
  epoch: string;
  /**
   * Set while a client that started from nothing is still catching up (`more` was true): its later pages
   * leave out old history like its first (pull.ts, INITIAL_HISTORY_DAYS). Absent once it is caught up.
   */
  initial?: true;
}

const CookieSchema = z.object({ v: z.number().int().nonnegative(), team: z.string().min(1), epoch: z.string().min(1), initial: z.literal(true).optional() }).strict();

export function encodeCookie(cookie: Cookie): string {
  return Buffer.from(JSON.stringify(cookie), 'utf8').toString('base64url');
}

/** The cookie, or null when the text is not one of ours (the caller answers 400). */
export function decodeCookie(text: string): Cookie | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const parsed = CookieSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
