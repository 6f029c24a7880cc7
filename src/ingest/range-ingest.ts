import iconv from 'iconv-lite';
import { buildRegistry } from '../areas/area-registry.js';
import { addRow, cellSums, createTallyStore, type CellSums } from '../aggregate/tally-store.js';
import { compileCodebook } from '../codebook/compile-codebook.js';
import type { Codebook } from '../codebook/schema.js';
import type { Accounting, Area, Issue } from '../types.js';
import type { Newline } from './byte-scanner.js';
import { scanFile } from './byte-scanner-file.js';
import type { ByteRange } from './byte-scanner-split.js';
import type { EncodingInfo } from './detect-encoding.js';
import { createIdIndex } from './id-index.js';
import { createIssueLog } from './issue-log.js';
import type { PreparedFile } from './prepared-file.js';
import { createRowHandler } from './row-handler.js';
import type { Separator } from './sniff-separator.js';

/** Everything needed to ingest byte ranges of one file, as plain data (it crosses to worker threads). */
export interface RangeJob {
  path: string;
  label: string;
  info: EncodingInfo;
  separator: Separator;
  header: Omit<PreparedFile['header'], 'profiles' | 'items'> & { profiles: [string, number][]; items: number[] };
  codebook: Codebook;
  areas: Area[];
  profileKeys: string[];
  requiredProfiles: string[];
  assignWave: string | undefined;
  weightColumn: string | null;
  weightRequired: boolean;
  waves: string[] | undefined;
}

export interface RangeResult {
  read: number;
  accounting: Accounting;
  issues: Issue[];
  dropped: Record<string, number>;
  cells: CellSums[];
  /** first-seen (wave, respondent id) hashes in file order, as (h1, h2) pairs */
  hashes: Uint32Array;
}

/**
 * Ingest consecutive byte ranges of one file, in order, each into its own tallies: the sums of a range
 * do not depend on how ranges are shared among threads, so results are the same on any machine.
 * Returns undefined when the byte scanner is unsure anywhere (the caller then reads the file sequentially).
 */
export async function ingestRanges(job: RangeJob, ranges: ByteRange[], newline: Newline | undefined): Promise<RangeResult[] | undefined> {
  const compiled = compileCodebook(job.codebook);
  const { registry } = buildRegistry(job.areas, '');
  const header = { ...job.header, profiles: new Map(job.header.profiles), items: Int32Array.from(job.header.items) };
  const prepared: PreparedFile = { path: job.path, label: job.label, info: job.info, separator: job.separator, header };
  const options = {
    codebook: compiled, registry, weightColumn: job.weightColumn, weightRequired: job.weightRequired, requiredProfiles: job.requiredProfiles,
    ...(job.assignWave !== undefined ? { assignWave: job.assignWave } : {}),
    ...(job.waves ? { waves: new Set(job.waves) } : {}),
  };
  const decode =
    job.info.encoding === 'windows-1252'
      ? (b: Uint8Array, s: number, e: number) => iconv.decode(Buffer.from(b.buffer, b.byteOffset + s, e - s), 'win1252')
      : undefined;
  const ids = createIdIndex(1 << 12, true);
  const out: RangeResult[] = [];
  for (const range of ranges) {
    const log = createIssueLog();
    const store = createTallyStore(compiled.items.length, job.profileKeys);
    const before = ids.size();
    const { handle, state } = createRowHandler(prepared, options, (row) => addRow(store, compiled, row), log, ids, range.start === 0);
    const scanned = await scanFile(job.path, { separator: job.separator.charCodeAt(0), onRecord: handle, ...(newline ? { newline } : {}), ...(decode ? { decode } : {}) }, range);
    if (scanned.fallback) return undefined;
    out.push({
      read: state.read, accounting: log.accounting, issues: log.issues, dropped: log.dropped, cells: cellSums(store),
      hashes: ids.recorded().slice(2 * before),
    });
  }
  return out;
}
