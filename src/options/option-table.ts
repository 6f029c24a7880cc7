import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every command-line option, declared once: its flags and help text for commander, its default and choices,
 * and the zod schema that validates what commander hands over. `cli.ts` declares commander options from
 * this table and the commands parse with schemas built from it (`options/option-schema.ts`), so adding an
 * option is one entry here plus the code that uses it.
 */
export interface OptionSpec<S extends z.ZodTypeAny = z.ZodTypeAny> {
  flags: string;
  description: string;
  /** the default as the user would type it: shown by --help, given to commander and parsed by zod */
  default?: string;
  choices?: readonly string[];
  /** commander's `.requiredOption` */
  required?: boolean;
  /** may be given more than once; the values are collected in a list */
  repeatable?: boolean;
  schema: S;
}

/** An entry whose default is parsed by its own schema (zod's prefault), so commander and zod agree on it. */
function option<S extends z.ZodTypeAny>(spec: OptionSpec<S>): OptionSpec<S> {
  return spec;
}

export const CI_METHODS = ['wilson', 'wald', 'beta'] as const;
export const TARGET_RULES = ['points', 'relative'] as const;
export const ADJUST_METHODS = ['bh', 'holm', 'none'] as const;
export const AREA_WEIGHT_SCHEMES = ['population', 'mailed', 'returns'] as const;
export const IMD_METHODS = ['majority', 'mean-rank'] as const;
export const ID_SCOPES = ['wave', 'file', 'area'] as const;
export const DETAILS = ['summary', 'full'] as const;

/** A share from 0 to 1; "10%" is read as 0.1, as people write it. */
const share = (name: string) =>
  z
    .preprocess(
      (v) => (typeof v === 'string' && /%\s*$/.test(v) ? Number(v.replace(/%\s*$/, '')) / 100 : v),
      z.coerce.number({ message: `${name} must be a number (e.g. 0.05 or 5%)` }),
    )
    .refine((x) => x >= 0 && x <= 1, `${name} must be between 0 and 1 (or 0% and 100%)`);
