import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../src/format/format-number.js';
import type { Estimate } from '../../src/types/index.js';
import { expectedFixtures, fixture, ROOT, sha256, tempDir } from '../helpers/fixtures.js';
import { runJson, runMain } from '../helpers/run-main.js';
import { csvText, HEADER, ITEM_IDS, rowFields } from '../helpers/survey-text.js';
import { tempInputs } from '../helpers/temp-inputs.js';

const tmp = tempInputs();
const write = tmp.write;
const SAMPLE_2009 = join(ROOT, 'data/samples/wave-2009.csv');
const find = (es: Estimate[], indicator: string, groupBy = 'all', group = 'all') =>
  es.find((e) => e.indicator === indicator && e.groupBy === groupBy && e.group === group);

/**
 * 40 answers to belong_neighbourhood in BL-BRA, 2009, with unequal weights, plus 3 outside the base:
 *   10 × weight 2,   code 1 (positive)      10 × weight 0.5, code 3 (negative)
 *   10 × weight 1,   code 2 (positive)      10 × weight 1.5, code 4 (negative)
 *    2 × weight 3,   code 5 (don't know: excluded)     1 × weight 4, blank (no reply: missing)
 */
function weightedFile(): string {
  const header = ['respondent_id', 'wave', 'neighbourhood', 'weight', 'age_band', 'sex', ...ITEM_IDS, 'comments'];
  const rows: string[][] = [];
  const add = (count: number, weight: string, code: string) => {
    for (let i = 0; i < count; i++) {
      const f = rowFields({ id: `W${rows.length + 1}`, items: { belong_neighbourhood: code } });
      rows.push([...f.slice(0, 3), weight, ...f.slice(3)]);
    }
  };
  add(10, '2', '1');
  add(10, '1', '2');
  add(10, '0.5', '3');
  add(10, '1.5', '4');
  add(2, '3', '5');
  add(1, '4', '');
  return write('weighted.csv', csvText([header, ...rows]));
}

