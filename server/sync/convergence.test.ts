import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGLITE } from '../test/databases';
import { DAY, hubspotAccount, newTeam, startHarness, T0, type Harness, type Unnumbered } from '../test/harness';

// Issue 3: "two clients editing the same flags in random orders converge". Two users edit the same
// records offline; their pushes reach the service interleaved in any order. Where the rules make order
// irrelevant (the later "do not market" date stands, outreach claims are per user, each user's own
// checklist items and consent channels follow that user's order), every interleaving must end in one
// state. Clears are left out: "clear what I saw" is meant to depend on what happened first.

type Op = Unnumbered;

const RECORDS = ['1', '2'];
const record = fc.constantFrom(...RECORDS).map((id) => hubspotAccount(id));
const opOf = (who: 'a' | 'b'): fc.Arbitrary<Op> =>
  fc.oneof(
    fc.record({ r: record, day: fc.integer({ min: 1, max: 6 }), reason: fc.constantFrom('Asked', 'Legal'), ch: fc.subarray(['email', 'sms', 'ads'] as const, { minLength: 1 }) }).map(
      ({ r, day, reason, ch }) => ({ name: 'flag.dnm.set', args: { ...r, until: T0 + day * DAY, reason, channels: [...ch] } }) as Op,
    ),
    fc.record({ r: record, day: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }) }).map(
      ({ r, day }) => ({ name: 'flag.outreach.claim', args: { ...r, ...(day ? { until: T0 + day * DAY } : {}) } }) as Op,
    ),
    record.map((r) => ({ name: 'flag.outreach.release', args: { ...r } }) as Op),
    fc.record({ r: record, item: fc.constantFrom('x', 'y'), done: fc.boolean() }).map(
      ({ r, item, done }) => ({ name: 'checklist.item.set', args: { ...r, from: 'lead', to: 'customer', itemId: `${who}-${item}`, label: `Item ${item}`, done } }) as Op,
    ),
    fc.record({ r: record, status: fc.constantFrom('granted', 'withdrawn', 'unknown') }).map(
      ({ r, status }) => ({ name: 'consent.set', args: { ...r, channel: who === 'a' ? 'email' : 'calls', status } }) as Op,
    ),
  );

describe('two clients converge whatever the order their pushes arrive in', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(PGLITE);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  /** Runs both clients' ops in the order `schedule` picks (true: A's next), returns the state a fresh pull sees. */
  async function run(opsA: Op[], opsB: Op[], schedule: boolean[]): Promise<unknown> {
    const { users } = await newTeam(h.service, { a: 'admin', b: 'admin' });
    const queues = { a: [...opsA], b: [...opsB] };
    let turn = 0;
    while (queues.a.length || queues.b.length) {
      const pickA = queues.b.length === 0 || (queues.a.length > 0 && (schedule[turn++ % Math.max(schedule.length, 1)] ?? true));
      const who = pickA ? 'a' : 'b';
      const reply = await users[who]!.push(queues[who].shift()!);
      expect(reply.results[0]!.status).not.toBe('conflict');
    }
    users.a!.cookie = null;
    const [page] = await users.a!.pullAll();
    // Pulls list rows in version order, which differs by interleaving; the state is the same set of rows.
    const sorted = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((x, y) => key(x).localeCompare(key(y)));
    return {
      flags: sorted(page!.flags, (f) => f.id),
      checklists: sorted(page!.checklists, (c) => c.recordKey).map((c) => ({ ...c, items: sorted(c.items, (i) => i.id) })),
      consent: sorted(page!.records, (r) => r.key).map((r) => [r.key, r.consent]),
    };
  }

  it('holds for random interleavings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opOf('a'), { maxLength: 6 }), fc.array(opOf('b'), { maxLength: 6 }), fc.array(fc.boolean()), fc.array(fc.boolean()), async (a, b, s1, s2) => {
        const one = await run(a, b, s1);
        const two = await run(a, b, s2);
        expect(two).toEqual(one);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
