import { describe, expect, it } from 'vitest';
import { emailDomain, identityDomain, identityEmail } from './identity';

describe('identity keys', () => {
  it('compare emails and web domains the same way everywhere', () => {
    expect(identityEmail('  Ada@Example.COM ')).toBe('ada@example.com');
    expect(identityDomain(' WWW.Acme.com. ')).toBe('acme.com');
    expect(identityDomain('www2.acme.com')).toBe('www2.acme.com');
    expect(emailDomain('ada@WWW.Analytical-Engines.example')).toBe('analytical-engines.example');
    expect(emailDomain('no-at-sign')).toBeUndefined();
    expect(emailDomain('trailing@')).toBeUndefined();
  });
});
