import { linkSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson, runMain } from '../helpers/run-main.js';
import { csvText, HEADER, waveRows } from '../helpers/survey-text.js';
import { tempInputs } from '../helpers/temp-inputs.js';

// Issue 12, "no silent wrong answer": rules 2, 3, 5, 6 and 7, each on its own small input written here. Expected
// outcomes come from the rules (docs/refusals.md), not from running the tool.
const tmp = tempInputs();
const write = tmp.write;
const WAVE = HEADER.indexOf('wave');
const withoutWave = (r: string[]) => r.filter((_, i) => i !== WAVE);
const quiet = ['--indicators', 'NI2', '--by', 'all'];

describe('rule 2: --assign-wave per file', () => {
  const a = write('a.csv', csvText([withoutWave(HEADER), ...waveRows('x', 40, 'a').map(withoutWave)]));
  const b = write('b=2.csv', csvText([withoutWave(HEADER), ...waveRows('x', 40, 'b').map(withoutWave)]));

  it('each file gets its own wave (split at the last =, so a file name may hold one)', async () => {
    const r = await runJson([
      'compare',
      a,
      b,
      ...quiet,
      '--assign-wave',
      `${a}=2006`,
      '--assign-wave',
      'b=2.csv=2009',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(r.json.comparisonDesign).toMatchObject({ from: '2006', to: '2009' });
    expect(r.json.accounting).toMatchObject({ read: 80, analysed: 80 });
  });

  it('a bare wave for two files without a wave column is refused (2) before any row is read', async () => {
    const r = await runMain(['analyse', a, b, ...quiet, '--assign-wave', '2009']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('would give 2 files without a wave column the same wave');
    expect(r.stderr).toContain(`--assign-wave "${a}=<wave>"`);
    expect(r.stderr).not.toContain('rows:');
    expect(r.stdout).toBe('');
  });

  it("a bare wave for the one file without a wave column is that file's wave", async () => {
    const withWave = write('w.csv', csvText([HEADER, ...waveRows('2009', 40, 'w')]));
    const r = await runJson(['compare', a, withWave, ...quiet, '--assign-wave', '2006', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.json.comparisonDesign).toMatchObject({ from: '2006', to: '2009' });
  });

  it('an assignment naming no input is refused (2)', async () => {
    const r = await runMain(['analyse', a, ...quiet, '--assign-wave', 'c.csv=2006']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`c.csv` is not one of the inputs');
  });
});

describe('rule 3: never write over an input', () => {
  const text = csvText([HEADER, ...waveRows('2009', 40, 'a')]);
  const input = write('in.csv', text);
  const unchanged = () => expect(readFileSync(input, 'utf8')).toBe(text);

  it(
    '-o naming the input, a symlink to it or a hard link to it is refused (2), ' + 'and the input is untouched',
    async () => {
      const sym = join(tmp.dir, 'sym.csv');
      symlinkSync(input, sym);
      const hard = join(tmp.dir, 'hard.csv');
      linkSync(input, hard);
      for (const [out, how] of [
        [input, 'the same path'],
        [sym, 'one a symlink to the other'],
        [hard, 'hard links to one file'],
      ] as const) {
        const r = await runMain(['analyse', input, ...quiet, '-o', out]);
        expect(r.code, how).toBe(2);
        expect(r.stderr).toContain(`would overwrite the input file ${input} (${how})`);
        expect(r.stderr).not.toContain('rows:');
        unchanged();
      }
    },
  );

  it('--rejects naming a side file, and two outputs naming one file, are refused (2)', async () => {
    const areas = write('areas.csv', readFileSync(join(import.meta.dirname, '../../data/areas.csv'), 'utf8'));
    const side = await runMain(['validate', input, '--areas', areas, '--rejects', areas]);
    expect(side.code).toBe(2);
    expect(side.stderr).toContain(`--rejects ${areas} would overwrite the input --areas ${areas}`);
    const out = join(tmp.dir, 'out.json');
    const both = await runMain(['analyse', input, ...quiet, '-o', out, '--rejects', out]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('are one file (the same path)');
  });

  it('weight -o naming the margins file is refused (2)', async () => {
    const margins = write(
      'margins.csv',
      readFileSync(join(import.meta.dirname, '../../data/margins/leicestershire-areas.csv'), 'utf8'),
    );
    const r = await runMain(['weight', input, '--rake', 'age_band,sex', '--margins', margins, '-o', margins]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`-o ${margins} would overwrite the input --margins ${margins}`);
  });
});

describe('rule 5: --fail-on-no-verdict', () => {
  // BL-BRA has data; CH-WOL has none, so its published-baseline row has no verdict
  const survey = write('one.csv', csvText([HEADER, ...waveRows('2009', 40, 'a')]));
  const targets = write('targets.csv', 'indicator,group,baseline\nNI2,BL-BRA,60\nNI2,CH-WOL,60\n');

  it('exits 3 when a reported target row has no verdict; 0 without the flag; --strict does not imply it', async () => {
    for (const cmd of ['targets', 'analyse']) {
      const r = await runMain([cmd, survey, ...quiet, '--targets', targets, '--fail-on-no-verdict']);
      expect(r.code, cmd).toBe(3);
      expect(r.stderr).toContain('--fail-on-no-verdict: 1 of 2 target rows have no verdict');
      expect((await runMain([cmd, survey, ...quiet, '--targets', targets])).code).toBe(0);
      expect((await runMain([cmd, survey, ...quiet, '--targets', targets, '--strict'])).code).toBe(0);
    }
  });

  it('a run with one wave and no --targets reports no target rows and is unaffected', async () => {
    expect((await runMain(['analyse', survey, ...quiet, '--fail-on-no-verdict'])).code).toBe(0);
  });
});

describe("rule 6: a targets file's own target decides", () => {
  // 1,000 rows, every answer positive: current 100%. Baseline 75, the file's target 70 (below the baseline).
  // MDC₀ = (z.975 + z.8)·√(T(1−T)/n), the baseline exact:
  // R (qnorm(.975) + qnorm(.8)) * sqrt(.7 * .3 / 1000) * 100 = 4.059882688 points ≤ |70 − 75| = 5:
  // detected (its size, never the signed −5). With 200 rows, 9.078173672 > 5.
  const survey = write('big.csv', csvText([HEADER, ...waveRows('2009', 1000, 'a')]));
  const targets = write('own-target.csv', 'indicator,group,baseline,target\nNI2,all,75,70\n');

  it('the file target is the one shown, marked and named, and detectability is judged against it', async () => {
    const j = await runJson(['targets', survey, '--indicators', 'NI2', '--targets', targets, '--format', 'json']);
    expect(j.code).toBe(0);
    const row = j.json.targets[0];
    // current 100%: σ = 0, so the verdict is the sign of d = 100 − 70 (with a note)
    expect(row).toMatchObject({
      target: 70,
      targetSource: 'file',
      targetPoints: 80,
      detectsTarget: true,
      verdict: 'met',
    });
    expect(row.detectableRise).toBeCloseTo(4.059882688, 6);
    expect(row.note).toContain('σ = 0');
    const text = await runMain(['targets', survey, '--indicators', 'NI2', '--targets', targets]);
    expect(text.stdout).toContain('Target, file');
    expect(text.stdout).toContain('70.0 ◀');
    expect(text.stdout).not.toContain('80.0 ◀');
  });

  it('an undetectable file target is noted with the size of the change, never a negative one', async () => {
    // n = 200: MDE = 2.801585 · √(0.1875/200) = 8.58 points > 5
    const small = write('small.csv', csvText([HEADER, ...waveRows('2009', 200, 'a')]));
    const j = await runJson(['targets', small, '--indicators', 'NI2', '--targets', targets, '--format', 'json']);
    expect(j.json.targets[0].detectsTarget).toBe(false);
    expect(j.json.targets[0].detectableRise).toBeCloseTo(9.078173672, 6);
    const text = await runMain(['targets', small, '--indicators', 'NI2', '--targets', targets]);
    expect(text.stdout).toContain(
      "could not reliably detect a change of the target's size, 5 points (smallest detectable 9.1)",
    );
  });
});

describe('rule 7: CI', () => {
  const ci = { env: { CI: 'true' } };

  it.each(['analyse', 'validate', 'compare', 'targets', 'report', 'weight'])(
    '%s with no files under CI is refused (2)',
    async (cmd) => {
      const r = await runMain([cmd], ci);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no input files; the bundled samples are used only outside CI, or with `--samples`');
    },
  );

  it('CI set to empty, 0 or false (any case) is not CI; --samples asks for the samples anywhere', async () => {
    for (const CI of ['', '0', 'FALSE'])
      expect((await runMain(['analyse', ...quiet], { env: { CI } })).code, CI).toBe(0);
    expect((await runMain(['analyse', '--samples', ...quiet], ci)).code).toBe(0);
  });

  it('--samples with files is refused (2); indicators is unaffected by CI', async () => {
    const f = write('s.csv', csvText([HEADER, ...waveRows('2009', 40, 'a')]));
    const r = await runMain(['analyse', f, '--samples']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--samples reads the bundled sample waves, so it cannot be given with files');
    expect((await runMain(['indicators'], ci)).code).toBe(0);
  });
});
