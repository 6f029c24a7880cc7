import type { IngestOptions } from './ingest-options.js';
import { mapHeader } from './map-header.js';

/** How many leading lines (or workbook rows) may hold a title above the header. */
export const HEADER_SEARCH_LINES = 20;

/**
 * Which of the first lines is the header: with `--header-row n` that line; otherwise the first line whose cells
 * name the required columns (the neighbourhood, and the wave unless --assign-wave labels the file). Lines above it
 * (a title, a blank line, a note from the exporting system) are skipped and reported. When no line maps, the first
 * non-blank line is returned, so that the caller reports its missing columns as before.
 * `lines[i]` holds the cells of line i + 1.
 */
export function findHeaderRow(lines: readonly (readonly string[])[], o: IngestOptions): number {
  if (o.headerRow !== undefined) return o.headerRow;
  const firstNonBlank = lines.findIndex((cells) => cells.some((c) => c.trim() !== ''));
  for (let i = 0; i < Math.min(lines.length, HEADER_SEARCH_LINES); i++) {
    const cells = lines[i] ?? [];
    if (!cells.some((c) => c.trim() !== '')) continue;
    const { map } = mapHeader([...cells], o.codebook, {
      weightColumn: null,
      needWave: false,
      weightRequired: false,
      ...(o.columnMap ? { columnMap: o.columnMap } : {}),
    });
    if (map.neighbourhood >= 0 && (o.assignWaves !== undefined || map.wave >= 0)) return i + 1;
  }
  return firstNonBlank < 0 ? 1 : firstNonBlank + 1;
}

/** The skipped lines in words, for the message: `lines 1–2 ("Survey of 2009", a blank line)`. */
export function describeSkipped(lines: readonly (readonly string[])[], headerRow: number, unit: string): string {
  const shown = lines.slice(0, Math.min(headerRow - 1, 3)).map((cells) => {
    const text = cells
      .map((c) => c.trim())
      .filter(Boolean)
      .join(' ');
    return text === '' ? 'a blank line' : `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
  });
  const more = headerRow - 1 > 3 ? ', …' : '';
  const span = headerRow === 2 ? `${unit} 1` : `${unit}s 1–${headerRow - 1}`;
  return `${span} (${shown.join(', ')}${more})`;
}
