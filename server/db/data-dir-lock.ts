import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The embedded database is one process's: PGlite opened twice on one folder corrupts it. A lock file
 * beside the folder holds the owner's pid; a live owner makes the second opener stop with a message
 * (e.g. `npm run admin` while `npm run server` runs), a dead one's lock is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const path = `${dir}.lock`;
  // A fresh clone has no .data/ yet: the lock file is the first thing written there.
  mkdirSync(dirname(path), { recursive: true });
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new Error(
          `The embedded database ${dir} is in use by process ${pid} (a running "npm run server"?). Stop it first, or run the service on PostgreSQL with DATABASE_URL.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock ${path}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
