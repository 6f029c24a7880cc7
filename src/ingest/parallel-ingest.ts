import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { mergeCellSums, type TallyStore } from '../aggregate/tally-store.js';
import type { CompiledCodebook } from '../codebook/compile-codebook.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Accounting } from '../types.js';
import { splitFileRanges, type ByteRange } from './byte-scanner-split.js';
import type { Newline } from './byte-scanner.js';
import { createIdIndex, type IdIndex } from './id-index.js';
import type { IssueLog } from './issue-log.js';
import type { PreparedFile } from './prepared-file.js';
import { ingestRanges, type RangeJob, type RangeResult } from './range-ingest.js';

export interface ParallelContext {
  threads: number;
  store: TallyStore;
  codebook: CompiledCodebook;
  log: IssueLog;
  ids: IdIndex;
  options: Pick<RangeJob, 'areas' | 'profileKeys' | 'requiredProfiles' | 'assignWave' | 'weightColumn' | 'weightRequired' | 'waves'>;
}

/** Blocks of about this size: fixed, so the summation order, hence every digit, is the same on any machine. */
export const BLOCK_BYTES = 8 * 1024 * 1024;

/** The bundled worker when built, else tsc's (tests run from src/ and need one or the other). */
const WORKER = [join(PACKAGE_ROOT, 'dist', 'bundle', 'ingest', 'ingest-worker.js'), join(PACKAGE_ROOT, 'dist', 'ingest', 'ingest-worker.js')].find((p) => existsSync(p)) ?? '';

/**
 * Ingest one large file in blocks, on up to `threads` worker threads: split it at quote-safe record
 * starts, let each worker scan, validate and tally a run of consecutive blocks, then merge the block
 * tallies in file order (tallies merge by addition, so this adds no arithmetic). Returns the rows read,
 * or undefined when the file must be read sequentially after all: the scanner was unsure somewhere, or a
 * respondent id recurs across blocks of different workers (the first row in file order must win).
 * Nothing is merged until every check has passed, so a fallback starts from a clean state.
 */
export async function ingestInParallel(p: PreparedFile, ctx: ParallelContext): Promise<number | undefined> {
  const blocks = Math.max(2, Math.ceil(p.info.size / BLOCK_BYTES));
  const job: RangeJob = {
    path: p.path, label: p.label, info: p.info, separator: p.separator, codebook: ctx.codebook.codebook,
    header: { ...p.header, profiles: [...p.header.profiles], items: [...p.header.items] }, ...ctx.options,
  };
  const workers = ctx.threads >= 2 ? Array.from({ length: ctx.threads }, () => new Worker(WORKER, { workerData: job })) : [];
  try {
    const split = await splitFileRanges(p.path, blocks);
    const results = workers.length
      ? await runOnWorkers(workers, shares(split.ranges, workers.length), split.newline)
      : await ingestRanges(job, split.ranges, split.newline);
    if (!results || idsRecurAcrossBlocks(results, ctx.ids)) return undefined;
    for (const r of results) {
      for (let i = 0; i < r.hashes.length; i += 2) ctx.ids.seenHash(r.hashes[i]!, r.hashes[i + 1]!);
      mergeAccounting(ctx.log.accounting, r.accounting);
      for (const issue of r.issues) ctx.log.add(issue);
      for (const [reason, n] of Object.entries(r.dropped)) ctx.log.dropped[reason] = (ctx.log.dropped[reason] ?? 0) + n;
      for (const c of r.cells) mergeCellSums(ctx.store, ctx.codebook, c);
    }
    return results.reduce((s, r) => s + r.read, 0);
  } finally {
    for (const w of workers) void w.terminate();
  }
}

/** Consecutive runs of blocks, one per worker, as even as the blocks allow. */
function shares(ranges: ByteRange[], n: number): ByteRange[][] {
  const out: ByteRange[][] = Array.from({ length: Math.min(n, ranges.length) }, () => []);
  ranges.forEach((r, i) => out[Math.floor((i * out.length) / ranges.length)]!.push(r));
  return out;
}

async function runOnWorkers(workers: Worker[], work: ByteRange[][], newline: Newline | undefined): Promise<RangeResult[] | undefined> {
  const parts = await Promise.all(
    workers.map(
      (w, i) =>
        new Promise<RangeResult[] | undefined>((resolve) => {
          if (!work[i]?.length) return resolve([]);
          w.once('message', (m: { results: RangeResult[] | undefined }) => resolve(m.results));
          w.once('error', () => resolve(undefined));
          w.postMessage({ ranges: work[i], newline });
        }),
    ),
  );
  return parts.some((p) => p === undefined) ? undefined : parts.flatMap((p) => p ?? []);
}

/**
 * Does a respondent id first seen in one block also occur in an earlier block or an earlier file? Within a
 * worker the index spans its blocks, so only ids shared across workers or files get here.
 */
function idsRecurAcrossBlocks(results: RangeResult[], earlier: IdIndex): boolean {
  const inFile = createIdIndex();
  for (const { hashes: h } of results) {
    for (let i = 0; i < h.length; i += 2) if (earlier.has(h[i]!, h[i + 1]!) || inFile.has(h[i]!, h[i + 1]!)) return true;
    for (let i = 0; i < h.length; i += 2) inFile.seenHash(h[i]!, h[i + 1]!);
  }
  return false;
}

function mergeAccounting(into: Accounting, from: Accounting): void {
  into.read += from.read;
  into.analysed += from.analysed;
  for (const [k, n] of Object.entries(from.setAside)) into.setAside[k] = (into.setAside[k] ?? 0) + n;
  for (const [k, n] of Object.entries(from.cellIssues)) into.cellIssues[k] = (into.cellIssues[k] ?? 0) + n;
}
