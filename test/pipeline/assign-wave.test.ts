import { describe, expect, it } from 'vitest';
import { parseAssignWave, resolveAssignWaves, type AssignWaveInput } from '../../src/pipeline/assign-wave.js';

/** A stand-in for fs.realpathSync: known paths resolve, others throw as a missing file does. */
function resolver(links: Record<string, string>): (p: string) => string {
  return (p) => {
    const real = links[p];
    if (real === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    return real;
  };
}

const realpath = resolver({
  'data/2006.csv': '/srv/data/2006.csv',
  './data/2006.csv': '/srv/data/2006.csv',
  'latest.csv': '/srv/data/2009.csv', // a symlink
  'data/2009.csv': '/srv/data/2009.csv',
  'other/2009.csv': '/srv/other/2009.csv',
  'data/both.csv': '/srv/data/both.csv',
});
const waveless = (path: string): AssignWaveInput => ({ path, hasWaveColumn: false });
const withWave = (path: string): AssignWaveInput => ({ path, hasWaveColumn: true });
const entries = (m: Map<string, string>) => [...m.entries()];

describe('parseAssignWave', () => {
  it('reads a bare wave', () => {
    expect(parseAssignWave('2006')).toEqual({ value: '2006', file: null, wave: '2006' });
  });

  it('splits a per-file value at the last =', () => {
    expect(parseAssignWave('C:\\data\\a=b.csv=2006')).toEqual({
      value: 'C:\\data\\a=b.csv=2006',
      file: 'C:\\data\\a=b.csv',
      wave: '2006',
    });
    expect(parseAssignWave(' a.csv = Summer 2009 ')).toMatchObject({ file: 'a.csv', wave: 'Summer 2009' });
  });
});

describe('resolveAssignWaves', () => {
  it('gives a bare wave to the one input without a wave column', () => {
    const r = resolveAssignWaves(['2006'], [waveless('data/2006.csv'), withWave('data/both.csv')], realpath);
    expect(r.refusals).toEqual([]);
    expect(entries(r.waves)).toEqual([['data/2006.csv', '2006']]);
    expect(r.unassigned).toEqual([]);
  });

  it('matches per-file values by real path: another spelling of the path, or a symlink', () => {
    const inputs = [waveless('data/2006.csv'), waveless('data/2009.csv')];
    const r = resolveAssignWaves(['./data/2006.csv=2006', 'latest.csv=2009'], inputs, realpath);
    expect(r.refusals).toEqual([]);
    expect(entries(r.waves)).toEqual([
      ['data/2006.csv', '2006'],
      ['data/2009.csv', '2009'],
    ]);
  });

  it("matches a bare file name that is exactly one input's base name", () => {
    const r = resolveAssignWaves(['2006.csv=2006'], [waveless('data/2006.csv'), waveless('data/2009.csv')], realpath);
    expect(entries(r.waves)).toEqual([['data/2006.csv', '2006']]);
    expect(r.unassigned).toEqual(['data/2009.csv']);
  });

  it('matches a Windows path holding = by the last =, and its base name', () => {
    const win = 'C:\\data\\a=b.csv';
    const byPath = resolveAssignWaves([`${win}=2006`], [waveless(win)], resolver({ [win]: win }));
    expect(entries(byPath.waves)).toEqual([[win, '2006']]);
    const byName = resolveAssignWaves(['a=b.csv=2006'], [waveless(win)], resolver({ [win]: win }));
    expect(entries(byName.waves)).toEqual([[win, '2006']]);
  });

  it('takes - as standard input', () => {
    const r = resolveAssignWaves(
      ['-=2009', 'data/2006.csv=2006'],
      [waveless('-'), waveless('data/2006.csv')],
      realpath,
    );
    expect(r.refusals).toEqual([]);
    expect(r.waves.get('-')).toBe('2009');
    expect(resolveAssignWaves(['-=2009'], [waveless('data/2006.csv')], realpath).refusals).toEqual([
      '--assign-wave "-=2009": `-` (standard input) is not one of the inputs',
    ]);
  });

  it('refuses an assignment that matches no input, listing the inputs', () => {
    const r = resolveAssignWaves(['data/2012.csv=2012'], [waveless('data/2006.csv')], realpath);
    expect(r.refusals).toEqual([
      '--assign-wave "data/2012.csv=2012": `data/2012.csv` is not one of the inputs (data/2006.csv)',
    ]);
    expect(r.waves.size).toBe(0);
  });

  it('refuses a base name shared by several inputs', () => {
    const r = resolveAssignWaves(['2009.csv=2009'], [waveless('data/2009.csv'), waveless('other/2009.csv')], realpath);
    expect(r.refusals[0]).toContain('`2009.csv` is the name of several inputs (data/2009.csv, other/2009.csv)');
  });

  it('refuses an assignment to an input with its own wave column', () => {
    const r = resolveAssignWaves(['data/both.csv=2006'], [withWave('data/both.csv')], realpath);
    expect(r.refusals).toEqual([
      '--assign-wave "data/both.csv=2006": data/both.csv has its own wave column; drop the assignment',
    ]);
    expect(resolveAssignWaves(['2006'], [withWave('data/both.csv')], realpath).refusals[0]).toContain(
      'every input has its own wave column',
    );
  });

  it('refuses a bare wave while several inputs lack a wave column, showing the per-file form', () => {
    const r = resolveAssignWaves(['2006'], [waveless('data/2006.csv'), waveless('data/2009.csv')], realpath);
    expect(r.refusals).toHaveLength(1);
    expect(r.refusals[0]).toContain('would give 2 files without a wave column the same wave');
    expect(r.refusals[0]).toContain('--assign-wave "data/2006.csv=<wave>" --assign-wave "data/2009.csv=<wave>"');
    expect(r.waves.size).toBe(0);
  });

  it('refuses a bare value with a comma, showing the per-file form', () => {
    const r = resolveAssignWaves(['2006,2009'], [waveless('data/2006.csv'), waveless('data/2009.csv')], realpath);
    expect(r.refusals).toHaveLength(1);
    expect(r.refusals[0]).toContain(
      '"2006,2009" gives several waves; give one per file: --assign-wave "data/2006.csv=2006"',
    );
  });

  it("refuses a bare value that is an input's name (the =<wave> forgotten)", () => {
    const r = resolveAssignWaves(['2006.csv'], [waveless('data/2006.csv')], realpath);
    expect(r.refusals).toEqual([
      '--assign-wave "2006.csv" names an input, not a wave; give its wave: --assign-wave "2006.csv=<wave>"',
    ]);
  });

  it('refuses the same file assigned twice, even under another spelling or with the same wave', () => {
    const inputs = [waveless('data/2009.csv')];
    const r = resolveAssignWaves(['data/2009.csv=2009', 'latest.csv=2009'], inputs, realpath);
    expect(r.refusals).toEqual(['--assign-wave "latest.csv=2009": data/2009.csv is already assigned wave `2009`']);
  });

  it('refuses two bare waves, a blank wave, a blank file and a per-file wave with a comma', () => {
    const inputs = [waveless('data/2006.csv')];
    expect(resolveAssignWaves(['2006', '2009'], inputs, realpath).refusals[0]).toContain(
      '2 bare waves ("2006", "2009")',
    );
    expect(resolveAssignWaves(['data/2006.csv='], inputs, realpath).refusals).toEqual([
      '--assign-wave "data/2006.csv=" names no wave',
    ]);
    expect(resolveAssignWaves(['=2006'], inputs, realpath).refusals).toEqual([
      '--assign-wave "=2006" names no file before the `=`',
    ]);
    expect(resolveAssignWaves(['data/2006.csv=2006,2009'], inputs, realpath).refusals[0]).toContain(
      'must not contain a comma',
    );
  });

  it('lists inputs left without a wave, without refusing (the header check reports them)', () => {
    const r = resolveAssignWaves([], [waveless('data/2006.csv'), withWave('data/both.csv')], realpath);
    expect(r).toEqual({ waves: new Map(), unassigned: ['data/2006.csv'], refusals: [] });
  });
});
