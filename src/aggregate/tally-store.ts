import { CLASS_EXCLUDED, CLASS_MISSING, CLASS_POSITIVE, CODE_OFFSET, type CompiledCodebook } from '../codebook/compile-codebook.js';
import { emptyTally } from '../estimate/merge-tallies.js';
import type { SurveyRow, Tally } from '../types.js';

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
  tallies: Tally[];
}

export interface TallyStore {
  itemCount: number;
  /** profile columns in the cell key (for --by age_band, or raking cells) */
  profileKeys: string[];
  cells: Map<string, TallyCell>;
  /** wave → area → cell, a lookup that needs no key string when there are no profile keys */
  byWaveArea: Map<string, Map<string, TallyCell>>;
}

export function createTallyStore(itemCount: number, profileKeys: string[] = []): TallyStore {
  return { itemCount, profileKeys, cells: new Map(), byWaveArea: new Map() };
}

/**
 * Add one row to its cell. The single streaming pass: memory grows with cells, never with rows.
 * Missing and excluded answers are counted by reason and stay out of the base.
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
    cell = {
      wave: row.wave,
      area: row.area,
      profile: store.profileKeys.map((p) => row.profile[p] ?? ''),
      returns: 0,
      sumW: 0,
      sumW2: 0,
      minW: Infinity,
      maxW: -Infinity,
      tallies: Array.from({ length: store.itemCount }, emptyTally),
    };
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
  const items = codebook.items;
  for (let k = 0; k < items.length; k++) {
    const code = row.codes[k] ?? 0;
    if (code === 0) continue; // the item is not in this file
    const ci = items[k]!;
    const cls = ci.classOf[code + CODE_OFFSET];
    const t = cell.tallies[k]!;
    if (cls === CLASS_MISSING || cls === CLASS_EXCLUDED) {
      const reason = ci.reasonOf[code + CODE_OFFSET] ?? 'missing:unknown';
      t.reasons[reason] = (t.reasons[reason] ?? 0) + 1;
      continue;
    }
    t.n++;
    t.sw += w;
    t.sw2 += w2;
    if (cls === CLASS_POSITIVE) {
      t.nPos++;
      t.swPos += w;
      t.sw2Pos += w2;
    }
  }
}

/** Answers left out of the base, by item and reason, summed over every cell (for the accounting). */
export function answerReasons(store: TallyStore, itemIds: string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const cell of store.cells.values()) {
    cell.tallies.forEach((t, k) => {
      const id = itemIds[k] ?? String(k);
      const target = (out[id] ??= {});
      for (const [r, n] of Object.entries(t.reasons)) target[r] = (target[r] ?? 0) + n;
    });
  }
  return out;
}
