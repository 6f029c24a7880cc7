import { join } from 'node:path';
import { addRow, createTallyStore, syncTallies } from '../../src/aggregate/tally-store.js';
import { emptyTally } from '../../src/aggregate/tally.js';
import type { Tally } from '../../src/types/index.js';
import { bundledAreas, bundledCodebook } from './codebook.js';
import { ROOT } from './fixtures.js';
import { ingest } from './ingest.js';

export interface SampleAreaTally {
  area: string;
  type: string;
  tally: Tally;
}

/**
 * Per-neighbourhood tallies of one item in one wave of a bundled sample file (data/samples/), read by the
 * project's own ingest and tally store, with each area's type from the bundled registry. The samples have no
 * weight column, so every weight is 1: n, nPos are the counts R is given (expanded to 0/1 rows).
 * Areas in registry order; an area with no rows in the wave gets an empty tally.
 */
export async function sampleAreaTallies(file: string, wave: string, itemId: string): Promise<SampleAreaTally[]> {
  const { codebook, compiled } = bundledCodebook();
  const k = codebook.items.findIndex((it) => it.id === itemId);
  if (k < 0) throw new Error(`no item ${itemId}`);
  const { rows } = await ingest([join(ROOT, 'data', 'samples', file)]);
  const store = createTallyStore(compiled.items.length);
  for (const row of rows) if (row.wave === wave) addRow(store, compiled, row);
  syncTallies(store);
  const byArea = store.byWaveArea.get(wave) ?? new Map();
  return bundledAreas().areas.map((a) => {
    const t = byArea.get(a.code)?.tallies[k];
    const tally: Tally = t ? { ...t, reasons: { ...t.reasons } } : emptyTally();
    return { area: a.code, type: a.type, tally };
  });
}