describe('analyse: the published 2009 county figures (docs/data-format.md, issue 4)', () => {
  // Published 2009 Leicestershire figures; fixtures/paper-2009.csv was built to reproduce them.
  const PUBLISHED: Record<string, string> = {
    belong_neighbourhood: '78.0',
    belong_england: '87.0',
    belong_britain: '81.0',
    friendly_place: '83.0',
    keep_eye: '85.0',
    call_police: '80.0',
    backgrounds_get_on: '60.0',
    trust_general: '30.9',
    trust_neighbours: '41.2',
    help_neighbour: '87.4',
    wallet_returned: '58.0',
    influence_alone: '20.7',
    influence_group: '64.1',
  };

  it('analyse fixtures/paper-2009.csv --format json gives the 13 published percentages for groupBy all', async () => {
    const r = await runJson<{ estimates: Estimate[]; accounting: { read: number; analysed: number } }>([
      'analyse',
      fixture('paper-2009.csv'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(r.json.accounting.read).toBe(1000);
    const got: Record<string, string> = {};
    for (const id of Object.keys(PUBLISHED)) {
      const e = find(r.json.estimates, id);
      expect(e, id).toBeDefined();
      expect(e!.wave).toBe('2009');
      got[id] = formatPercent(e!.percent);
    }
    expect(got).toEqual(PUBLISHED);
  });

  it('the default table prints them too, under "All surveyed areas"', async () => {
    const r = await runMain(['analyse', fixture('paper-2009.csv'), '--by', 'all']);
    expect(r.code).toBe(0);
    const header = r.stdout.split('\n').find((l) => l.includes('Indicator'))!;
    expect(header).toMatch(/│ Indicator\s+│ All surveyed areas │/);
    expect(header.toLowerCase()).not.toContain('county');
    const row = (label: RegExp) => r.stdout.split('\n').find((l) => label.test(l)) ?? '';
    expect(row(/Belong to neighbourhood \(NI2\)/)).toMatch(/\b78\.0 \(/);
    expect(row(/Most people trusted/)).toMatch(/\b30\.9 \(/);
    expect(row(/Many neighbours trusted/)).toMatch(/\b41\.2 \(/);
    expect(row(/Wallet returned/)).toMatch(/\b58\.0 \(/);
  });

  it('validate fixtures/paper-2009.csv: 1000 read, 1000 analysed, 0 set aside, exit 0', async () => {
    const r = await runJson(['validate', fixture('paper-2009.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.json.accounting.read).toBe(1000);
    expect(r.json.accounting.analysed).toBe(1000);
    expect(Object.values(r.json.accounting.setAside as Record<string, number>).reduce((s, n) => s + n, 0)).toBe(0);
  });
});

describe('analyse: weights', () => {
  it('when every weight is 1 the results equal the unweighted ones exactly', async () => {
    const parsed = Papa.parse<string[]>(readFileSync(SAMPLE_2009, 'utf8'), { skipEmptyLines: true }).data;
    const withOnes = parsed.map((r, i) => [...r.slice(0, 3), i === 0 ? 'weight' : '1', ...r.slice(3)]);
    const weighted = write('ones.csv', `${Papa.unparse(withOnes, { newline: '\n' })}\n`);
    const by = ['--by', 'all,type,district,neighbourhood,sex', '--format', 'json'];
    const a = await runJson<{ estimates: Estimate[]; design: { weights: string } }>(['analyse', weighted, ...by]);
    const b = await runJson<{ estimates: Estimate[]; design: { weights: string } }>(['analyse', SAMPLE_2009, ...by]);
    const c = await runJson<{ estimates: Estimate[] }>(['analyse', weighted, '--no-weights', ...by]);
    expect(a.code).toBe(0);
    expect(a.json.design.weights).toContain('weight');
    expect(b.json.design.weights).toMatch(/^none/);
    expect(a.json.estimates.length).toBeGreaterThan(17 * 20);
    expect(a.json.estimates).toEqual(b.json.estimates);
    expect(c.json.estimates).toEqual(b.json.estimates);
    for (const e of a.json.estimates.filter((x) => x.flag !== 'no-data')) {
      expect(e.nEff).toBe(e.unweightedBase);
      expect(e.deff).toBe(1);
    }
  });

  it('unequal weights: percent, Wilson interval on Kish n, bases and deff match a hand computation', async () => {
    const r = await runJson<{ estimates: Estimate[] }>(['analyse', weightedFile(), '--format', 'json', '--by', 'all']);
    expect(r.code).toBe(0);
    const e = find(r.json.estimates, 'belong_neighbourhood')!;
    // Σw = 10·2 + 10·1 + 10·0.5 + 10·1.5 = 50; Σw·pos = 30; p = 0.6
    // Σw² = 10·4 + 10·1 + 10·0.25 + 10·2.25 = 75; Kish n = 50²/75 = 33.33…; deff = 40 / 33.33… = 1.2
    expect(e.percent).toBeCloseTo(60, 12);
    expect(e.base).toBe(50);
    expect(e.positive).toBe(30);
    expect(e.unweightedBase).toBe(40);
    expect(e.unweightedPositive).toBe(20);
    expect(e.nEff).toBeCloseTo(100 / 3, 12);
    expect(e.deff).toBeCloseTo(1.2, 12);
    expect(e.flag).toBe('indicative'); // 30 ≤ 40 < 100
    // Python:  z = 1.959963984540054; p = 0.6; n = 50**2/75
    //   d = 1 + z*z/n; c = (p + z*z/(2*n))/d; h = z*sqrt(p*(1-p)/n + z*z/(4*n*n))/d
    //   100*(c-h), 100*(c+h)  ->  43.18463696617235, 74.74866213350911
    // R:  n <- 50^2/75; prop.test(0.6*n, n, correct=FALSE)$conf.int  ->  0.431846369661724 0.747486621335091
    expect(e.ciLow).toBeCloseTo(43.18463696617235, 9);
    expect(e.ciHigh).toBeCloseTo(74.74866213350911, 9);
  });

  it('--level 0.9 and --ci wald change the interval (hand-computed)', async () => {
    const path = weightedFile();
    const l90 = find(
      (await runJson<{ estimates: Estimate[] }>(['analyse', path, '--format', 'json', '--by', 'all', '--level', '0.9']))
        .json.estimates,
      'belong_neighbourhood',
    )!;
    // Python: the Wilson formula above with z = 1.6448536269514722 (R: qnorm(0.95))
    //   ->  45.8053657505132, 72.69317599369612
    expect(l90.ciLow).toBeCloseTo(45.8053657505132, 9);
    expect(l90.ciHigh).toBeCloseTo(72.69317599369612, 9);
    const wald = find(
      (await runJson<{ estimates: Estimate[] }>(['analyse', path, '--format', 'json', '--by', 'all', '--ci', 'wald']))
        .json.estimates,
      'belong_neighbourhood',
    )!;
    // Python: se = sqrt(0.6*0.4/(50**2/75)); 100*(0.6 - z*se), 100*(0.6 + z*se)
    //   ->  43.369154107803865, 76.63084589219613
    expect(wald.ciLow).toBeCloseTo(43.369154107803865, 9);
    expect(wald.ciHigh).toBeCloseTo(76.63084589219613, 9);
  });

  it('--no-weights ignores the weights: 20 of 40, Wilson on n = 40', async () => {
    const e = find(
      (
        await runJson<{ estimates: Estimate[] }>([
          'analyse',
          weightedFile(),
          '--format',
          'json',
          '--by',
          'all',
          '--no-weights',
        ])
      ).json.estimates,
      'belong_neighbourhood',
    )!;
    expect(e.percent).toBe(50);
    // R: prop.test(20, 40, correct=FALSE)$conf.int  ->  0.351995269334654 0.648004730665346
    expect(e.ciLow).toBeCloseTo(35.1995269334654, 9);
    expect(e.ciHigh).toBeCloseTo(64.8004730665346, 9);
  });

  it('--weight names another column; a named column that is missing exits 1', async () => {
    const text = readFileSync(weightedFile(), 'utf8').replace(
      /^respondent_id,wave,neighbourhood,weight/,
      'respondent_id,wave,neighbourhood,w_final',
    );
    const p = write('w-final.csv', text);
    const e = find(
      (
        await runJson<{ estimates: Estimate[] }>([
          'analyse',
          p,
          '--format',
          'json',
          '--by',
          'all',
          '--weight',
          'w_final',
        ])
      ).json.estimates,
      'belong_neighbourhood',
    )!;
    expect(e.base).toBe(50);
    const r = await runMain(['analyse', p, '--weight', 'w_nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('w_nope');
  });
});

describe('analyse: small bases', () => {
  it(
    '--min-base suppresses percent, CI, positive and unweightedPositive ' + 'but keeps the bases; * in the table',
    async () => {
      const path = weightedFile();
      const r = await runJson<{ estimates: Estimate[]; design: { minBase: number; suppression: string } }>([
        'analyse',
        path,
        '--format',
        'json',
        '--by',
        'all',
        '--min-base',
        '41',
      ]);
      const e = find(r.json.estimates, 'belong_neighbourhood')!;
      expect(e).toMatchObject({
        flag: 'suppressed',
        percent: null,
        ciLow: null,
        ciHigh: null,
        positive: null,
        unweightedPositive: null,
        base: 50,
        unweightedBase: 40,
      });
      expect(r.json.design.minBase).toBe(41);
      expect(r.json.design.suppression).toContain('41');
      const t = await runMain(['analyse', path, '--by', 'all', '--min-base', '41']);
      const line = t.stdout.split('\n').find((l) => l.includes('Belong to neighbourhood'))!;
      expect(line).toMatch(/│\s+\*\s+│/);
      expect(t.stdout).toContain('suppressed: unweighted base under 41');
      // 43 answers to keep_eye (all code 1): 43 ≥ 41, so that row is not suppressed
      expect(t.stdout.split('\n').find((l) => l.includes('Keep an eye'))).toMatch(/100\.0/);
    },
  );

  it('a base of 0 is no-data, never NaN; – in the table', async () => {
    const r = await runJson<{ estimates: Estimate[] }>([
      'analyse',
      fixture('items-absent.csv'),
      '--format',
      'json',
      '--by',
      'all',
    ]);
    expect(r.code).toBe(0);
    const e = r.json.estimates.find((x) => x.indicator === 'keep_eye')!;
    expect(e).toMatchObject({ flag: 'no-data', percent: null, ciLow: null, ciHigh: null, unweightedBase: 0, base: 0 });
    expect(r.stdout).not.toContain('NaN');
    const t = await runMain(['analyse', fixture('items-absent.csv'), '--by', 'all']);
    expect(t.stdout.split('\n').find((l) => l.includes('Keep an eye'))).toMatch(/│\s+–\s+│/);
  });
});

describe('analyse: selection and usage errors', () => {
  it('--indicators takes ids and NI names', async () => {
    const r = await runJson<{ estimates: Estimate[] }>([
      'analyse',
      fixture('paper-2009.csv'),
      '--format',
      'json',
      '--indicators',
      'NI1,belong_county',
    ]);
    expect(r.code).toBe(0);
    expect([...new Set(r.json.estimates.map((e) => e.indicator))]).toEqual(['backgrounds_get_on', 'belong_county']);
  });

  it('an unknown indicator exits 2 listing the valid ids', async () => {
    const r = await runMain(['analyse', fixture('paper-2009.csv'), '--indicators', 'NI99']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('NI99');
    for (const id of ITEM_IDS) expect(r.stderr).toContain(id);
  });

  it.each([['1.5'], ['0'], ['1'], ['abc']])('--level %s exits 2', async (level) => {
    const r = await runMain(['analyse', fixture('paper-2009.csv'), '--level', level]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--level');
    expect(r.stdout).toBe('');
  });

  it('an unknown --by grouping and an unknown --format exit 2', async () => {
    expect((await runMain(['analyse', fixture('paper-2009.csv'), '--by', 'parish'])).code).toBe(2);
    expect((await runMain(['analyse', fixture('paper-2009.csv'), '--format', 'xml'])).code).toBe(2);
  });
});

describe('analyse: waves and set-aside rows', () => {
  it('--wave 2009 sets the other rows aside as filtered-out, a warning (exit 0)', async () => {
    const r = await runJson<{
      estimates: Estimate[];
      accounting: { read: number; analysed: number; setAside: Record<string, number> };
    }>(['analyse', fixture('labels.csv'), '--format', 'json', '--wave', '2009']);
    expect(r.code).toBe(0);
    // labels.csv: F001–F003 are 2009, F004 is 2006
    expect(r.json.accounting).toMatchObject({ read: 4, analysed: 3 });
    expect(r.json.accounting.setAside['filtered-out']).toBe(1);
    expect(new Set(r.json.estimates.map((e) => e.wave))).toEqual(new Set(['2009']));
  });

  it('a file with no usable rows exits 1 with the accounting, never an empty table', async () => {
    const rows = [HEADER, rowFields({ id: 'A', area: 'Atlantis' }), rowFields({ id: 'B', area: 'Gondor' })];
    const r = await runMain(['analyse', write('unusable.csv', csvText(rows)), '--max-set-aside', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('2 read, 0 analysed');
    expect(r.stderr).toContain('unknown-area 2');
  });

  it('more than --max-set-aside of rows set aside for errors exits 1 without results', async () => {
    // mixed-quirks.csv: 5 of 11 rows set aside (45.5 %)
    const def = await runMain(['analyse', fixture('mixed-quirks.csv')]);
    expect(def.code).toBe(1);
    expect(def.stdout).toBe('');
    expect(def.stderr).toContain('45.5%');
    expect((await runMain(['analyse', fixture('mixed-quirks.csv'), '--max-set-aside', '0.45'])).code).toBe(1);
    const ok = await runMain(['analyse', fixture('mixed-quirks.csv'), '--max-set-aside', '0.46']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Belong to neighbourhood');
    expect(ok.stderr).toContain('11 read, 6 analysed, 5 set aside');
  });

  it('--strict makes any data error fatal, even an invalid cell', async () => {
    // quoted-newline.csv: no row set aside, one invalid code
    expect((await runMain(['analyse', fixture('quoted-newline.csv')])).code).toBe(0);
    const strict = await runMain(['analyse', fixture('quoted-newline.csv'), '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('--strict');
    expect((await runMain(['analyse', fixture('bom-crlf.csv'), '--strict'])).code).toBe(0);
  });

  it.each(
    expectedFixtures()
      .filter((f) => f.fatal)
      .map((f) => [f.file, f.messageMentions ?? []] as [string, string[]]),
  )('a fatal file (%s) exits 1 naming the file, with no stack trace and no output', async (file, mentions) => {
    const r = await runMain(['analyse', fixture(file)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(fixture(file));
    for (const m of mentions) expect(r.stderr).toContain(m);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('analyse: outputs', () => {
  it('-o writes the file atomically and leaves no temporary file', async () => {
    const dir = tempDir();
    const out = join(dir.dir, 'est.json');
    const r = await runMain(['analyse', fixture('paper-2009.csv'), '--format', 'json', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(2);
    expect(readdirSync(dir.dir)).toEqual(['est.json']);
    dir.remove();
  });

  it('a failed run writes no file, and leaves an existing one untouched', async () => {
    const dir = tempDir();
    const out = join(dir.dir, 'est.csv');
    expect((await runMain(['analyse', fixture('empty.csv'), '--format', 'csv', '-o', out])).code).toBe(1);
    expect(readdirSync(dir.dir)).toEqual([]);
    writeFileSync(out, 'previous\n');
    const before = sha256(out);
    expect((await runMain(['analyse', fixture('mixed-quirks.csv'), '--format', 'csv', '-o', out])).code).toBe(1);
    expect(sha256(out)).toBe(before);
    expect(readdirSync(dir.dir)).toEqual(['est.csv']);
    dir.remove();
  });

  it('JSON is byte-identical across two runs', async () => {
    const argv = [
      'analyse',
      fixture('mixed-quirks.csv'),
      '--max-set-aside',
      '0.5',
      '--format',
      'json',
      '--by',
      'all,type,district,neighbourhood,sex',
    ];
    const a = await runMain(argv);
    const b = await runMain(argv);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('JSON has the documented shape', async () => {
    const r = await runJson(['analyse', fixture('paper-2009.csv'), '--format', 'json']);
    expect(r.json.schemaVersion).toBe(2);
    expect(r.json.design).toMatchObject({
      ci: 'wilson',
      level: 0.95,
      minBase: 30,
      indicativeBase: 100,
      groupings: ['all', 'type'],
      population: 'the surveyed areas',
    });
    expect(r.json.accounting).toMatchObject({ read: 1000, analysed: 1000 });
    expect(Object.keys(r.json.estimates[0])).toEqual([
      'wave',
      'groupBy',
      'group',
      'indicator',
      'ni',
      'domain',
      'positive',
      'base',
      'unweightedPositive',
      'unweightedBase',
      'percent',
      'ciLow',
      'ciHigh',
      'nEff',
      'deff',
      'flag',
    ]);
    expect(new Set(r.json.estimates.map((e: Estimate) => e.groupBy))).toEqual(new Set(['all', 'type']));
    expect(
      new Set(r.json.estimates.filter((e: Estimate) => e.groupBy === 'type').map((e: Estimate) => e.group)),
    ).toEqual(new Set(['rural', 'deprived', 'average']));
  });

  it('CSV: the contract columns as header, one row per estimate, unrounded', async () => {
    const j = await runJson<{ estimates: Estimate[] }>(['analyse', fixture('paper-2009.csv'), '--format', 'json']);
    const r = await runMain(['analyse', fixture('paper-2009.csv'), '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = Papa.parse<string[]>(r.stdout, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([
      'wave',
      'groupBy',
      'group',
      'indicator',
      'ni',
      'domain',
      'positive',
      'base',
      'unweightedPositive',
      'unweightedBase',
      'percent',
      'ciLow',
      'ciHigh',
      'nEff',
      'deff',
      'flag',
    ]);
    expect(rows).toHaveLength(j.json.estimates.length + 1);
    const trust = rows.find((x) => x[2] === 'all' && x[3] === 'trust_neighbours')!;
    expect(Number(trust[10])).toBe(
      j.json.estimates.find((e) => e.group === 'all' && e.indicator === 'trust_neighbours')!.percent,
    );
  });

  it('CSV escapes a group name a spreadsheet would run as a formula', async () => {
    const areas = write(
      'formula-areas.csv',
      'code,name,aliases,district,type,type_source\nBL-BRA,Braunstone Town,,=HYPERLINK("http://x"),deprived,test\n',
    );
    const r = await runMain([
      'analyse',
      fixture('bom-crlf.csv'),
      '--areas',
      areas,
      '--by',
      'district',
      '--format',
      'csv',
      '--max-set-aside',
      '1',
    ]);
    expect(r.code).toBe(0);
    const rows = Papa.parse<string[]>(r.stdout, { skipEmptyLines: true }).data.slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((x) => x[2]))).toEqual(new Set(['\'=HYPERLINK("http://x")']));
  });

  it('Markdown: GitHub tables with the rule under them', async () => {
    const r = await runMain(['analyse', fixture('paper-2009.csv'), '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\| Indicator \| All surveyed areas \|/m);
    expect(r.stdout).toContain('| :--- |');
    expect(r.stdout).toContain('suppressed: unweighted base under 30');
  });

  it('colour only on a TTY, never with --no-color or NO_COLOR', async () => {
    const argv = ['analyse', fixture('paper-2009.csv'), '--by', 'all'];

    const esc = /\u001b\[/;
    expect((await runMain(argv, { stdoutIsTTY: true })).stdout).toMatch(esc);
    expect((await runMain(argv, { stdoutIsTTY: false })).stdout).not.toMatch(esc);
    expect((await runMain([...argv, '--no-color'], { stdoutIsTTY: true })).stdout).not.toMatch(esc);
    expect((await runMain(argv, { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(esc);
  });

  it.each([['json'], ['csv'], ['md']])('never colour in %s, even on a TTY', async (format) => {
    const r = await runMain(['analyse', fixture('paper-2009.csv'), '--format', format], {
      stdoutIsTTY: true,
      stderrIsTTY: true,
    });
    expect(r.code).toBe(0);

    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('--no-ci hides intervals; --show-base shows the bases', async () => {
    const r = await runMain(['analyse', fixture('paper-2009.csv'), '--by', 'all', '--no-ci', '--show-base']);
    const line = r.stdout.split('\n').find((l) => l.includes('Belong to neighbourhood'))!;
    expect(line.split('│')[2]!.trim()).toBe('78.0 n=1,000');
  });

  it('reads stdin given as -', async () => {
    const text = readFileSync(fixture('paper-2009.csv'), 'utf8');
    const a = await runJson(['analyse', '-', '--format', 'json'], { stdin: text });
    const b = await runJson(['analyse', fixture('paper-2009.csv'), '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.json.estimates).toEqual(b.json.estimates);
    expect(a.json.files[0].file).toBe('-');
  });

  it('with no files it runs on the bundled sample waves and says so on stderr', async () => {
    const r = await runJson<{ waves: string[]; estimates: Estimate[] }>(['analyse', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no files given.*data\/samples\/wave-2006\.csv.*wave-2009\.csv/);
    expect(r.json.waves).toEqual(['2006', '2009']);
    expect(r.json.estimates.filter((e) => e.groupBy === 'all')).toHaveLength(34);
  });

  it('prints the accounting line on stderr', async () => {
    const r = await runMain(['analyse', fixture('paper-2009.csv'), '--format', 'json']);
    expect(r.stderr).toContain('rows: 1,000 read, 1,000 analysed, 0 set aside');
  });

  it('the input file is never modified', async () => {
    const p = fixture('mixed-quirks.csv');
    const before = sha256(p);
    await runMain(['analyse', p, '--max-set-aside', '1', '--rejects', join(tmp.dir, 'rej.csv')]);
    expect(sha256(p)).toBe(before);
    expect(existsSync(join(tmp.dir, 'rej.csv'))).toBe(true);
  });
});
