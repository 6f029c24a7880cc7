export type Separator = ',' | ';' | '\t';

/** The separator is whichever of comma, semicolon or tab occurs most often outside quotes in the header line. */
export function sniffSeparator(headerLine: string): Separator {
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Separator = ',';
  for (const sep of [';', '\t'] as const) if (counts[sep] > counts[best]) best = sep;
  return best;
}
