import { closest } from '../areas/edit-distance.js';
import { normaliseHeader, STRUCTURAL_COLUMNS } from '../codebook/column-synonyms.js';
import type { Codebook } from '../codebook/schema.js';
import { UsageError } from '../errors.js';
import { readSmallCsv } from '../io/small-csv.js';

/** `--columns`, resolved: which header is read as which known column. */
export interface ColumnMap {
  /** normalised header → target (a structural column, a profile column or an item id) */
  map: Map<string, string>;
  /** normalised header → the header as the user wrote it */
  names: Map<string, string>;
  /** the pairs in the order given, for validate and design.columns */
  pairs: { from: string; to: string }[];
}

/**
 * Read `--columns`: a value holding `=` is a spec (`Serial=respondent_id,Area=neighbourhood`), anything else a CSV
 * file with the header `from,to`. Refused (exit 2): a target that is no known column (with the nearest names), one
 * header given twice, two headers given one target, and a blank side. An item may be named by its id or an alias.
 */
export function resolveColumnMap(value: string, codebook: Codebook): ColumnMap {
  const pairs: { from: string; to: string; where: string }[] = [];
  if (value.includes('=')) {
    value.split(',').forEach((part, i) => {
      if (part.trim() === '') return;
      const at = part.lastIndexOf('=');
      pairs.push({
        from: part.slice(0, at).trim(),
        to: part.slice(at + 1).trim(),
        where: `--columns pair ${i + 1} "${part.trim()}"`,
      });
    });
  } else {
    const csv = readSmallCsv(value, '--columns');
    const from = csv.header.findIndex((h) => h.toLowerCase() === 'from');
    const to = csv.header.findIndex((h) => h.toLowerCase() === 'to');
    if (from < 0 || to < 0)
      throw new UsageError(`--columns ${value}: the header must be from,to (found ${csv.header.join(',')})`);
    for (const row of csv.rows)
      pairs.push({
        from: (row.cells[from] ?? '').trim(),
        to: (row.cells[to] ?? '').trim(),
        where: `${value}:${row.line}`,
      });
  }
  if (pairs.length === 0) throw new UsageError('--columns names no column');
  const targets = knownTargets(codebook);
  const problems: string[] = [];
  const map = new Map<string, string>();
  const names = new Map<string, string>();
  const byTarget = new Map<string, string>();
  for (const p of pairs) {
    if (p.from === '' || p.to === '') {
      problems.push(`${p.where}: give a header and a column, as header=column`);
      continue;
    }
    const target = targets.get(normaliseHeader(p.to));
    if (target === undefined) {
      const near = closest(p.to, [...new Set(targets.values())], normaliseHeader);
      problems.push(
        `${p.where}: "${p.to}" is not a column sc-survey reads${near ? ` (did you mean ${near}?)` : ''}; ` +
          `known columns: ${STRUCTURAL_COLUMNS.join(', ')}, ` +
          `${Object.keys(codebook.profiles).join(', ')} and the item ids`,
      );
      continue;
    }
    const h = normaliseHeader(p.from);
    if (map.has(h)) {
      problems.push(`${p.where}: header "${p.from}" is given twice`);
      continue;
    }
    const other = byTarget.get(target);
    if (other !== undefined) {
      problems.push(`${p.where}: "${p.from}" and "${other}" are both given as ${target}; give one`);
      continue;
    }
    map.set(h, target);
    names.set(h, p.from);
    byTarget.set(target, p.from);
  }
  if (problems.length) throw new UsageError(problems.join('\n'));
  return { map, names, pairs: [...map].map(([h, to]) => ({ from: names.get(h) ?? h, to })) };
}

/** normalised name → target: the structural columns, the profile columns, and each item by id and alias. */
function knownTargets(codebook: Codebook): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of [...STRUCTURAL_COLUMNS, ...Object.keys(codebook.profiles)]) out.set(normaliseHeader(c), c);
  for (const it of codebook.items) for (const n of [it.id, ...it.aliases]) out.set(normaliseHeader(n), it.id);
  return out;
}
