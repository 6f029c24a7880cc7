import { closest } from '../areas/edit-distance.js';
import {
  DEFAULT_COLUMN_SYNONYMS,
  mergeColumnSynonyms,
  normaliseHeader,
  type ColumnSynonyms,
} from '../codebook/column-synonyms.js';
import type { CompiledCodebook } from '../codebook/compile-codebook.js';
import { nearKnownColumn } from './near-known-column.js';

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
  /** columns that match nothing but look like a misspelt item or known column (e.g. belong_neighborhood) */
  nearMisses: { column: number; name: string; suggestion: string }[];
  /** the headers read under another name: header → column (spellings like `Respondent ID`, and --columns) */
  renamed: { column: number; name: string; target: string }[];
  /** the `from` headers of --columns found in this file (normalised) */
  mappedFound: string[];
}

export interface HeaderProblem {
  column: number;
  columnName: string;
  message: string;
}

export interface HeaderOptions {
  weightColumn: string | null;
  needWave: boolean;
  weightRequired: boolean;
  /** --columns: normalised header → target column (a structural column, a profile column or an item id) */
  columnMap?: ReadonlyMap<string, string>;
  /** profile columns the run groups or rakes by: a file without one is a usage error */
  profilesNeeded?: readonly string[];
}

/** How surely a header names a column: chosen by --columns, the column's own name, or one of its aliases. */
const BY_MAP = 0;
const BY_NAME = 1;
const BY_ALIAS = 2;

const WEIGHT_WORD = /(^|[^a-z])(weights?|weighting|wt|wgt|wght)([^a-z]|$)/;

/** A header that says "weight" but matched nothing (`Weight (final)`, `final_wt`): the index, or -1. */
function weightLookalike(names: readonly string[], used: ReadonlySet<number>): number {
  return names.findIndex((n, i) => !used.has(i) && WEIGHT_WORD.test(normaliseHeader(n)));
}

/**
 * Match the header through the codebook: items by id and alias, the structural and profile columns by name and by
 * the spellings of the codebook's "columns" (built-in ones when it has none), all compared by normaliseHeader
 * (case, spaces, `_` and `-`); `--columns` first. Two headers naming one item, or two aliases naming one column,
 * are a problem; a column's own name wins over an alias of it (the alias column is then carried, like any other).
 */
