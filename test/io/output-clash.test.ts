import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findOutputClashes, findRepeatedInputs } from '../../src/io/output-clash.js';

const dir = mkdtempSync(path.join(tmpdir(), 'output-clash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

const input = at('wave.csv');
writeFileSync(input, 'respondent_id,wave\n1,2006\n');
const other = at('other.csv');
writeFileSync(other, 'respondent_id,wave\n1,2009\n');
const symlink = at('link.csv');
symlinkSync(input, symlink);
const hardLink = at('hard.csv');
linkSync(input, hardLink);
mkdirSync(at('sub'));
const dirLink = at('sub-link');
symlinkSync(at('sub'), dirLink);

const inputs = [{ option: 'input', path: input }];

describe('findOutputClashes', () => {
  it('refuses an output that is the input, naming both options and paths', () => {
    expect(findOutputClashes([{ option: '-o', path: input }], inputs)).toEqual([
      `-o ${input} would overwrite the input file ${input} (the same path); write -o somewhere else`,
    ]);
  });

  it('refuses another spelling of the input path', () => {
    const spelt = path.join(dir, 'sub', '..', 'wave.csv');
    expect(findOutputClashes([{ option: '--rejects', path: spelt }], inputs)).toHaveLength(1);
  });

  it('refuses a symlink to the input', () => {
    const r = findOutputClashes([{ option: '--rejects', path: symlink }], inputs);
    expect(r).toEqual([
      `--rejects ${symlink} would overwrite the input file ${input} (one a symlink to the other); ` +
        'write --rejects somewhere else',
    ]);
  });

  it('refuses a hard link to the input (same device and inode)', () => {
    const r = findOutputClashes([{ option: '-o', path: hardLink }], [{ option: '--margins', path: input }]);
    expect(r).toEqual([
      `-o ${hardLink} would overwrite the input --margins ${input} (hard links to one file); write -o somewhere else`,
    ]);
  });

  it('allows distinct files and outputs that do not exist yet', () => {
    expect(findOutputClashes([{ option: '-o', path: other }], inputs)).toEqual([]);
    expect(findOutputClashes([{ option: '-o', path: at('new.csv') }], inputs)).toEqual([]);
    expect(findOutputClashes([{ option: '-o', path: at('no-such-dir/new.csv') }], inputs)).toEqual([]);
  });

  it('never clashes on - (standard input and output)', () => {
    const r = findOutputClashes(
      [
        { option: '-o', path: '-' },
        { option: '--rejects', path: '-' },
      ],
      [{ option: 'input', path: '-' }],
    );
    expect(r).toEqual([]);
  });

  it('refuses two outputs that are one file, existing or not', () => {
    const fresh = at('out.csv');
    const r = findOutputClashes(
      [
        { option: '-o', path: fresh },
        { option: '--rejects', path: path.join(dirLink, '..', 'out.csv') },
      ],
      inputs,
    );
    expect(r).toHaveLength(1);
    expect(r[0]).toMatch(/^-o .*out\.csv and --rejects .*out\.csv are one file \(.*\); give each output its own path$/);
    const newInLinkedDir = findOutputClashes(
      [
        { option: '-o', path: at('sub/new.csv') },
        { option: '--rejects', path: path.join(dirLink, 'new.csv') },
      ],
      [],
    );
    expect(newInLinkedDir).toEqual([
      `-o ${at('sub/new.csv')} and --rejects ${path.join(dirLink, 'new.csv')} are one file (the same file); ` +
        'give each output its own path',
    ]);
  });

  it('reports every clash, outputs against inputs and against each other', () => {
    const r = findOutputClashes(
      [
        { option: '-o', path: input },
        { option: '--rejects', path: hardLink },
      ],
      inputs,
    );
    expect(r).toHaveLength(3); // -o is the input, --rejects is the input, -o and --rejects are one file
  });
});

describe('findRepeatedInputs', () => {
  it('refuses a survey file named twice, by the same path, a symlink or a hard link, once per file', () => {
    expect(findRepeatedInputs([input, other, input])).toEqual([
      `the input ${input} is given twice (${input}: the same path); its rows would count twice: name it once`,
    ]);
    expect(findRepeatedInputs([input, symlink])[0]).toContain('one a symlink to the other');
    expect(findRepeatedInputs([hardLink, input])[0]).toContain('hard links to one file');
    expect(findRepeatedInputs([input, input, input])).toHaveLength(1);
  });

  it('allows distinct files and standard input', () => {
    expect(findRepeatedInputs([input, other, '-'])).toEqual([]);
  });
});
