import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { loadSurvey } from '../../src/pipeline/load-survey.js';
import { inputRequestSchema as inputOptionsSchema } from '../../src/options/request.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { runMain } from '../helpers/run-main.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const io = () => {
  const err: string[] = [];
  return { io: { stdout: { write: () => true }, stderr: { write: (s: string) => err.push(s) }, env: {} }, err };
};

describe('loadSurvey', () => {
  it('reads the files into tallies and prints the accounting line on stderr', async () => {
    const { io: o, err } = io();
    const s = await loadSurvey(inputOptionsSchema.parse({ files: [fixture('bom-crlf.csv')] }), o);
    expect(s.accounting).toMatchObject({ read: 4, analysed: 4 });
    expect(s.usedSamples).toBe(false);
    expect(s.weights).toMatch(/^none/);
    expect([...s.store.cells.values()].reduce((n, c) => n + c.returns, 0)).toBe(4);
    expect(err.join('')).toContain('rows: 4 read, 4 analysed, 0 set aside');
  });

  it('the set-aside limit applies unless the caller only checks', async () => {
    const opts = inputOptionsSchema.parse({ files: [fixture('mixed-quirks.csv')] });
    await expect(loadSurvey(opts, io().io)).rejects.toThrow(DataError);
    const s = await loadSurvey(opts, io().io, { enforceSetAsideLimit: false });
    expect(s.accounting.read).toBe(11);
  });

  it('--rejects leaves no file, and no temporary, when the run stops on a fatal file', async () => {
    const dir = tempDir();
    const rejects = join(dir.dir, 'rejects.csv');
    await expect(
      loadSurvey(
        inputOptionsSchema.parse({ files: [fixture('mixed-quirks.csv'), fixture('empty.csv')], rejects }),
        io().io,
      ),
    ).rejects.toThrow('empty.csv');
    expect(readdirSync(dir.dir)).toEqual([]);
    dir.remove();
  });

  it('stdin is spooled to a temporary file that is removed afterwards', async () => {
    const spoolRoot = mkdtempSync(join(tmpdir(), 'sc-survey-spool-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = spoolRoot;
    try {
      const r = await runMain(['validate', '-'], { stdin: readFileSync(fixture('bom-crlf.csv'), 'utf8') });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('-: 4 rows');
      expect(readdirSync(spoolRoot)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(spoolRoot, { recursive: true, force: true });
    }
  });
});

describe('--weight naming a column that is not a weight', () => {
  it.each(['wave', 'Neighbourhood', 'respondent_id', 'sex', 'belong_neighbourhood', 'Q1'])(
    '--weight %s is a usage error (exit 2), not 2006/2009 used as weights',
    async (col) => {
      for (const cmd of ['analyse', 'validate']) {
        const r = await runMain([cmd, '--weight', col]);
        expect(r.code, `${cmd} --weight ${col}`).toBe(2);
        expect(r.stderr).toContain(`--weight ${col} names`);
      }
    },
  );
});
