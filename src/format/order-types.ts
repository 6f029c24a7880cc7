const TYPE_ORDER = ['rural', 'deprived', 'average'];

/** Area types in display order: rural, deprived, average, then any others alphabetically. */
export function orderTypes(types: Iterable<string>): string[] {
  const rank = (t: string) => (TYPE_ORDER.includes(t) ? TYPE_ORDER.indexOf(t) : TYPE_ORDER.length);
  return [...new Set(types)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
