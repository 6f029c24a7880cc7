import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCodebook, parseCodebook } from '../../src/codebook/load-codebook.js';
import { DataError, UsageError } from '../../src/errors.js';
import { codebookJson } from '../helpers/codebook.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { runMain } from '../helpers/run-main.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

function badCodebook(): string {
  const cb = codebookJson();
  const i = cb.items.findIndex((it: any) => it.id === 'trust_general');
  cb.items[i].positive = [1, 9];
  const p = join(tmp.dir, 'bad.json');
  writeFileSync(p, JSON.stringify(cb));
  return p;
}

describe('loadCodebook', () => {
  it('loads the bundled codebook by name: 17 items', () => {
    const { codebook } = loadCodebook('leicestershire');
    expect(codebook.name).toBe('leicestershire');
    expect(codebook.items).toHaveLength(17);
  });

  it('an invalid codebook is a DataError naming the file and the JSON path', () => {
    const p = badCodebook();
    const i = codebookJson().items.findIndex((it: any) => it.id === 'trust_general');
    expect(() => loadCodebook(p)).toThrow(DataError);
    expect(() => loadCodebook(p)).toThrow(`items[${i}].positive[1]: positive code 9 is not on scale "trust_gen"`);
    expect(() => loadCodebook(p)).toThrow(p);
  });

  it('a file that is not JSON is a DataError; a missing one a UsageError', () => {
    const p = join(tmp.dir, 'notjson.json');
    writeFileSync(p, '{ "name": ');
    expect(() => loadCodebook(p)).toThrow(DataError);
    expect(() => loadCodebook(join(tmp.dir, 'nowhere.json'))).toThrow(UsageError);
    expect(() => loadCodebook('no-such-codebook')).toThrow(UsageError);
  });

  it('parseCodebook reports a root problem as (root)', () => {
    expect(() => parseCodebook(42, 'x.json')).toThrow(/\(root\)/);
  });
});

describe('--codebook through main', () => {
  // validate puts a fatal problem in its report (stdout); the others print it on stderr.
  it('exits 1 with the JSON path and no stack trace', async () => {
    const p = badCodebook();
    for (const argv of [
      ['indicators', '--codebook', p],
      ['validate', fixture('bom-crlf.csv'), '--codebook', p],
      ['analyse', fixture('bom-crlf.csv'), '--codebook', p],
    ]) {
      const r = await runMain(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      const text = r.stdout + r.stderr;
      expect(text).toContain('positive[1]: positive code 9 is not on scale "trust_gen"');
      expect(text).not.toMatch(/\n\s+at /);
    }
  });
});
