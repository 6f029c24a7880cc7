import type { OptionKey } from './option-table.js';

/**
 * Which options each command takes, in the order --help lists them. Groups are shared so that every command
 * that reads survey files, estimates, compares or judges targets takes the same options with the same meaning.
 */
const INPUT = [
  'samples',
  'codebook',
  'areas',
  'assignWave',
  'sheet',
  'headerRow',
  'columns',
  'idScope',
  'rejects',
] as const;
/** options that decide whether results may be given: not for `validate`, which only checks */
const RESULTS = ['maxSetAside', 'maxInvalidCells', 'strict'] as const;
const WEIGHTS = [
  'weight',
  'weights',
  'rake',
  'margins',
  'rakeTolerance',
  'rakeMaxIter',
  'bounds',
  'minEfficiency',
] as const;
const ESTIMATE = [
  'by',
  'indicators',
  'wave',
  'waveOrder',
  'ci',
  'level',
  'minBase',
  'indicativeBase',
  'areaWeights',
] as const;
const COMPARE = ['from', 'to', 'alpha', 'adjust', 'noAdjust'] as const;
const TARGET = [
  'targetRule',
  'uplift',
  'baselineWave',
  'currentWave',
  'targets',
  'failOnMissedTarget',
  'failOnNoVerdict',
  'failUnlessMet',
] as const;
const OUTPUT = ['output', 'color', 'debug'] as const;

export const INPUT_OPTIONS = [...INPUT, ...RESULTS, ...WEIGHTS] as const;
export const ESTIMATE_OPTIONS = [...INPUT_OPTIONS, ...ESTIMATE] as const;
export const COMPARE_OPTIONS = [...ESTIMATE_OPTIONS, ...COMPARE] as const;
export const TARGET_OPTIONS = [...COMPARE_OPTIONS, ...TARGET] as const;

export const COMMANDS = {
  analyse: {
    options: [...TARGET_OPTIONS, 'net', 'letters', 'noCi', 'showBase', 'detail', ...OUTPUT],
    formats: ['table', 'json', 'csv', 'md', 'xlsx'],
  },
  validate: { options: [...INPUT, 'strict', ...WEIGHTS, ...OUTPUT, 'maxIssues'], formats: ['table', 'json', 'xlsx'] },
  compare: {
    options: [...COMPARE_OPTIONS, 'net', 'detail', ...OUTPUT],
    formats: ['table', 'json', 'csv', 'md', 'xlsx'],
  },
  targets: {
    options: [...ESTIMATE_OPTIONS, 'from', 'to', ...TARGET, 'alpha', 'adjust', 'noAdjust', ...OUTPUT],
    formats: ['table', 'json', 'csv', 'md', 'xlsx'],
  },
  report: { options: [...TARGET_OPTIONS, 'net', 'date', 'profile', 'profileAll', ...OUTPUT], formats: ['html', 'md'] },
  tag: {
    options: ['neighbourhoods', 'imd', 'ruc', 'deprivedShare', 'imdMethod', 'lsoaCount', 'precedence', ...OUTPUT],
    formats: ['csv', 'table', 'json', 'md'],
  },
  indicators: { options: ['codebook', ...OUTPUT], formats: ['table', 'json', 'md'] },
  weight: { options: [...INPUT_OPTIONS, ...OUTPUT], formats: ['csv'] },
  plan: {
    options: [
      'baseline',
      'from',
      'waveOrder',
      'planBy',
      'indicators',
      'uplift',
      'targetRule',
      'alpha',
      'power',
      'deff',
      'assumedRise',
      'responseRate',
      ...INPUT_OPTIONS,
      'minBase',
      ...OUTPUT,
    ],
    formats: ['table', 'json', 'csv', 'md'],
  },
  profile: { options: [...COMPARE_OPTIONS, ...OUTPUT], formats: ['table', 'md', 'json', 'html'] },
  freq: {
    options: [...INPUT_OPTIONS, 'freqBy', 'indicators', 'wave', 'waveOrder', ...OUTPUT],
    formats: ['table', 'csv', 'json', 'md'],
  },
} as const satisfies Record<string, { options: readonly OptionKey[]; formats: readonly [string, ...string[]] }>;

export type CommandName = keyof typeof COMMANDS;
