import { parentPort, workerData } from 'node:worker_threads';
import type { Newline } from './byte-scanner.js';
import type { ByteRange } from './byte-scanner-split.js';
import { ingestRanges, type RangeJob, type RangeResult } from './range-ingest.js';

/**
 * A worker thread of parallel ingest. It starts (loading its modules) while the lead thread is still
 * finding the split points, then waits for its ranges, tallies them, and sends the sums back.
 */
parentPort?.once('message', (m: { ranges: ByteRange[]; newline: Newline | undefined }) => {
  ingestRanges(workerData as RangeJob, m.ranges, m.newline).then(
    (results) => {
      const transfer = (results ?? []).flatMap((r) => [r.hashes.buffer, ...r.cells.flatMap((c) => [c.acc.buffer, c.codeCounts.buffer])]);
      parentPort?.postMessage({ results } satisfies { results: RangeResult[] | undefined }, transfer as ArrayBuffer[]);
    },
    (err: unknown) => parentPort?.postMessage({ results: undefined, error: err instanceof Error ? err.message : String(err) }),
  );
});
