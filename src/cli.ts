import { Command, CommanderError, Option } from 'commander';
import { DataError, EXIT, UsageError } from './errors.js';
import type { Io } from './io/console.js';
import { describeFsError } from './io/files.js';
import { removeTempsSync } from './io/temp-files.js';
import { COMMANDS, type CommandName } from './options/command-options.js';
import type { OptionKey, OptionSpec } from './options/option-table.js';
import { resolveOutputFormat } from './options/output-format.js';

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
  profile: `
Examples:
  $ sc-survey profile "Walton on the Wolds"            # one area of the bundled sample waves
  $ sc-survey profile CH-WOL both-waves.csv --format html -o walton.html
  $ sc-survey report --profile CH-WOL --profile BL-BRA -o report.html`,
  freq: `
Examples:
  $ sc-survey freq --indicators NI2                    # every answer code of NI2 in the bundled sample waves
  $ sc-survey freq returns-2009.csv --by type --format csv -o codes.csv`,
  weight: `
Examples:
  $ sc-survey weight --rake age_band,sex --margins data/margins/leicestershire-areas.csv -o weighted.csv`,
  plan: `
Examples:
  $ sc-survey plan --baseline 73.9                     # returns for +5 points on 73.9% (α 0.05, power 0.8)
  $ sc-survey plan --by neighbourhood --indicators NI2 # per area, from the bundled 2006 wave
  $ sc-survey plan returns-2009.csv --from 2009 --by type --response-rate 30% --format csv`,
} as const;

type OptionTable = typeof import('./options/option-table.js');

/** Declare a command's options on commander from the option table, in the table's order. */
function declareOptions(cmd: Command, name: CommandName, { OPTIONS, formatOption }: OptionTable): Command {
  const { options, formats } = COMMANDS[name];
  const specs: OptionSpec[] = (options as readonly OptionKey[]).map((k) => OPTIONS[k]);
  const formatAt = options.findIndex((k) => k === 'output');
  specs.splice(formatAt < 0 ? specs.length : formatAt, 0, formatOption(formats));
  for (const spec of specs) {
    const opt = new Option(spec.flags, spec.description);
    if (spec.choices) opt.choices(spec.choices);
    if (spec.default !== undefined) opt.default(spec.default);
    if (spec.required) opt.makeOptionMandatory();
    if (spec.repeatable) opt.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
    cmd.addOption(opt);
  }
  return cmd;
}

type Runner = (opts: Record<string, unknown>, io: Io) => Promise<number>;

/** Each command's module, loaded only when it runs, so `--help` and small commands start fast. */
const LOADERS: Record<CommandName, () => Promise<Runner>> = {
  analyse: async () => (await import('./commands/analyse.js')).runAnalyse as Runner,
  validate: async () => (await import('./commands/validate.js')).runValidate as Runner,
  compare: async () => (await import('./commands/compare.js')).runCompare as Runner,
  targets: async () => (await import('./commands/targets.js')).runTargets as Runner,
  report: async () => (await import('./commands/report.js')).runReport as Runner,
  tag: async () => (await import('./commands/tag.js')).runTag as Runner,
  indicators: async () => (await import('./commands/indicators.js')).runIndicators as Runner,
  weight: async () => (await import('./commands/weight.js')).runWeight as Runner,
  plan: async () => (await import('./commands/plan.js')).runPlan as Runner,
  profile: async () => (await import('./commands/profile.js')).runProfile as Runner,
  freq: async () => (await import('./commands/freq.js')).runFreq as Runner,
};
/** What a parsed command line asks for: the command and commander's option bag (with `files`). */
export interface ParsedArgs {
  command: CommandName;
  raw: Record<string, unknown>;
}

/**
 * The command the line names (`help analyse` names analyse), or null for the top-level help, --version or a typo.
 * Only that command's options are declared: the option table loads zod, which `--help` and `--version` do not need.
 */
function commandNamed(argv: readonly string[]): CommandName | null {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? (name as CommandName) : null;
}

async function programFor(argv: readonly string[], io: Io, onAction: (parsed: ParsedArgs) => Promise<void>) {
  const named = commandNamed(argv);
  const table = named ? await import('./options/option-table.js') : null;
  return buildProgram(io, onAction, named && table ? { name: named, table } : null);
}

