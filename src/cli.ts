import { Command, CommanderError, Option } from 'commander';
import { DataError, EXIT, UsageError } from './errors.js';
import type { Io } from './io.js';

/**
 * Commander declarations only. Each action lazy-loads its command module, so `--help` and small
 * commands start fast, and the module's `run…(opts, io)` returns the exit code.
 */

const EXAMPLES = {
  analyse: `
Examples:
  $ sc-survey analyse                                  # the bundled sample waves (2006 and 2009)
  $ sc-survey analyse returns-2009.csv --by type,district --format csv -o estimates.csv
  $ sc-survey analyse data/*.csv --indicators NI1,NI2,NI4 --wave 2009 --show-base`,
  validate: `
Examples:
  $ sc-survey validate returns-2009.csv
  $ sc-survey validate *.csv --format json --max-issues 100 --rejects rejected.csv`,
  compare: `
Examples:
  $ sc-survey compare                                  # earliest vs latest bundled wave
  $ sc-survey compare both-waves.csv --from 2006 --to 2009 --by type --format md`,
  targets: `
Examples:
  $ sc-survey targets                                  # NI1/NI2/NI4 uplift, +5 points on the survey baseline
  $ sc-survey targets both-waves.csv --target-rule relative --fail-on-missed-target
  $ sc-survey targets returns-2009.csv --targets place-survey-baselines.csv`,
  tag: `
Examples:
  $ sc-survey tag --neighbourhoods areas-lsoa.csv --imd imd2019-lsoa.csv --ruc ruc2011-lsoa.csv -o tagged.csv
  $ sc-survey analyse --areas tagged.csv --by type`,
  report: `
Examples:
  $ sc-survey report -o report.html                    # the bundled sample waves
  $ sc-survey report both-waves.csv --format md -o summary.md --date 2009-04-01`,
  indicators: `
Examples:
  $ sc-survey indicators
  $ sc-survey indicators --codebook my-codebook.json --format json`,
  weight: `
Examples:
  $ sc-survey weight --rake age_band,sex --margins data/margins/leicestershire-areas.csv -o weighted.csv`,
} as const;

/**
 * Options shared by every command that reads survey files. `validate` only checks, so the options that
 * decide whether results may be given (--max-set-aside, --strict) belong to the others.
 */
function withInputOptions(cmd: Command, givesResults = true): Command {
  cmd
    .option('--codebook <name|path>', 'codebook name in data/codebooks/ or a JSON file', 'leicestershire')
    .option('--areas <file>', 'area registry CSV (code,name,aliases,district,type,type_source[,mailed])')
    .option('--assign-wave <wave>', 'label every row of a one-wave file with this wave')
    .option('--rejects <file>', 'write every set-aside row verbatim, with file, line and reason');
  if (givesResults)
    cmd
      .option('--max-set-aside <share>', 'fail (exit 1) when more than this share of rows is set aside for errors (e.g. 0.05 or 5%)', '0.05')
      .option('--strict', 'treat any data error as fatal');
  return cmd
    .option('--weight <column>', 'name of the weight column', 'weight')
    .option('--no-weights', 'ignore any weight column (every weight is 1)')
    .option('--rake <variables>', 'rake each wave to population margins on these profile columns, e.g. age_band,sex')
    .option('--margins <file>', 'population margins for --rake (variable,category,share[,scope,wave])')
    .option('--rake-tolerance <x>', 'raking convergence tolerance (largest margin error, as a share)', '1e-10')
    .option('--rake-max-iter <n>', 'raking iteration limit', '100')
    .option('--bounds <lo,hi>', 'bounds on the raking adjustment factor g = w / w0')
    .option('--min-efficiency <share>', 'fail (exit 1) when weighting efficiency n_eff/n falls below this');
}

function withOutputOptions(cmd: Command, formats: string[]): Command {
  return cmd
    .addOption(new Option('--format <format>', 'output format').choices(formats).default(formats[0]))
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
    .option('--no-color', 'no colour, even on a terminal')
    .option('--debug', 'show stack traces for internal errors');
}

function withEstimateOptions(cmd: Command): Command {
  return cmd
    .option('--by <groupings>', 'groupings: all,type,district,neighbourhood or a profile column (age_band, sex)', 'all,type')
    .option('--indicators <ids>', 'indicator ids or NI names, comma-separated (default: all)')
    .option('--wave <waves>', 'keep only these waves (others are set aside as filtered-out)')
    .addOption(new Option('--ci <method>', 'confidence interval method').choices(['wilson', 'wald', 'beta']).default('wilson'))
    .option('--level <level>', 'confidence level, between 0 and 1', '0.95')
    .option('--min-base <n>', 'suppress percentages whose unweighted base is below this', '30')
    .option('--indicative-base <n>', 'flag percentages whose unweighted base is below this as indicative', '100');
}

function withTargetOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--target-rule <rule>', 'how "+5%" is read').choices(['points', 'relative']).default('points'))
    .option('--uplift <n>', 'the target uplift (points, or percent of baseline with --target-rule relative)', '5')
    .option('--baseline-wave <wave>', 'baseline wave (default: the earliest)')
    .option('--current-wave <wave>', 'current wave (default: the latest)')
    .option('--targets <file>', 'published baselines: CSV or JSON rows of indicator,group,baseline[,target]')
    .option('--fail-on-missed-target', 'exit 3 when any verdict is missed');
}

