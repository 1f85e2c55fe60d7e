import type { BenchBrowser } from './browser';

/** Connects the extension to a team through its options page, as a person does; resolves when the status shows. */
export async function connectThroughOptions(b: BenchBrowser, serverUrl: string, token: string, timeoutMs = 120_000): Promise<{ clickedAt: number; doneAt: number; status: string }> {
  const page = await b.session!.openOptions();
  try {
    await page.getByLabel('Server URL').fill(serverUrl);
    await page.getByLabel('Access token').fill(token);
    const status = page.getByTestId('team-status');
    const clickedAt = Date.now();
    await page.getByRole('button', { name: 'Save and connect' }).click();
    await status.waitFor({ timeout: timeoutMs });
    const doneAt = Date.now();
    return { clickedAt, doneAt, status: (await status.textContent()) ?? '' };
  } finally {
    await page.close();
  }
}

/** Counts rows of a store in the extension's own IndexedDB (raw API, inside the service worker). */
export async function countInExtensionDb(b: BenchBrowser, store: string): Promise<number> {
  const worker = b.ctx.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${b.extensionId}/`));
  if (!worker) return -1;
  return worker.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('ownersight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve(0);
            return;
          }
          const req = db.transaction(name, 'readonly').objectStore(name).count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}
