// Alphabetical order of people, teams and queues for pickers, without a collator: localeCompare and
// Intl.Collator cost ~10 ms of ICU start-up the first time a service worker uses them, and the transfer
// picker's list is built on the panel's first answer after the worker wakes (bench/RESULTS.md, 4).
// Accents are folded (Émile sorts with Emile) and case is ignored; exact ties keep a stable order.

const MARKS = /\p{M}/gu;
/** Letters that carry their accent in the letter itself, so decomposing does not take it off. */
const FOLDS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };
const FOLDABLE = /[łøđħıßæœþ]/g;

/** The key names are sorted by: no accents, lower case. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(FOLDABLE, (letter) => FOLDS[letter] ?? letter);
}

/** Sorts a copy of `items` by `name(item)`, alphabetically. */
export function sortByName<T>(items: readonly T[], name: (item: T) => string): T[] {
  const keyed = items.map((item) => {
    const raw = name(item);
    return { item, raw, key: nameKey(raw) };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0));
  return keyed.map((k) => k.item);
}