function withCompareOptions(cmd: Command): Command {
  return cmd
    .option('--from <wave>', 'earlier wave (default: the earliest present)')
    .option('--to <wave>', 'later wave (default: the latest present)')
    .option('--alpha <alpha>', 'significance level after correction', '0.05')
    .option('--no-adjust', 'show raw p-values (no Holm correction)');
}

type Runner = (opts: Record<string, unknown>, io: Io) => Promise<number>;

export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const program = new Command('sc-survey')
    .description('Social-capital survey analytics: indicators, confidence intervals, wave changes and NI target verdicts')
    .version('0.1.0')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText(
      'after',
      `
Examples:
  $ sc-survey analyse                      # the main job, on the bundled sample waves
  $ sc-survey validate returns.csv         # only the checks
  $ sc-survey analyse --help               # every command has --help with examples`,
    );

  const action = (load: () => Promise<Runner>) => async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    const opts: Record<string, unknown> = { ...cmd.opts(), files: cmd.args };
    const run = await load();
    exitCode = await run(opts, io);
  };

  const sub = (name: keyof typeof EXAMPLES, description: string, args = '[files...]') => {
    const cmd = program.command(name).description(description).addHelpText('after', EXAMPLES[name]);
    return args === '' ? cmd : cmd.argument(args);
  };

  withOutputOptions(withTargetOptions(withCompareOptions(withEstimateOptions(withInputOptions(
    sub('analyse', 'every indicator by wave and group, with bases, CIs, changes, targets and findings (no files: the bundled sample waves)'),
  ))
    .option('--no-ci', 'hide confidence intervals in tables')
    .option('--show-base', 'show bases in every cell'))), ['table', 'json', 'csv', 'md'])
    .action(action(async () => (await import('./commands/analyse.js')).runAnalyse as Runner));

  withOutputOptions(withInputOptions(sub('validate', 'check survey files: row accounting and every problem with file:line:column'), false), ['table', 'json'])
    .option('--max-issues <n>', 'show at most this many issues of each kind', '20')
    .action(action(async () => (await import('./commands/validate.js')).runValidate as Runner));

  withOutputOptions(withCompareOptions(withEstimateOptions(withInputOptions(sub('compare', 'two waves side by side: change, its CI and Holm-adjusted significance')))), ['table', 'json', 'csv', 'md'])
    .action(action(async () => (await import('./commands/compare.js')).runCompare as Runner));

  withOutputOptions(withTargetOptions(withEstimateOptions(withInputOptions(sub('targets', 'NI1/NI2/NI4 target verdicts: baseline, current, target, margin of error'))))
    .option('--alpha <alpha>', 'significance level for "change significant"', '0.05'), ['table', 'json', 'csv', 'md'])
    .action(action(async () => (await import('./commands/targets.js')).runTargets as Runner));

  withOutputOptions(withTargetOptions(withCompareOptions(withEstimateOptions(withInputOptions(sub('report', 'a self-contained HTML (or Markdown) report for people and for CI')))))
    .option('--date <date>', 'print this date in the report (none by default, so reports diff cleanly)'), ['html', 'md'])
    .action(action(async () => (await import('./commands/report.js')).runReport as Runner));

  withOutputOptions(sub('tag', 'derive rural / deprived / average area types from official IMD and rural-urban files', '')
    .requiredOption('--neighbourhoods <file>', 'CSV code,name,district,lsoa[,population]: one row per (area, LSOA)')
    .requiredOption('--imd <file>', 'English Indices of Deprivation LSOA file, as published')
    .requiredOption('--ruc <file>', 'ONS Rural Urban Classification LSOA file, as published')
    .option('--deprived-share <share>', 'deprived = among the most deprived share of LSOAs nationally', '0.2')
    .addOption(new Option('--imd-method <method>', 'how an area is judged deprived').choices(['majority', 'mean-rank']).default('majority'))
    .option('--lsoa-count <n>', 'national number of LSOAs, when the IMD file is not national')
    .option('--precedence <order>', 'which type wins when an area is both', 'rural,deprived'), ['csv', 'table', 'json', 'md'])
    .action(action(async () => (await import('./commands/tag.js')).runTag as Runner));

  withOutputOptions(sub('indicators', 'list the codebook: each indicator, its question, and what counts as positive, excluded and missing', '')
    .option('--codebook <name|path>', 'codebook name in data/codebooks/ or a JSON file', 'leicestershire'), ['table', 'json', 'md'])
    .action(action(async () => (await import('./commands/indicators.js')).runIndicators as Runner));

  withOutputOptions(withInputOptions(sub('weight', 'rake each wave to population margins and write the rows with their final weight')), ['csv'])
    .action(action(async () => (await import('./commands/weight.js')).runWeight as Runner));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    return handleError(err, io, debug);
  }
}

function handleError(err: unknown, io: Io, debug: boolean): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    return EXIT.usage; // commander has already printed its message
  }
  if (isBrokenPipe(err)) return EXIT.ok;
  if (err instanceof UsageError) {
    io.stderr.write(`sc-survey: ${err.message}\n`);
    return EXIT.usage;
  }
  if (err instanceof DataError) {
    io.stderr.write(`sc-survey: ${err.message}\n`);
    return EXIT.data;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  io.stderr.write(`sc-survey: internal error: ${e.message}\n`);
  if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
  else io.stderr.write('(run again with --debug for the stack trace)\n');
  return EXIT.internal;
}

function isBrokenPipe(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'EPIPE';
}
