import { describe, expect, it } from 'vitest';
import { isManaged, parseManagedPolicy } from './managed-policy';

const key = { keyId: '10ba682c8ad13513', publicKey: 'A'.repeat(43) };

describe('parseManagedPolicy', () => {
  it('reads every field the managed schema declares', () => {
    const policy = parseManagedPolicy({ serverUrl: 'https://ownersight.acme.test', teamId: 'team_1', pinnedKeys: [{ ...key, note: 'rotated 2025' }], minPackVersion: 7 });
    expect(policy).toEqual({ serverUrl: 'https://ownersight.acme.test', teamId: 'team_1', pinnedKeys: [key], minPackVersion: 7, problems: [] });
    expect(isManaged(policy)).toBe(true);
  });

  it('an unmanaged install (empty, missing, not an object) has no policy', () => {
    for (const raw of [{}, undefined, null, 'x', []]) {
      const policy = parseManagedPolicy(raw);
      expect(isManaged(policy)).toBe(false);
      expect(policy.problems).toEqual([]);
    }
  });

  it('drops a bad entry with a reason and keeps the rest', () => {
    const policy = parseManagedPolicy({ serverUrl: 'not a url', pinnedKeys: [{ keyId: 'XYZ', publicKey: 'short' }], minPackVersion: 0, teamId: 'acme' });
    expect(policy.teamId).toBe('acme');
    expect(policy.serverUrl).toBeUndefined();
    expect(policy.pinnedKeys).toBeUndefined();
    expect(policy.minPackVersion).toBeUndefined();
    expect(policy.problems).toHaveLength(3);
    expect(policy.problems[1]).toMatch(/^Policy "pinnedKeys\.0\.keyId" is ignored/);
  });
});