/** The commander program; `onAction` receives each parsed command line. */
function buildProgram(
  io: Io,
  onAction: (parsed: ParsedArgs) => Promise<void>,
  withOptions: { name: CommandName; table: OptionTable } | null,
): Command {
  const program = new Command('sc-survey')
    .description(
      'Social-capital survey analytics: indicators, confidence intervals, wave changes and NI target verdicts',
    )
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

  const action =
    (command: CommandName) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const opts = cmd.opts();
      const given = cmd.getOptionValueSource('format') === 'cli' ? (opts.format as string) : undefined;
      const output = typeof opts.output === 'string' ? opts.output : undefined;
      const format = resolveOutputFormat(command, COMMANDS[command].formats, given, output);
      await onAction({ command, raw: { ...opts, format, files: cmd.args } });
    };

  const sub = (name: keyof typeof EXAMPLES, description: string, args = '[files...]') => {
    const cmd = program.command(name).description(description).addHelpText('after', EXAMPLES[name]);
    return args === '' ? cmd : cmd.arguments(args);
  };

  const DESCRIPTIONS: Record<CommandName, string> = {
    analyse:
      'every indicator by wave and group, with bases, CIs, changes, targets and findings ' +
      '(no files: the bundled sample waves)',
    validate: 'check survey files: row accounting and every problem with file:line:column',
    compare: 'two waves side by side: each change, its CI and significance (Benjamini–Hochberg within each family)',
    targets: 'NI1/NI2/NI4 target verdicts: baseline, current, target, margin of error',
    report: 'a self-contained HTML (or Markdown) report for people and for CI',
    tag: 'derive rural / deprived / average area types from official IMD and rural-urban files',
    indicators: 'list the codebook: each indicator, its question, and what counts as positive, excluded and missing',
    weight: 'rake each wave to population margins and write the rows with their final weight',
    plan: 'returns (and questionnaires to mail) needed to detect or confirm a "+5" target, per group',
    profile: 'one surveyed area: every indicator in both waves, its change and its difference from the rest',
    freq: 'every answer code of each item: counts, weighted counts, % of returns and % of the base, by wave and group',
  };
  const TAKES_FILES: ReadonlySet<CommandName> = new Set([
    'analyse',
    'validate',
    'compare',
    'targets',
    'report',
    'weight',
    'plan',
    'freq',
  ]);

  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    const cmd = sub(
      name,
      DESCRIPTIONS[name],
      name === 'profile' ? '<area> [files...]' : TAKES_FILES.has(name) ? '[files...]' : '',
    );
    if (withOptions?.name === name) declareOptions(cmd, name, withOptions.table);
    // not run this time, so its options are not built; a hidden one keeps "[options]" in the top-level listing
    else cmd.addOption(new Option('--format <format>').hideHelp());
    cmd.action(action(name));
  }
  return program;
}

/** Parse a command line without running it (for tests of option resolution). */
export async function parseArgv(argv: string[], io: Io): Promise<ParsedArgs | undefined> {
  let parsed: ParsedArgs | undefined;
  await (await programFor(argv, io, async (p) => void (parsed = p))).parseAsync(argv, { from: 'user' });
  return parsed;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug');
  try {
    const program = await programFor(argv, io, async ({ command, raw }) => {
      const run = await LOADERS[command]();
      exitCode = await run(raw, io);
    });
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    return handleError(err, io, debug);
  } finally {
    // Every writer removes its own temporary on failure; this catches any that an unexpected error skipped.
    removeTempsSync();
  }
}

export { removeTempsSync };

/** Errors of the operating system that mean output could not be written or input could not be read to the end. */
const IO_ERRORS = new Set([
  'ENOSPC',
  'EDQUOT',
  'EIO',
  'EFBIG',
  'EROFS',
  'EACCES',
  'EPERM',
  'ENXIO',
  'EMFILE',
  'ENFILE',
]);

/**
 * stdout failed (bin/sc-survey.js's 'error' handler): a reader that stopped early (`| head`, EPIPE) is exit 0;
 * anything else (a full disk, `> /dev/full`) is said on stderr and is exit 1, never a silent 70.
 */
export function stdoutFailed(err: unknown, stderr: { write(s: string): unknown }): number {
  if (isBrokenPipe(err)) return EXIT.ok;
  try {
    stderr.write(`sc-survey: cannot write to standard output: ${describeFsError(err)}; the output is incomplete\n`);
  } catch {
    // stderr is gone too: the exit code is all that is left
  }
  return EXIT.data;
}

function handleError(err: unknown, io: Io, debug: boolean): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
      return EXIT.ok;
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
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && IO_ERRORS.has(code)) {
    const path = (err as NodeJS.ErrnoException).path;
    io.stderr.write(`sc-survey: ${path ? `${path}: ` : ''}${describeFsError(err)}\n`);
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