const count = (name: string) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} must be ≥ 0`);
const list = z
  .string()
  .optional()
  .transform((s) =>
    s === undefined
      ? undefined
      : s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
  );
const text = z.string().optional();
const flag = z.boolean().optional();
const wave = (name: string) => z.string().trim().min(1, `${name} must not be blank`).optional();
const file = (name: string) =>
  z
    .string({ error: `${name} <file> is required` })
    .trim()
    .min(1, `${name} needs a file name`);

/** `-o file`: its folder must exist, checked before any work is done rather than after the whole analysis. */
const writableOutput = z
  .string()
  .optional()
  .superRefine((p, ctx) => {
    if (p !== undefined && p !== '-' && !existsSync(dirname(resolve(p))))
      ctx.addIssue({ code: 'custom', message: `cannot write -o ${p}: there is no folder ${dirname(resolve(p))}` });
  });

export const OPTIONS = {
  // reading survey files
  codebook: option({
    flags: '--codebook <name|path>',
    description: 'codebook name in data/codebooks/ or a JSON file',
    default: 'leicestershire',
    schema: z.string(),
  }),
  areas: option({
    flags: '--areas <file>',
    description: 'area registry CSV (code,name,aliases,district,type,type_source[,mailed,adults,households])',
    schema: text,
  }),
  assignWave: option({
    flags: '--assign-wave <[file=]wave>',
    description:
      'the wave of a file without a wave column: <file>=<wave> per file (split at the last =; repeat ' +
      'the option for each file), or a bare <wave> when only one file lacks the column',
    repeatable: true,
    schema: z.array(z.string().trim().min(1, '--assign-wave must not be blank')).optional(),
  }),
  samples: option({
    flags: '--samples',
    description: 'read the bundled synthetic sample waves (the default without files, except under CI)',
    schema: z.boolean().default(false),
  }),
  sheet: option({
    flags: '--sheet <name|number>',
    description: 'the sheet of an .xlsx survey file to read: its name, or its number from 1 (default: the first)',
    schema: z.string().trim().min(1, '--sheet must not be blank').optional(),
  }),
  headerRow: option({
    flags: '--header-row <n>',
    description: 'the line (or .xlsx row) of the header, from 1 (default: found among the first 20 lines)',
    schema: z
      .string()
      .trim()
      .refine((s) => /^[1-9]\d*$/.test(s), '--header-row must be a whole number ≥ 1, e.g. 3')
      .transform(Number)
      .optional(),
  }),
  rejects: option({
    flags: '--rejects <file>',
    description: 'write every set-aside row verbatim, with file, line and reason',
    schema: text,
  }),
  maxSetAside: option({
    flags: '--max-set-aside <share>',
    description: 'fail (exit 1) when more than this share of rows is set aside for errors (e.g. 0.05 or 5%)',
    default: '0.05',
    schema: share('--max-set-aside'),
  }),
  maxInvalidCells: option({
    flags: '--max-invalid-cells <share>',
    description:
      'fail (exit 1) when an item column has more than this share of its non-blank cells invalid (and at least 10), ' +
      'or a grouping column (sex, age band) more than this share of its rows',
    default: '0.05',
    schema: share('--max-invalid-cells'),
  }),
  idScope: option({
    flags: '--id-scope <scope>',
    description:
      'respondent ids are unique within each wave (two waves: two people), file (and wave) or area (and wave)',
    default: 'wave',
    choices: ID_SCOPES,
    schema: z.enum(ID_SCOPES, { error: '--id-scope must be wave, file or area' }),
  }),
  columns: option({
    flags: '--columns <file|spec>',
    description: 'read headers as known columns: "Serial=respondent_id,Q1=belong_neighbourhood", or a CSV file from,to',
    schema: text,
  }),
  strict: option({
    flags: '--strict',
    description: 'treat any data error, and a suspect wave label, as fatal (exit 1)',
    schema: z.boolean().default(false),
  }),
  weight: option({
    flags: '--weight <column>',
    description: 'name of the weight column',
    default: 'weight',
    schema: z.string(),
  }),
  weights: option({
    flags: '--no-weights',
    description: 'ignore any weight column (every weight is 1)',
    schema: z.boolean().default(true),
  }),
  rake: option({
    flags: '--rake <variables>',
    description: 'rake each wave to population margins on these profile columns, e.g. age_band,sex',
    schema: list.refine(
      (v) => v === undefined || v.length > 0,
      '--rake needs at least one profile column, e.g. age_band,sex',
    ),
  }),
  margins: option({
    flags: '--margins <file>',
    description: 'population margins for --rake (variable,category,share[,scope,wave])',
    schema: text,
  }),
  rakeTolerance: option({
    flags: '--rake-tolerance <x>',
    description: 'raking convergence tolerance (largest margin error, as a share)',
    default: '1e-10',
    schema: z.coerce
      .number({ message: '--rake-tolerance must be a number' })
      .refine((x) => x > 0 && x < 1, '--rake-tolerance must be between 0 and 1 (a share, e.g. 1e-10)'),
  }),
  rakeMaxIter: option({
    flags: '--rake-max-iter <n>',
    description: 'raking iteration limit',
    default: '100',
    schema: z.coerce
      .number({ message: '--rake-max-iter must be a number' })
      .int('--rake-max-iter must be a whole number')
      .min(1, '--rake-max-iter must be ≥ 1'),
  }),
  bounds: option({
    flags: '--bounds <lo,hi>',
    description: 'bounds on the raking adjustment factor g = w / w0',
    schema: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (s === undefined) return undefined;
        const parts = s.split(',').map((x) => Number(x.trim()));
        const [lo, hi] = parts;
        const ok =
          parts.length === 2 && lo !== undefined && hi !== undefined && Number.isFinite(lo) && Number.isFinite(hi);
        if (!ok || lo < 0 || lo >= 1 || hi <= 1) {
          ctx.addIssue({ code: 'custom', message: '--bounds must be lo,hi with 0 ≤ lo < 1 < hi, e.g. 0.3,3' });
          return z.NEVER;
        }
        return [lo, hi] as [number, number];
      }),
  }),
  areaWeights: option({
    flags: '--area-weights <scheme>',
    description:
      'pool areas by population (registry adults/households), mailed, or returns ' +
      '(default: population when the registry has it, else returns)',
    choices: AREA_WEIGHT_SCHEMES,
    schema: z.enum(AREA_WEIGHT_SCHEMES).optional(),
  }),
  minEfficiency: option({
    flags: '--min-efficiency <share>',
    description: 'fail (exit 1) when weighting efficiency n_eff/n falls below this',
    schema: z.coerce
      .number({ message: '--min-efficiency must be a number' })
      .refine((x) => x > 0 && x <= 1, '--min-efficiency must be a share between 0 and 1, e.g. 0.7')
      .optional(),
  }),

  // estimating
  by: option({
    flags: '--by <groupings>',
    description: 'groupings: all,type,district,neighbourhood or a profile column (age_band, sex)',
    default: 'all,type',
    schema: list.refine((v) => v === undefined || v.length > 0, '--by needs at least one grouping, e.g. --by all,type'),
  }),
  freqBy: option({
    flags: '--by <groupings>',
    description: 'also tabulate within these groupings: all,type,district,neighbourhood or a profile column',
    default: 'all',
    schema: list,
  }),
  indicators: option({
    flags: '--indicators <ids>',
    description: 'indicator ids or NI names, comma-separated (default: all)',
    schema: list,
  }),
  wave: option({
    flags: '--wave <waves>',
    description: 'keep only these waves (others are set aside as filtered-out)',
    schema: list.superRefine((v, ctx) => {
      const twice = [...new Set((v ?? []).filter((w, i, all) => all.indexOf(w) !== i))];
      if (v !== undefined && v.length === 0)
        ctx.addIssue({ code: 'custom', message: '--wave needs at least one wave' });
      if (twice.length) ctx.addIssue({ code: 'custom', message: `--wave names ${twice.join(', ')} more than once` });
    }),
  }),
  waveOrder: option({
    flags: '--wave-order <waves>',
    description:
      'the waves first to last, comma-separated, when their labels do not say (e.g. "Summer 2006,Winter 2006")',
    schema: z.string().trim().min(1, '--wave-order must not be blank').optional(),
  }),
  ci: option({
    flags: '--ci <method>',
    description: 'confidence interval method',
    default: 'wilson',
    choices: CI_METHODS,
    // `--no-ci` (analyse) shares commander's key: false hides the intervals and keeps the default method
    schema: z.union([z.literal(false), z.enum(CI_METHODS)]),
  }),
  level: option({
    flags: '--level <level>',
    description: 'confidence level, between 0 and 1',
    default: '0.95',
    schema: z.coerce
      .number({ message: '--level must be a number' })
      .refine((x) => x > 0 && x < 1, '--level must be strictly between 0 and 1 (e.g. 0.95)'),
  }),
  minBase: option({
    flags: '--min-base <n>',
    description: 'suppress percentages whose unweighted base is below this',
    default: '30',
    schema: count('--min-base'),
  }),
  indicativeBase: option({
    flags: '--indicative-base <n>',
    description: 'flag percentages whose unweighted base is below this as indicative',
    default: '100',
    schema: count('--indicative-base'),
  }),

  // comparing
  from: option({
    flags: '--from <wave>',
    description: 'baseline (earlier) wave (default: the first in the wave order)',
    schema: wave('--from'),
  }),
  to: option({
    flags: '--to <wave>',
    description: 'current (later) wave (default: the last in the wave order)',
    schema: wave('--to'),
  }),
  alpha: option({
    flags: '--alpha <alpha>',
    description: 'significance level (after correction)',
    default: '0.05',
    schema: z.coerce
      .number({ message: '--alpha must be a number' })
      .refine((x) => x > 0 && x < 1, '--alpha must be strictly between 0 and 1'),
  }),
  adjust: option({
    flags: '--adjust <method>',
    description: 'multiple-testing adjustment within each family: bh (false discovery rate), holm or none',
    default: 'bh',
    choices: ADJUST_METHODS,
    // `--no-adjust` shares commander's key (false): the older spelling of --adjust none
    schema: z.union([z.literal(false), z.enum(ADJUST_METHODS)]).transform((v) => (v === false ? 'none' : v)),
  }),
  noAdjust: option({ flags: '--no-adjust', description: 'the same as --adjust none (raw p-values)', schema: flag }),

  // targets
  targetRule: option({
    flags: '--target-rule <rule>',
    description: 'how "+5%" is read',
    default: 'points',
    choices: TARGET_RULES,
    schema: z.enum(TARGET_RULES),
  }),
  uplift: option({
    flags: '--uplift <n>',
    description: 'the target uplift (points, or percent of baseline with --target-rule relative)',
    default: '5',
    schema: z.coerce
      .number({ message: '--uplift must be a number' })
      .refine((x) => Number.isFinite(x) && x >= 0, '--uplift must be ≥ 0'),
  }),
  baselineWave: option({
    flags: '--baseline-wave <wave>',
    description: 'the same as --from',
    schema: wave('--baseline-wave'),
  }),
  currentWave: option({
    flags: '--current-wave <wave>',
    description: 'the same as --to',
    schema: wave('--current-wave'),
  }),
  targets: option({
    flags: '--targets <file>',
    description: 'published baselines: CSV or JSON rows of indicator,group,baseline[,target]',
    schema: text,
  }),
  failOnMissedTarget: option({
    flags: '--fail-on-missed-target',
    description: 'exit 3 when any verdict is missed',
    schema: z.boolean().default(false),
  }),
  failOnNoVerdict: option({
    flags: '--fail-on-no-verdict',
    description: 'exit 3 when any target row has no verdict (suppressed or no data)',
    schema: z.boolean().default(false),
  }),
  failUnlessMet: option({
    flags: '--fail-unless-met',
    description: 'exit 3 unless every verdict is met (inconclusive, missed or not assessed fail)',
    schema: z.boolean().default(false),
  }),

  // planning (plan)
  baseline: option({
    flags: '--baseline <percent>',
    description: 'plan from this baseline percentage instead of survey files',
    schema: z.coerce
      .number({ message: '--baseline must be a number (a percentage, e.g. 73.9)' })
      .refine((x) => x > 0 && x < 100, '--baseline must be a percentage strictly between 0 and 100, e.g. 73.9')
      .optional(),
  }),
  planBy: option({
    flags: '--by <groupings>',
    description: 'area groupings to plan for: all, type, district, neighbourhood',
    default: 'all',
    schema: list,
  }),
  power: option({
    flags: '--power <power>',
    description: 'the chance of a significant result when the assumed change is true',
    default: '0.8',
    schema: z.coerce
      .number({ message: '--power must be a number' })
      .refine((x) => x > 0 && x < 1, '--power must be strictly between 0 and 1 (e.g. 0.8)'),
  }),
  deff: option({
    flags: '--deff <x>',
    description:
      'design effect of the new wave (default: 1 with --baseline; with files, the mean Kish deff of each level)',
    schema: z.coerce
      .number({ message: '--deff must be a number' })
      .refine((x) => Number.isFinite(x) && x > 0, '--deff must be a number above 0, e.g. 1.2')
      .optional(),
  }),
  assumedRise: option({
    flags: '--assumed-rise <points>',
    description: 'the true rise, in points, to plan a "met" verdict for (default: 2 × the uplift)',
    schema: z.coerce
      .number({ message: '--assumed-rise must be a number (points)' })
      .refine((x) => Number.isFinite(x) && x > 0, '--assumed-rise must be above 0 points')
      .optional(),
  }),
  responseRate: option({
    flags: '--response-rate <share>',
    description: 'share of questionnaires returned, e.g. 0.3 or 30% (default: returns ÷ mailed in the --from wave)',
    schema: share('--response-rate')
      .refine((x) => x > 0, '--response-rate must be above 0')
      .optional(),
  }),

  // analyst tools
  net: option({
    flags: '--net',
    description: 'net scores (% positive − % negative) for items with negative answers, and their wave changes',
    schema: z.boolean().default(false),
  }),
  letters: option({
    flags: '--letters',
    description: 'in two-way tables (--by a*b), letter each cell with the columns it is significantly above',
    schema: z.boolean().default(false),
  }),

  // command-specific
  noCi: option({ flags: '--no-ci', description: 'hide confidence intervals in tables', schema: flag }),
  detail: option({
    flags: '--detail <level>',
    description:
      'summary: the answer first (estimates, the NI targets, the strongest findings); full: every section. ' +
      'json, csv and -o files always carry every section',
    default: 'summary',
    choices: DETAILS,
    schema: z.enum(DETAILS, { error: '--detail must be summary or full' }),
  }),
  showBase: option({
    flags: '--show-base',
    description: 'show bases in every cell',
    schema: z.boolean().default(false),
  }),
  maxIssues: option({
    flags: '--max-issues <n>',
    description: 'show at most this many issues of each kind',
    default: '20',
    schema: z.coerce.number().int().min(0, '--max-issues must be ≥ 0'),
  }),
  profile: option({
    flags: '--profile <area>',
    description: 'add the profile of this area (code, name or alias); repeatable',
    repeatable: true,
    schema: z.array(z.string().trim().min(1, '--profile needs an area')).optional(),
  }),
  profileAll: option({
    flags: '--profile-all',
    description: 'add a profile section for every surveyed area',
    schema: z.boolean().default(false),
  }),
  date: option({
    flags: '--date <date>',
    description: 'print this date in the report (none by default, so reports diff cleanly)',
    schema: z.string().trim().min(1, '--date must not be blank').optional(),
  }),
  neighbourhoods: option({
    flags: '--neighbourhoods <file>',
    description: 'CSV code,name,district,lsoa[,population]: one row per (area, LSOA)',
    required: true,
    schema: file('--neighbourhoods'),
  }),
  imd: option({
    flags: '--imd <file>',
    description: 'English Indices of Deprivation LSOA file, as published',
    required: true,
    schema: file('--imd'),
  }),
  ruc: option({
    flags: '--ruc <file>',
    description: 'ONS Rural Urban Classification LSOA file, as published',
    required: true,
    schema: file('--ruc'),
  }),
  deprivedShare: option({
    flags: '--deprived-share <share>',
    description: 'deprived = among the most deprived share of LSOAs nationally',
    default: '0.2',
    schema: z
      .string()
      .trim()
      .refine(
        (s) => /^(0?\.\d+|1(\.0*)?)$/.test(s) && Number(s) > 0,
        '--deprived-share must be a number above 0 and at most 1, e.g. 0.2',
      )
      .transform(Number),
  }),
  imdMethod: option({
    flags: '--imd-method <method>',
    description: 'how an area is judged deprived',
    default: 'majority',
    choices: IMD_METHODS,
    schema: z.enum(IMD_METHODS, { error: '--imd-method must be majority or mean-rank' }),
  }),
  lsoaCount: option({
    flags: '--lsoa-count <n>',
    description: 'national number of LSOAs, when the IMD file is not national',
    schema: z
      .string()
      .trim()
      .refine((s) => /^[1-9]\d*$/.test(s), '--lsoa-count must be a whole number ≥ 1, e.g. 32844')
      .transform(Number)
      .optional(),
  }),
  precedence: option({
    flags: '--precedence <order>',
    description: 'which type wins when an area is both',
    default: 'rural,deprived',
    schema: z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((x) => x.trim().toLowerCase())
          .join(','),
      )
      .refine(
        (s) => s === 'rural,deprived' || s === 'deprived,rural',
        '--precedence must be rural,deprived or deprived,rural',
      )
      .transform((s): ['rural', 'deprived'] | ['deprived', 'rural'] =>
        s === 'rural,deprived' ? ['rural', 'deprived'] : ['deprived', 'rural'],
      ),
  }),

  // output
  output: option({
    flags: '-o, --output <file>',
    description: 'write to this file (atomically) instead of stdout',
    schema: writableOutput,
  }),
  color: option({ flags: '--no-color', description: 'no colour, even on a terminal', schema: flag }),
  debug: option({ flags: '--debug', description: 'show stack traces for internal errors', schema: flag }),
} as const;

export type OptionKey = keyof typeof OPTIONS;

/** `--format`'s choices differ by command; the first is the default. */
export function formatOption<const F extends readonly [string, ...string[]]>(
  formats: F,
): OptionSpec<z.ZodEnum<{ [K in F[number]]: K }>> {
  return {
    flags: '--format <format>',
    description: 'output format',
    default: formats[0],
    choices: formats,
    schema: z.enum(formats, {
      message: `--format must be ${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}`,
    }) as never,
  };
}