export function mapHeader(
  raw: string[],
  codebook: CompiledCodebook,
  o: HeaderOptions,
): { map: HeaderMap; problems: HeaderProblem[]; usageProblems: HeaderProblem[] } {
  const names = raw.map((h) => h.replace(/^\uFEFF/, '').trim());
  const norm = names.map(normaliseHeader);
  const problems: HeaderProblem[] = [];
  const usageProblems: HeaderProblem[] = [];
  const synonyms = knownColumns(codebook, o.weightColumn);
  const customWeight = o.weightColumn !== null && normaliseHeader(o.weightColumn) !== 'weight' ? o.weightColumn : null;
  const spellingOf = new Map<string, { column: string; rank: number }>();
  for (const [column, { aliases }] of Object.entries(synonyms)) {
    if (column === 'weight' && customWeight !== null) {
      spellingOf.set(normaliseHeader(customWeight), { column, rank: BY_NAME });
      continue;
    }
    spellingOf.set(normaliseHeader(column), { column, rank: BY_NAME });
    for (const a of aliases)
      if (!spellingOf.has(normaliseHeader(a))) spellingOf.set(normaliseHeader(a), { column, rank: BY_ALIAS });
  }
  const itemIndex = new Map(codebook.items.map((ci, k) => [ci.item.id, k]));

  // the target of each header, and the best candidate of each target
  const targetOf: (string | undefined)[] = [];
  const best = new Map<string, { i: number; rank: number; ties: number[] }>();
  const firstByName = new Map<string, number>();
  const mappedFound: string[] = [];
  norm.forEach((h, i) => {
    if (h === '') return;
    const seen = firstByName.get(h);
    if (seen !== undefined) {
      problems.push({
        column: i + 1,
        columnName: names[i] ?? '',
        message: `duplicate column "${names[i]}" (also column ${seen + 1})`,
      });
      return;
    }
    firstByName.set(h, i);
    let target: string | undefined;
    let rank = BY_NAME;
    const mapped = o.columnMap?.get(h);
    const item = codebook.columns.get(h);
    if (mapped !== undefined) {
      target = mapped;
      rank = BY_MAP;
      mappedFound.push(h);
    } else if (item !== undefined) target = `item:${codebook.items[item]?.item.id}`;
    else {
      const s = spellingOf.get(h);
      if (s) [target, rank] = [s.column, s.rank];
    }
    if (target !== undefined && itemIndex.has(target)) target = `item:${target}`;
    targetOf[i] = target;
    if (target === undefined) return;
    const b = best.get(target);
    if (!b || rank < b.rank) best.set(target, { i, rank, ties: [] });
    else if (rank === b.rank) b.ties.push(i);
  });
  for (const [target, b] of best) {
    for (const t of b.ties) {
      const what = target.startsWith('item:') ? `item ${target.slice(5)}` : `column ${target}`;
      problems.push({
        column: t + 1,
        columnName: names[t] ?? '',
        message: `duplicate column "${names[t]}": "${names[b.i]}" (column ${b.i + 1}) is also ${what}`,
      });
    }
  }
  const at = (target: string) => best.get(target)?.i ?? -1;
  // the columns read as something: the rest may be near misses or a weight under another name
  const used = new Set([...best.values()].map((b) => b.i));
  const require = (name: string, hint = '') => {
    const i = at(name);
    if (i < 0) {
      const near = closestHeader(name, names, synonyms);
      problems.push({
        column: 0,
        columnName: name,
        message: `required column "${name}" is missing${near ? ` (closest header present: "${near}")` : hint}`,
      });
    }
    return i;
  };
  const neighbourhood = require('neighbourhood');
  const wave = o.needWave ? require('wave', ' (or label a one-wave file with --assign-wave <wave>)') : at('wave');
  let weight = -1;
  if (o.weightColumn !== null) {
    weight = at('weight');
    if (weight < 0 && o.weightRequired)
      problems.push({ column: 0, columnName: o.weightColumn, message: `weight column "${o.weightColumn}" is missing` });
    const lookalike = weight < 0 && !o.weightRequired ? weightLookalike(names, used) : -1;
    if (lookalike >= 0)
      usageProblems.push({
        column: lookalike + 1,
        columnName: names[lookalike] ?? '',
        message:
          `column "${names[lookalike]}" looks like a weight, but it is not one of the weight column's names, so ` +
          `every weight would be 1: give --weight "${names[lookalike]}" to weight by it, or --no-weights to ` +
          'analyse unweighted',
      });
  }
  const profiles = new Map<string, number>();
  for (const p of Object.keys(codebook.codebook.profiles)) {
    const i = at(p);
    if (i >= 0) profiles.set(p, i);
  }
  for (const p of new Set(o.profilesNeeded ?? [])) {
    if (profiles.has(p)) continue;
    const near = closestHeader(p, names, synonyms);
    usageProblems.push({
      column: 0,
      columnName: p,
      message:
        `there is no ${p} column to group or weight ` +
        `by${near ? ` (closest header present: "${near}")` : ''}; name it with --columns "<header>=${p}"`,
    });
  }
  const items = new Int32Array(codebook.items.length).fill(-1);
  const itemsAbsent: string[] = [];
  codebook.items.forEach((ci, k) => {
    const i = at(`item:${ci.item.id}`);
    if (i < 0) itemsAbsent.push(ci.item.id);
    else items[k] = i;
  });
  if (itemsAbsent.length === codebook.items.length && codebook.items.length > 0) {
    const shown = names.filter(Boolean).slice(0, 6);
    const headers = `${shown.map((n) => `"${n}"`).join(', ')}${names.length > shown.length ? ', …' : ''}`;
    problems.push({
      column: 0,
      columnName: '',
      message:
        `none of the codebook's ${codebook.items.length} questions is a column of this file (its headers: ` +
        `${headers}); name them with --columns "<header>=<item id>" (sc-survey indicators lists the ids), or ` +
        'use a codebook whose item ids or aliases are these headers',
    });
  }
  const renamed = [...best.entries()]
    .filter(([target, b]) => normaliseHeader(target.replace(/^item:/, '')) !== norm[b.i])
    .map(([target, b]) => ({ column: b.i + 1, name: names[b.i] ?? '', target: target.replace(/^item:/, '') }))
    .sort((x, y) => x.column - y.column);
  const itemNames = codebook.items.flatMap((ci) => [ci.item.id, ...ci.item.aliases]);
  const nearMisses = norm.flatMap((h, i) => {
    if (h === '' || used.has(i) || targetOf[i] !== undefined) return [];
    const suggestion = closest(h, itemNames, normaliseHeader) ?? nearKnownColumn(names[i] ?? '', synonyms) ?? undefined;
    return suggestion ? [{ column: i + 1, name: names[i] ?? h, suggestion }] : [];
  });
  return {
    map: {
      names,
      respondentId: at('respondent_id'),
      wave,
      neighbourhood,
      weight,
      profiles,
      items,
      itemsAbsent,
      nearMisses,
      renamed,
      mappedFound,
    },
    problems,
    usageProblems,
  };
}

/**
 * The structural and profile columns this run reads, with their spellings: the codebook's "columns" over the
 * built-in list. A weight column named with --weight is matched by that name only.
 */
export function knownColumns(codebook: CompiledCodebook, weightColumn: string | null): ColumnSynonyms {
  const merged = mergeColumnSynonyms(DEFAULT_COLUMN_SYNONYMS, codebook.codebook.columns);
  const known = ['respondent_id', 'wave', 'neighbourhood', 'weight', ...Object.keys(codebook.codebook.profiles)];
  const out: Record<string, { aliases: readonly string[] }> = Object.create(null) as Record<
    string,
    { aliases: readonly string[] }
  >;
  for (const column of known)
    out[column] = { aliases: Object.hasOwn(merged, column) ? (merged[column]?.aliases ?? []) : [] };
  if (weightColumn !== null && normaliseHeader(weightColumn) !== 'weight') out.weight = { aliases: [] };
  return out;
}

/** The header present that is nearest to a column: one of its near spellings, else the closest by edit distance. */
function closestHeader(column: string, names: readonly string[], synonyms: ColumnSynonyms): string | undefined {
  const present = names.filter(Boolean);
  return present.find((h) => nearKnownColumn(h, synonyms) === column) ?? closest(column, present, normaliseHeader);
}
