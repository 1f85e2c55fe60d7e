import { serve } from '../server/serve';
import { createService, type ServiceOptions } from '../server/service';
import { benchRecordId } from './crm-page';
import { createBenchTeam, seedRecords } from './service-seed';
import { summarize, type Summary } from './stats';

// Measure 10: `clients` concurrent clients, each pushing one mutation per request (an outreach claim or
// release on one of 1,000 records, alternating) over HTTP on loopback, for `seconds`. All in one team: the
// team version serialises a team's writes (server/sync/team-version.ts), which is what this measures.

export interface PushRun {
  database: string;
  clients: number;
  seconds: number;
  pushes: number;
  pushesPerSecond: number;
  latencyMs: Summary;
  errors: number;
}

export async function pushThroughput(label: string, options: ServiceOptions, clients: number, seconds: number): Promise<PushRun> {
  const service = await createService(options);
  const server = await serve(service, { port: 0 });
  try {
    const team = await createBenchTeam(service, `Push bench ${label}`, clients);
    await seedRecords(service.db, team.id, { count: 1000, owners: 20, now: Date.now(), history: false });
    const latencies: number[] = [];
    let errors = 0;
    const deadline = performance.now() + seconds * 1000;
    const client = async (c: number) => {
      const clientId = `benchclient${String(c).padStart(4, '0')}`;
      const token = team.tokens[c]!;
      for (let id = 1; performance.now() < deadline; id++) {
        const recordId = benchRecordId((c * 37 + id) % 1000);
        const args = { recordKey: `salesforce:account:${recordId}`, record: { crm: 'salesforce', kind: 'account', recordId } };
        const body = { clientId, mutations: [{ id, name: id % 2 ? 'flag.outreach.claim' : 'flag.outreach.release', args, clientTime: Date.now() }] };
        const start = performance.now();
        const response = await fetch(`${server.url}/v1/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const reply = (await response.json()) as { results?: { status: string }[] };
        latencies.push(performance.now() - start);
        if (!response.ok || reply.results?.[0]?.status !== 'applied') errors++;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
    const elapsed = (performance.now() - started) / 1000;
    return { database: label, clients, seconds: elapsed, pushes: latencies.length, pushesPerSecond: latencies.length / elapsed, latencyMs: summarize(latencies), errors };
  } finally {
    await server.close();
    await service.close();
  }
}
