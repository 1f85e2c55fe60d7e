import type { Mutation } from '../model/sync';

/** A change in a few words, for the panel's pending and conflict lines. Dates stay out: the panel formats those. */
export function describeChange(mutation: Mutation, ownerName: (id: string) => string | undefined): string {
  switch (mutation.name) {
    case 'owner.set': {
      const id = mutation.args.ownerId;
      return id ? `Owner → ${ownerName(id) ?? id}` : 'Owner removed';
    }
    case 'supporting.set':
      return 'Supporting owners';
    case 'flag.dnm.set':
      return 'Do not market';
    case 'flag.dnm.clear':
      return 'Do not market cleared';
    case 'flag.outreach.claim':
      return 'Your outreach claim';
    case 'flag.outreach.release':
      return 'Outreach released';
    case 'checklist.item.set':
      return `${mutation.args.done ? 'Done' : 'Reopened'}: ${mutation.args.label}`;
    case 'consent.set':
      return `Consent (${mutation.args.channel}): ${mutation.args.status}`;
  }
}
