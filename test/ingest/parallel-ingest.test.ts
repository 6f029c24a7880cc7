import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/built-cli.js';
import { fixture, ROOT, tempDir } from '../helpers/fixtures.js';
import { runMain } from '../helpers/run-main.js';

// The parallel path runs its workers from dist/, so the build must be current.
beforeAll(() => ensureBuilt());
const tmp = tempDir();
afterAll(() => tmp.remove());

/** Force the block/worker path on small files: every file counts as large. */
const PARALLEL = { SC_SURVEY_PARALLEL_MIN_BYTES: '0', SC_SURVEY_THREADS: '2' };
const SEQUENTIAL = { SC_SURVEY_PARALLEL_MIN_BYTES: '1e15' };

async function both(args: string[]) {
  const par = await runMain(args, { env: PARALLEL });
  const seq = await runMain(args, { env: SEQUENTIAL });
  return { par, seq };
}

/** Sums added in another order may differ in the last bits; anything more is a bug. */
function expectSameEstimates(a: string, b: string) {
  const x = JSON.parse(a);
  const y = JSON.parse(b);
  expect(x.accounting).toEqual(y.accounting);
  expect(x.estimates.length).toBe(y.estimates.length);
  x.estimates.forEach((e: Record<string, unknown>, i: number) => {
    const f = y.estimates[i] as Record<string, unknown>;
    for (const [k, v] of Object.entries(e)) {
      if (typeof v === 'number') expect(v).toBeCloseTo(f[k] as number, 9);
      else expect(v).toEqual(f[k]);
    }
  });
}

describe('parallel ingest gives what sequential ingest gives', () => {
  it.each(['paper-2009.csv', 'mixed-quirks.csv', 'windows-1252.csv', 'quoted-newline.csv', 'bad-weight.csv', 'semicolon.csv'])(
    'validate %s: same accounting and the same issues at the same lines',
    async (name) => {
      const { par, seq } = await both(['validate', fixture(name), '--format', 'json', '--max-issues', '1000']);
      expect(par.code).toBe(seq.code);
      expect(JSON.parse(par.stdout)).toEqual(JSON.parse(seq.stdout));
    },
  );

  it('analyse on both sample waves, every grouping', async () => {
    const args = ['analyse', join(ROOT, 'data/samples/wave-2006.csv'), join(ROOT, 'data/samples/wave-2009.csv'), '--by', 'all,type,district,neighbourhood,sex', '--format', 'json'];
    const { par, seq } = await both(args);
    expect(par.code).toBe(0);
    expectSameEstimates(par.stdout, seq.stdout);
  });

  it('the same output whatever the number of threads (fixed blocks, merged in file order)', async () => {
    const args = ['analyse', join(ROOT, 'data/samples/wave-2009.csv'), '--format', 'json'];
    const one = await runMain(args, { env: { ...PARALLEL, SC_SURVEY_THREADS: '1' } });
    const two = await runMain(args, { env: PARALLEL });
    const three = await runMain(args, { env: { ...PARALLEL, SC_SURVEY_THREADS: '3' } });
    expect(two.stdout).toBe(one.stdout);
    expect(three.stdout).toBe(one.stdout);
  });

  it('a respondent id in both halves of a file: the first row is kept, as sequentially', async () => {
    const lines = readFileSync(join(ROOT, 'data/samples/wave-2009.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0]!;
    const first = lines[1]!;
    // the first data row again as the last row: a duplicate that only the other half can see
    const path = join(tmp.dir, 'dup-across-halves.csv');
    writeFileSync(path, `${[header, ...lines.slice(1), first].join('\n')}\n`);
    const { par, seq } = await both(['validate', path, '--format', 'json']);
    expect(JSON.parse(par.stdout)).toEqual(JSON.parse(seq.stdout));
    expect(JSON.parse(par.stdout).accounting.setAside).toEqual({ 'duplicate-id': 1 });
    expect(JSON.parse(par.stdout).issues[0].line).toBe(lines.length + 1);
  });
});
