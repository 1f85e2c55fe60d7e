import type { Browser } from 'wxt/browser';

type MessageSender = Browser.runtime.MessageSender;

/** Who sent a message, as far as the browser (not the message) can tell. */
export type SenderKind = 'extension-page' | 'content-script' | 'untrusted';

export interface Self {
  /** runtime.id */
  id: string;
  /** runtime.getURL('') without the trailing slash: chrome-extension://<id> or moz-extension://<uuid>. */
  origin: string;
}

/**
 * Classifies a sender from what the browser filled in. The page a content script runs in controls its
 * own URL, so a URL is only trusted to say "this is one of our extension pages", never more.
 */
export function classifySender(sender: MessageSender | undefined, self: Self): SenderKind {
  if (!sender || sender.id !== self.id) return 'untrusted';
  const url = sender.url ?? '';
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return 'untrusted';
  }
  // Firefox reports moz-extension origins as "null" through URL.origin; compare the prefix instead.
  if (url.startsWith(`${self.origin}/`) || origin === self.origin) return 'extension-page';
  if (sender.tab && (origin.startsWith('https://') || origin.startsWith('http://'))) return 'content-script';
  return 'untrusted';
}
