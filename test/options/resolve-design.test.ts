import { describe, expect, it } from 'vitest';
import { parseArgv } from '../../src/cli.js';
import type { Io } from '../../src/io/console.js';
import { parseCommandOptions } from '../../src/options/option-schema.js';
import { analysisRequest, inputRequest } from '../../src/options/request.js';
import { parseTagOptions } from '../../src/options/tag-options.js';

const io: Io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {} };

async function parsed(argv: string[]) {
  const p = await parseArgv(argv, io);
  if (!p) throw new Error(`no command parsed from ${argv.join(' ')}`);
  return p;
}

// Expected values are the documented defaults of each option (docs/commands.md), not the code's output.
const INPUT_DEFAULTS = {
  files: [],
  codebook: 'leicestershire',
  maxSetAside: 0.05,
  strict: false,
  weight: 'weight',
  weights: true,
  rakeTolerance: 1e-10,
  rakeMaxIter: 100,
};
const ESTIMATE_DEFAULTS = {
  ...INPUT_DEFAULTS,
  by: ['all', 'type'],
  ci: 'wilson',
  level: 0.95,
  minBase: 30,
  indicativeBase: 100,
};
const ANALYSIS_DEFAULTS = {
  ...ESTIMATE_DEFAULTS,
  alpha: 0.05,
  adjust: 'bh',
  targetRule: 'points',
  uplift: 5,
  failOnMissedTarget: false,
};

describe('argv → resolved design, for every command', () => {
  it.each([
    [['analyse'], ANALYSIS_DEFAULTS, true],
    [
      ['analyse', 'a.csv', '--by', 'type,district', '--ci', 'beta', '--level', '0.9', '--no-adjust'],
      { ...ANALYSIS_DEFAULTS, files: ['a.csv'], by: ['type', 'district'], ci: 'beta', level: 0.9, adjust: 'none' },
      true,
    ],
    [['compare', '--adjust', 'holm'], { ...ANALYSIS_DEFAULTS, adjust: 'holm' }, true],
    [
      ['targets', '--fail-unless-met', '--adjust', 'none'],
      { ...ANALYSIS_DEFAULTS, failUnlessMet: true, adjust: 'none' },
      true,
    ],
    [['analyse', '--no-ci'], ANALYSIS_DEFAULTS, false],
    [
      ['compare', '--from', '2006', '--to', '2009', '--alpha', '0.01'],
      { ...ANALYSIS_DEFAULTS, from: '2006', to: '2009', alpha: 0.01 },
      true,
    ],
    [
      ['targets', '--target-rule', 'relative', '--uplift', '10', '--fail-on-missed-target', '--max-set-aside', '10%'],
      { ...ANALYSIS_DEFAULTS, targetRule: 'relative', uplift: 10, failOnMissedTarget: true, maxSetAside: 0.1 },
      true,
    ],
    [
      ['report', '--wave', '2009', '--indicators', 'NI1,NI2'],
      { ...ANALYSIS_DEFAULTS, wave: ['2009'], indicators: ['NI1', 'NI2'] },
      true,
    ],
  ])('%j', async (argv, expected, showCi) => {
    const { raw } = await parsed(argv);
    const { request, showCi: shown } = analysisRequest(raw);
    expect(request).toMatchObject(expected);
    expect(shown).toBe(showCi);
  });

  it('validate and weight resolve the input request', async () => {
    expect(inputRequest((await parsed(['validate', 'x.csv', '--no-weights'])).raw)).toMatchObject({
      ...INPUT_DEFAULTS,
      files: ['x.csv'],
      weights: false,
    });
    const w = inputRequest(
      (await parsed(['weight', '--rake', 'age_band, sex', '--margins', 'm.csv', '--bounds', '0.3,3'])).raw,
    );
    expect(w).toMatchObject({ ...INPUT_DEFAULTS, rake: ['age_band', 'sex'], margins: 'm.csv', bounds: [0.3, 3] });
  });

  it('each command gets its own --format choices and default', async () => {
    const formatOf = async (argv: string[]) => {
      const p = await parsed(argv);
      return parseCommandOptions(p.command, p.raw).format;
    };
    expect(await formatOf(['analyse'])).toBe('table');
    expect(await formatOf(['report'])).toBe('html');
    expect(await formatOf(['tag', '--neighbourhoods', 'n', '--imd', 'i', '--ruc', 'r'])).toBe('csv');
    expect(await formatOf(['weight'])).toBe('csv');
    expect(await formatOf(['indicators', '--format', 'md'])).toBe('md');
    expect(await formatOf(['validate', '--format', 'json'])).toBe('json');
    expect((await parsed(['validate'])).raw.maxIssues).toBe('20');
  });

  it('tag resolves its rule settings', async () => {
    const { raw } = await parsed([
      'tag',
      '--neighbourhoods',
      'n.csv',
      '--imd',
      'i.csv',
      '--ruc',
      'r.csv',
      '--precedence',
      'deprived,rural',
    ]);
    expect(parseTagOptions(raw)).toMatchObject({
      neighbourhoods: 'n.csv',
      imd: 'i.csv',
      ruc: 'r.csv',
      share: 0.2,
      method: 'majority',
      precedence: ['deprived', 'rural'],
      format: 'csv',
    });
  });
});
