import { csvCell } from './csv-cell.js';
import type { TagResult } from './tag-areas.js';

export const AREAS_CSV_HEADER = ['code', 'name', 'aliases', 'district', 'type', 'type_source'] as const;

/** The tagged registry: the columns `analyse --areas` reads. Aliases are left blank. */
export function renderTagCsv(result: TagResult): string {
  const rows = result.areas.map((a) => [a.code, a.name, '', a.district, a.type, a.typeSource].map(csvCell).join(','));
  return [AREAS_CSV_HEADER.join(','), ...rows].join('\n') + '\n';
}
