import {
  CLASS_EXCLUDED,
  CLASS_MISSING,
  CLASS_POSITIVE,
  CODE_OFFSET,
  type CompiledCodebook,
} from '../codebook/compile-codebook.js';
import { emptyTally } from './tally.js';
import type { SurveyRow, Tally } from '../types/index.js';

/** The tallies of one (wave, neighbourhood, profile key) cell, one per codebook item. */
export interface TallyCell {
  wave: string;
  area: string;
  /** values of the store's profile key columns, in order; '' = not stated */
  profile: string[];
  /** rows that reached this cell */
  returns: number;
  /** Σw, Σw², min w and max w over the cell's rows (not only an item's base): what raking needs */
  sumW: number;
  sumW2: number;
  minW: number;
  maxW: number;
  /** one per item; current after syncTallies(store) */
  tallies: Tally[];
  /** the hot-loop accumulators: ACC_SUMS per item, at item × ACC_SUMS + ACC_N … ACC_SW_NEG … */
  acc: Float64Array;
  /** … and answers outside the base, by item and code (code + CODE_OFFSET) */
  codeCounts: Int32Array;
  /**
   * With a store made for frequencies (`perCode`): every answer by item and code, in base or not, as pairs
   * (count, Σw) at (item × CODES + code + CODE_OFFSET) × 2. Raking scales the Σw with the cell.
   */
  perCode?: Float64Array;
  /** acc has rows that tallies do not show yet */
  dirty: boolean;
}

export interface TallyStore {
  itemCount: number;
  /** profile columns in the cell key (for --by age_band, or raking cells) */
  profileKeys: string[];
  cells: Map<string, TallyCell>;
  /** wave → area → cell, a lookup that needs no key string when there are no profile keys */
  byWaveArea: Map<string, Map<string, TallyCell>>;
  /** reason key of each (item, code) outside the base, from the codebook */
  reasonOf: (string | undefined)[][];
  /** cells keep `perCode` counts (the freq command) */
  perCode: boolean;
  /** what addRow does with each (item, code + CODE_OFFSET), from the codebook it was built for */
  kinds?: { codebook: CompiledCodebook; of: Uint8Array };
}

/** The accumulators of one item in TallyCell.acc, in this order (Tally's fields of the same names). */
export const ACC_N = 0;
export const ACC_N_POS = 1;
export const ACC_SW = 2;
export const ACC_SW2 = 3;
export const ACC_SW_POS = 4;
export const ACC_SW2_POS = 5;
export const ACC_N_NEG = 6;
export const ACC_SW_NEG = 7;
/** accumulators per item */
export const ACC_SUMS = 8;
/** code slots per item in codeCounts and perCode (an internal code + CODE_OFFSET is 0–255) */
export const CODES = 256;

/** An answer outside the base (missing or excluded): counted by code only. */
const KIND_OUTSIDE = 0;
/** in the base and positive */
const KIND_POSITIVE = 1;
/** in the base and on the negative side of a net score */
const KIND_NEGATIVE = 2;
/** in the base, neither */
const KIND_OTHER = 3;

/** One flat table of kinds, (item × CODES + code + CODE_OFFSET), so the row loop reads one byte per answer. */
function kindTable(codebook: CompiledCodebook): Uint8Array {
  const of = new Uint8Array(codebook.items.length * CODES);
  codebook.items.forEach((ci, k) => {
    for (let c = 0; c < CODES; c++) {
      const cls = ci.classOf[c];
      of[k * CODES + c] =
        cls === CLASS_MISSING || cls === CLASS_EXCLUDED
          ? KIND_OUTSIDE
          : cls === CLASS_POSITIVE
            ? KIND_POSITIVE
            : ci.negativeOf[c] === 1
              ? KIND_NEGATIVE
              : KIND_OTHER;
    }
  });
  return of;
}

export function createTallyStore(
  itemCount: number,
  profileKeys: string[] = [],
  o: { perCode?: boolean } = {},
): TallyStore {
  return { itemCount, profileKeys, cells: new Map(), byWaveArea: new Map(), reasonOf: [], perCode: o.perCode === true };
}

function newCell(store: TallyStore, row: SurveyRow): TallyCell {
  return {
    wave: row.wave,
    area: row.area,
    profile: store.profileKeys.map((p) => row.profile[p] ?? ''),
    returns: 0,
    sumW: 0,
    sumW2: 0,
    minW: Infinity,
    maxW: -Infinity,
    tallies: Array.from({ length: store.itemCount }, emptyTally),
    acc: new Float64Array(store.itemCount * ACC_SUMS),
    codeCounts: new Int32Array(store.itemCount * CODES),
    ...(store.perCode ? { perCode: new Float64Array(store.itemCount * CODES * 2) } : {}),
    dirty: false,
  };
}

