import type { Codebook, CodebookItem } from '../codebook/schema.js';

/** The items to test: the given codebook indexes (as `selectIndicators` returns them), or every item. */
export function indicatorList(
  codebook: Codebook,
  indicators?: readonly number[],
): { item: CodebookItem; index: number }[] {
  const idx = indicators ?? codebook.items.map((_, i) => i);
  return idx.flatMap((index) => {
    const item = codebook.items[index];
    return item ? [{ item, index }] : [];
  });
}
