import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAreas } from '../../src/areas/load-areas.js';
import { loadCodebook } from '../../src/codebook/load-codebook.js';
import { parseTargetsFile } from '../../src/compare/parse-targets-file.js';
import { runMain } from '../helpers/run-main.js';

const dir = mkdtempSync(join(tmpdir(), 'sc-side-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const { codebook } = loadCodebook('leicestershire');

describe('side files name the physical line of a bad row', () => {
  it('area registry: a bad row on line 4, after a blank line 3, is reported as line 4', () => {
    const p = file(
      'areas.csv',
      'code,name,aliases,district,type,type_source\nA1,Alpha,,Blaby,rural,x\n\nA2,,,Blaby,rural,x\n',
    );
    expect(() => loadAreas(p)).toThrow(`${p}:4: name: name is blank`);
  });

  it('targets file: the same', () => {
    const text = 'indicator,group,baseline\nNI2,all,70\n\nNI9,all,70\n';
    expect(() => parseTargetsFile(text, 't.csv', codebook)).toThrow('t.csv:4: unknown indicator "NI9"');
  });
});

describe('side files are read before the survey', () => {
  it('a mistyped --targets fails (exit 2) without reading the survey files', async () => {
    // the survey file does not exist: had it been read first, the error would name it
    const r = await runMain([
      'targets',
      join(dir, 'no-such-survey.csv'),
      '--targets',
      join(dir, 'no-such-targets.csv'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read the targets file .*no-such-targets\.csv/);
    expect(r.stderr).not.toMatch(/no-such-survey/);
  });

  it('--margins without --rake is a usage error, not silently ignored', async () => {
    const r = await runMain(['analyse', '--margins', 'data/margins/leicestershire-areas.csv', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--margins needs --rake/);
  });
});
