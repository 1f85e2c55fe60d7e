import { describe, expect, it } from 'vitest';
import { MUTATION_ARGS, USER_ROLES, type MutationName } from '../lib/model/sync';
import { mayApply } from './permissions';

describe('mayApply', () => {
  const allowed = (name: MutationName, ownsRecord = false) => USER_ROLES.filter((role) => mayApply(name, { role, ownsRecord }).allowed);

  it('follows the table of issue 3', () => {
    expect(allowed('flag.dnm.set')).toEqual(['marketer', 'admin']);
    expect(allowed('flag.dnm.clear')).toEqual(['marketer', 'admin']);
    expect(allowed('consent.set')).toEqual(['marketer', 'admin']);
    expect(allowed('flag.outreach.claim')).toEqual(['rep', 'csm', 'admin']);
    expect(allowed('flag.outreach.release')).toEqual(['rep', 'csm', 'admin']);
    expect(allowed('checklist.item.set')).toEqual(['rep', 'csm', 'admin']);
    expect(allowed('owner.set')).toEqual(['admin']);
    expect(allowed('owner.set', true)).toEqual([...USER_ROLES]);
    expect(allowed('supporting.set', true)).toEqual([...USER_ROLES]);
  });

  it('covers every mutation of the protocol and says why in words', () => {
    for (const name of Object.keys(MUTATION_ARGS) as MutationName[]) {
      const refusal = USER_ROLES.map((role) => mayApply(name, { role, ownsRecord: false })).find((p) => !p.allowed);
      expect(refusal && !refusal.allowed && refusal.reason).toMatch(/^Only .+ can .+; you are signed in as an? \w+\.$/);
    }
  });
});
