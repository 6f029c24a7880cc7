import { closest } from '../areas/edit-distance.js';
import type { CompiledCodebook } from '../codebook/compile-codebook.js';

export interface HeaderMap {
  names: string[];
  respondentId: number;
  wave: number;
  neighbourhood: number;
  weight: number;
  /** profile column name → field index */
  profiles: Map<string, number>;
  /** field index of each codebook item, -1 when absent */
  items: Int32Array;
  itemsAbsent: string[];
  /** columns that match nothing but look like a misspelt item (e.g. belong_neighborhood) */
  nearMisses: { column: number; name: string; suggestion: string }[];
}

export interface HeaderProblem {
  column: number;
  columnName: string;
  message: string;
}

/** Match the header through the codebook (names and aliases, case-insensitive, trimmed). */
export function mapHeader(
  raw: string[],
  codebook: CompiledCodebook,
  o: { weightColumn: string | null; needWave: boolean; weightRequired: boolean },
): { map: HeaderMap; problems: HeaderProblem[] } {
  const names = raw.map((h) => h.trim());
  const lower = names.map((h) => h.toLowerCase());
  const problems: HeaderProblem[] = [];
  const firstIndex = new Map<string, number>();
  lower.forEach((h, i) => {
    if (h === '') return;
    const canonical = codebook.columns.has(h) ? `item:${codebook.columns.get(h)}` : h;
    if (firstIndex.has(canonical))
      problems.push({ column: i + 1, columnName: names[i] ?? '', message: `duplicate column "${names[i]}" (also column ${(firstIndex.get(canonical) ?? 0) + 1})` });
    else firstIndex.set(canonical, i);
  });
  const find = (name: string) => firstIndex.get(name.toLowerCase()) ?? -1;
  const require = (name: string, hint = '') => {
    const i = find(name);
    if (i < 0) {
      const near = closest(name, names.filter(Boolean));
      problems.push({ column: 0, columnName: name, message: `required column "${name}" is missing${near ? ` (closest header present: "${near}")` : hint}` });
    }
    return i;
  };
  const neighbourhood = require('neighbourhood');
  const wave = o.needWave ? require('wave', ' (or label a one-wave file with --assign-wave <wave>)') : find('wave');
  let weight = -1;
  if (o.weightColumn !== null) {
    weight = find(o.weightColumn);
    if (weight < 0 && o.weightRequired) problems.push({ column: 0, columnName: o.weightColumn, message: `weight column "${o.weightColumn}" is missing` });
  }
  const profiles = new Map<string, number>();
  for (const p of Object.keys(codebook.codebook.profiles)) {
    const i = find(p);
    if (i >= 0) profiles.set(p, i);
  }
  const items = new Int32Array(codebook.items.length).fill(-1);
  const itemsAbsent: string[] = [];
  codebook.items.forEach((ci, k) => {
    const i = firstIndex.get(`item:${k}`);
    if (i === undefined) itemsAbsent.push(ci.item.id);
    else items[k] = i;
  });
  const known = new Set(['respondent_id', 'wave', 'neighbourhood', ...(o.weightColumn ? [o.weightColumn.toLowerCase()] : []), ...profiles.keys()]);
  const itemNames = codebook.items.flatMap((ci) => [ci.item.id, ...ci.item.aliases]);
  const nearMisses = lower.flatMap((h, i) => {
    if (h === '' || known.has(h) || codebook.columns.has(h)) return [];
    const suggestion = closest(h, itemNames);
    return suggestion ? [{ column: i + 1, name: names[i] ?? h, suggestion }] : [];
  });
  return { map: { names, respondentId: find('respondent_id'), wave, neighbourhood, weight, profiles, items, itemsAbsent, nearMisses }, problems };
}
