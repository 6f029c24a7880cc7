import { linkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { preflight } from '../../src/pipeline/preflight.js';
import { tempDir } from '../helpers/fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const input = join(tmp.dir, 'in.csv');
writeFileSync(input, 'wave\n2009\n');
const base = { files: [input], samples: false, codebook: 'leicestershire' };
const noCi = { env: {} };

describe('preflight', () => {
  it('passes outputs that are new files, and standard output', () => {
    expect(() => preflight(base, noCi, join(tmp.dir, 'out.json'))).not.toThrow();
    expect(() => preflight(base, noCi, '-')).not.toThrow();
    expect(() => preflight(base, noCi, undefined)).not.toThrow();
  });

  it('refuses -o that is an input by path, symlink or hard link', () => {
    const sym = join(tmp.dir, 'sym.csv');
    symlinkSync(input, sym);
    const hard = join(tmp.dir, 'hard.csv');
    linkSync(input, hard);
    expect(() => preflight(base, noCi, input)).toThrow('(the same path)');
    expect(() => preflight(base, noCi, sym)).toThrow('(one a symlink to the other)');
    expect(() => preflight(base, noCi, hard)).toThrow('(hard links to one file)');
  });

  it('refuses an output over a side file or the bundled registry, and two outputs that are one file', () => {
    const targets = join(tmp.dir, 't.csv');
    writeFileSync(targets, 'indicator,group,baseline\n');
    expect(() => preflight({ ...base, targets }, noCi, targets)).toThrow(
      `would overwrite the input --targets ${targets}`,
    );
    expect(() => preflight({ ...base, rejects: targets, targets }, noCi, undefined)).toThrow('--rejects');
    expect(() => preflight(base, noCi, join(import.meta.dirname, '../../data/areas.csv'))).toThrow('--areas');
    const out = join(tmp.dir, 'o.csv');
    expect(() => preflight({ ...base, rejects: out }, noCi, out)).toThrow('are one file');
  });

  it('refuses no files under CI unless --samples', () => {
    const none = { ...base, files: [] };
    expect(() => preflight(none, { env: { CI: 'true' } }, undefined)).toThrow('no input files');
    expect(() => preflight({ ...none, samples: true }, { env: { CI: 'true' } }, undefined)).not.toThrow();
    expect(() => preflight(none, { env: { CI: 'false' } }, undefined)).not.toThrow();
  });
});