/**
 * Add one row to its cell. The single streaming pass: memory grows with cells, never with rows.
 * Missing and excluded answers are counted by code (hence by reason) and stay out of the base.
 * Sums go into typed arrays here; syncTallies turns them into Tally objects once, at the end.
 */
export function addRow(store: TallyStore, codebook: CompiledCodebook, row: SurveyRow): void {
  let cell: TallyCell | undefined;
  let key = '';
  if (store.profileKeys.length === 0) cell = store.byWaveArea.get(row.wave)?.get(row.area);
  else {
    key = `${row.wave}\u0001${row.area}`;
    for (const p of store.profileKeys) key += `\u0001${row.profile[p] ?? ''}`;
    cell = store.cells.get(key);
  }
  if (!cell) {
    if (key === '') key = `${row.wave}\u0001${row.area}`;
    if (store.reasonOf.length === 0) store.reasonOf = codebook.items.map((ci) => ci.reasonOf);
    cell = newCell(store, row);
    store.cells.set(key, cell);
    if (store.profileKeys.length === 0) {
      let byArea = store.byWaveArea.get(row.wave);
      if (!byArea) store.byWaveArea.set(row.wave, (byArea = new Map()));
      byArea.set(row.area, cell);
    }
  }
  const w = row.weight;
  const w2 = w * w;
  cell.returns++;
  cell.sumW += w;
  cell.sumW2 += w2;
  if (w < cell.minW) cell.minW = w;
  if (w > cell.maxW) cell.maxW = w;
  cell.dirty = true;
  if (store.kinds?.codebook !== codebook) store.kinds = { codebook, of: kindTable(codebook) };
  const kinds = store.kinds.of;
  const acc = cell.acc;
  const counts = cell.codeCounts;
  const itemCount = codebook.items.length;
  const codes = row.codes;
  const perCode = cell.perCode;
  for (let k = 0; k < itemCount; k++) {
    const code = codes[k]!;
    if (code === 0) continue; // the item is not in this file
    const j = k * CODES + code + CODE_OFFSET;
    if (perCode) {
      perCode[2 * j]!++;
      perCode[2 * j + 1]! += w;
    }
    const kind = kinds[j];
    if (kind === KIND_OUTSIDE) {
      counts[j]!++;
      continue;
    }
    const b = k * ACC_SUMS;
    acc[b + ACC_N]!++;
    acc[b + ACC_SW]! += w;
    acc[b + ACC_SW2]! += w2;
    if (kind === KIND_POSITIVE) {
      acc[b + ACC_N_POS]!++;
      acc[b + ACC_SW_POS]! += w;
      acc[b + ACC_SW2_POS]! += w2;
    } else if (kind === KIND_NEGATIVE) {
      acc[b + ACC_N_NEG]!++;
      acc[b + ACC_SW_NEG]! += w;
    }
  }
}

/** Bring every cell's Tally objects up to date with its accumulators (cheap: once per cell, not per row). */
export function syncTallies(store: TallyStore): void {
  for (const cell of store.cells.values()) {
    if (!cell.dirty) continue;
    cell.tallies.forEach((t, k) => {
      const b = k * ACC_SUMS;
      t.n = cell.acc[b + ACC_N]!;
      t.nPos = cell.acc[b + ACC_N_POS]!;
      t.sw = cell.acc[b + ACC_SW]!;
      t.sw2 = cell.acc[b + ACC_SW2]!;
      t.swPos = cell.acc[b + ACC_SW_POS]!;
      t.sw2Pos = cell.acc[b + ACC_SW2_POS]!;
      t.nNeg = cell.acc[b + ACC_N_NEG]!;
      t.swNeg = cell.acc[b + ACC_SW_NEG]!;
      const reasons: Record<string, number> = {};
      const reasonOf = store.reasonOf[k] ?? [];
      for (let c = 0; c < CODES; c++) {
        const n = cell.codeCounts[k * CODES + c]!;
        if (n === 0) continue;
        const reason = reasonOf[c] ?? 'missing:unknown';
        reasons[reason] = (reasons[reason] ?? 0) + n;
      }
      t.reasons = reasons;
    });
    cell.dirty = false;
  }
}

/** Answers left out of the base, by item and reason, summed over every cell (for the accounting). */
export function answerReasons(store: TallyStore, itemIds: string[]): Record<string, Record<string, number>> {
  syncTallies(store);
  // keyed by item ids, which may be "constructor"
  const out: Record<string, Record<string, number>> = Object.create(null) as Record<string, Record<string, number>>;
  for (const cell of store.cells.values()) {
    cell.tallies.forEach((t, k) => {
      const id = itemIds[k] ?? String(k);
      const target = (out[id] ??= {});
      for (const [r, n] of Object.entries(t.reasons)) target[r] = (target[r] ?? 0) + n;
    });
  }
  return out;
}
