import type { Codebook } from '../codebook/schema.js';

type Named = { shortLabel: string; ni?: string | null | undefined };

/** "Belonging (NI2)", or the short label alone for an indicator with no NI number: the label in tables. */
export function indicatorLabel(it: Named): string {
  return `${it.shortLabel}${it.ni ? ` (${it.ni})` : ''}`;
}

/** "NI2: Belonging": the NI number first, for headings and captions. */
export function indicatorHeading(it: Named): string {
  return `${it.ni ? `${it.ni}: ` : ''}${it.shortLabel}`;
}

/** Labels by indicator id; an id the codebook does not know is shown as it is. */
export function indicatorLabels(cb: Pick<Codebook, 'items'>): (id: string) => string {
  const byId = new Map(cb.items.map((it) => [it.id, it]));
  return (id) => {
    const it = byId.get(id);
    return it ? indicatorLabel(it) : id;
  };
}
