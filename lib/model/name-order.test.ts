import { describe, expect, it } from 'vitest';
import { nameKey, sortByName } from './name-order';

describe('sortByName', () => {
  it('orders alphabetically, ignoring case and accents', () => {
    const names = ['zoe Quinn', 'Émile Roux', 'alex Morgan', 'Bea', 'Eve', 'Ärzte Team', 'EMEA Queue'];
    expect(sortByName(names, (n) => n)).toEqual(['alex Morgan', 'Ärzte Team', 'Bea', 'EMEA Queue', 'Émile Roux', 'Eve', 'zoe Quinn']);
  });

  it('agrees with an English collator on plain and accented names', () => {
    const names = ['Łukasz', 'Lara', 'Ñora', 'Nils', 'Óscar', 'Olga', 'Øyvind', 'çedric', 'Cara', 'Zed', 'Straße', 'Strauss Team'];
    const collator = new Intl.Collator('en', { sensitivity: 'base' });
    expect(sortByName(names, (n) => n).map(nameKey)).toEqual([...names].sort(collator.compare).map(nameKey));
  });

  it('keeps a stable order for names that differ only by case or accent', () => {
    expect(sortByName([{ n: 'eve' }, { n: 'Eve' }, { n: 'Ève' }], (x) => x.n).map((x) => x.n)).toEqual(['Eve', 'eve', 'Ève']);
  });

  it('does not change its input', () => {
    const input = ['b', 'a'];
    sortByName(input, (n) => n);
    expect(input).toEqual(['b', 'a']);
  });
});
