import { createService } from './service';
import { serve } from './serve';

// `npm run server`: the team ownership service. PORT (8787), HOST (127.0.0.1); DATABASE_URL for
// PostgreSQL, else the embedded database in OWNERSIGHT_DATA_DIR (.data/pglite).

const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(2);
}

try {
  const service = await createService();
  const server = await serve(service, { port, hostname });
  const where = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${process.env.OWNERSIGHT_DATA_DIR ?? '.data/pglite'}`;
  console.log(`Ownersight team service listening on ${server.url} (${where})`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping...`);
    await server.close();
    await service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  console.error(`The service could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
