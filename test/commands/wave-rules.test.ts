import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson, runMain } from '../helpers/run-main.js';
import { csvText, HEADER, rowFields, waveRows } from '../helpers/survey-text.js';
import { tempInputs } from '../helpers/temp-inputs.js';

// Issue 12, "no silent wrong answer": each wave rule on its own small file, written here. Expected outcomes come
// from the rules (docs/refusals.md), not from running the tool.
const tmp = tempInputs();
const write = tmp.write;
const survey = (...blocks: string[][][]) => csvText([HEADER, ...blocks.flat()]);
const quiet = ['--indicators', 'NI2', '--by', 'all'];

describe('rule 1: wave order', () => {
  // Alphabetically "February 2009" < "Summer 2006"; by the year in each label Summer 2006 comes first.
  const dated = write('dated.csv', survey(waveRows('February 2009', 40, 'f'), waveRows('Summer 2006', 40, 's')));
  const seasons = write('seasons.csv', survey(waveRows('Spring', 40, 's'), waveRows('Autumn', 40, 'a')));

  it(
    'labels with years are ordered by year, never alphabetically; ' + 'the output opens with baseline → current',
    async () => {
      const r = await runMain(['compare', dated, ...quiet]);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe('Baseline: Summer 2006 → current: February 2009');
      const j = await runJson(['analyse', dated, ...quiet, '--format', 'json']);
      expect(j.json.waves).toEqual(['Summer 2006', 'February 2009']);
      expect(j.json.waveOrder).toEqual({ order: ['Summer 2006', 'February 2009'], basis: 'by the year in each label' });
      expect(j.json.comparisonDesign).toMatchObject({ from: 'Summer 2006', to: 'February 2009' });
      expect([...new Set(j.json.estimates.map((e: { wave: string }) => e.wave))]).toEqual([
        'Summer 2006',
        'February 2009',
      ]);
    },
  );

  it(
    'labels that give no order: ' + 'every comparing command refuses (2), asking for --wave-order or --from/--to',
    async () => {
      for (const cmd of ['compare', 'targets', 'analyse']) {
        const r = await runMain([cmd, seasons, ...quiet]);
        expect(r.code, cmd).toBe(2);
        expect(r.stderr).toContain('cannot tell the order of the waves `Spring`, `Autumn`');
        expect(r.stderr).toContain('--wave-order "Spring,Autumn"');
        expect(r.stdout).toBe('');
      }
      const report = await runMain(['report', seasons, '--format', 'md', '-o', join(tmp.dir, 'r.md')]);
      expect(report.code).toBe(2);
    },
  );

  it('analyse of one wave needs no order', async () => {
    const r = await runMain(['analyse', seasons, ...quiet, '--wave', 'Autumn']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wave Autumn');
  });

  it('--wave-order gives the order, and its first and last waves are the pair', async () => {
    const r = await runJson(['compare', seasons, ...quiet, '--wave-order', 'Autumn,Spring', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.json.comparisonDesign).toMatchObject({ from: 'Autumn', to: 'Spring' });
    const t = await runMain(['targets', seasons, ...quiet, '--wave-order', 'Spring, Autumn']);
    expect(t.code).toBe(0);
    expect(t.stdout.split('\n')[0]).toBe('Baseline: Spring → current: Autumn');
  });

  it('--from (or --to) alone orders two waves', async () => {
    const r = await runJson(['compare', seasons, ...quiet, '--from', 'Autumn', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.json.comparisonDesign).toMatchObject({ from: 'Autumn', to: 'Spring' });
  });

  it('--wave-order must name every wave present exactly once (2, listing the waves present)', async () => {
    for (const order of ['Spring', 'Spring,Autumn,Winter', 'Spring,Autumn,Spring']) {
      const r = await runMain(['compare', seasons, ...quiet, '--wave-order', order]);
      expect(r.code, order).toBe(2);
      expect(r.stderr).toContain('Waves present: `Spring`, `Autumn`');
    }
  });

  it('--from later than --to in the order is refused (2), for text labels too', async () => {
    const r = await runMain(['compare', dated, ...quiet, '--from', 'February 2009', '--to', 'Summer 2006']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from February 2009 comes after --to Summer 2006');
  });

  it('targets takes --from/--to; --baseline-wave is its alias, and the two disagreeing is refused (2)', async () => {
    const same = await runJson([
      'targets',
      dated,
      ...quiet,
      '--from',
      'Summer 2006',
      '--baseline-wave',
      'Summer 2006',
      '--format',
      'json',
    ]);
    expect(same.code).toBe(0);
    expect(same.json.targetDesign).toMatchObject({ baselineWave: 'Summer 2006', currentWave: 'February 2009' });
    const clash = await runMain(['targets', dated, ...quiet, '--to', 'February 2009', '--current-wave', 'Summer 2006']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('--current-wave is another name for --to');
  });
});

describe('rule 4: suspect waves', () => {
  // 150 rows of 2006 and of 2009, and one row labelled 06 on line 152 (header line 1, then 150 rows of 2006)
  const file = write(
    'stray.csv',
    survey(waveRows('2006', 150, 'a'), [rowFields({ id: 'x1', wave: '06' })], waveRows('2009', 150, 'b')),
  );

  it(
    'validate lists it as a warning naming its line and the nearest wave; ' + '--strict makes it an error (1)',
    async () => {
      const r = await runJson(['validate', file, '--format', 'json']);
      expect(r.code).toBe(0);
      const issue = r.json.issues.find((i: { reason: string }) => i.reason === 'suspect-wave');
      expect(issue).toMatchObject({ severity: 'warning', line: 152, value: '06' });
      expect(issue.message).toBe('wave `06` has 1 row (line 152); did you mean `2006`?');
      const strict = await runJson(['validate', file, '--format', 'json', '--strict']);
      expect(strict.code).toBe(1);
      expect(strict.json.issues.find((i: { reason: string }) => i.reason === 'suspect-wave').severity).toBe('error');
    },
  );

  it('is never the default baseline: comparing commands refuse (2) with the warning and the way out', async () => {
    // numerically 06 < 2006 < 2009, so the default pair would be 06 → 2009
    for (const cmd of ['compare', 'targets', 'analyse']) {
      const r = await runMain([cmd, file, ...quiet]);
      expect(r.code, cmd).toBe(2);
      expect(r.stderr).toContain('wave `06` has 1 row (line 152); did you mean `2006`?');
      expect(r.stderr).toContain('Fix the cell, or choose the waves with --from/--to');
    }
  });

  it('with --from/--to its rows still count and appear in the per-wave tables, marked', async () => {
    const r = await runJson(['analyse', file, ...quiet, '--from', '2006', '--to', '2009', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.json.accounting.analysed).toBe(301);
    expect(r.json.waves).toEqual(['06', '2006', '2009']);
    expect(r.json.suspectWaves).toEqual([
      {
        wave: '06',
        rows: 1,
        lines: [{ file, line: 152 }],
        nearest: '2006',
        message: 'wave `06` has 1 row (line 152); did you mean `2006`?',
      },
    ]);
    const text = await runMain(['analyse', file, ...quiet, '--from', '2006', '--to', '2009']);
    expect(text.stdout).toContain('Wave 06 [suspect wave: 1 row; 2006?]');
  });
});

describe('further guesses', () => {
  it('compare keeps the † of an indicative change (bases of 40, under the indicative 100)', async () => {
    // belong_neighbourhood 1 (very strongly: positive) or 4 (not at all strongly) in turn: 50% in both waves
    const mixed = (wave: string, prefix: string) =>
      Array.from({ length: 40 }, (_, i) =>
        rowFields({ id: `${prefix}${i}`, wave, items: { belong_neighbourhood: i % 2 ? '1' : '4' } }),
      );
    const file = write('small-waves.csv', survey(mixed('2006', 'a'), mixed('2009', 'b')));
    const j = await runJson(['compare', file, ...quiet, '--format', 'json']);
    expect(j.json.comparisons[0]).toMatchObject({ flag: 'indicative', p1: 50, p2: 50 });
    const r = await runMain(['compare', file, ...quiet]);
    // a change of exactly 0: unsigned, not significant, with its marker
    expect(r.stdout).toMatch(/ 0\.0 n\.s\.† /);
  });
});

describe('rule 8: option guesses', () => {
  const file = write('two.csv', survey(waveRows('2006', 40, 'a'), waveRows('2009', 40, 'b')));

  it('--by "" is refused (2); --by matches case-insensitively like --indicators', async () => {
    const empty = await runMain(['analyse', file, '--by', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--by needs at least one grouping');
    const r = await runJson(['analyse', file, '--by', 'Type,ALL', '--indicators', 'ni2', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.json.design.groupings).toEqual(['type', 'all']);
  });

  it('--wave naming a wave twice, or one not in the data, is refused (2) listing the waves present', async () => {
    const twice = await runMain(['analyse', file, ...quiet, '--wave', '2009,2009']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--wave names 2009 more than once');
    const absent = await runMain(['analyse', file, ...quiet, '--wave', '2009,2010']);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('--wave 2010: no such wave in the data (waves present: `2006`, `2009`)');
  });
});
