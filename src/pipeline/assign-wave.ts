import { realpathSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';

/** One `--assign-wave` value: a bare wave (file null) or `<file>=<wave>`. */
export interface WaveAssignment {
  value: string;
  file: string | null;
  wave: string;
}

export interface AssignWaveInput {
  /** as named on the command line; `-` is standard input */
  path: string;
  hasWaveColumn: boolean;
}

export interface AssignWaveResult {
  /** input path (as named) → wave */
  waves: Map<string, string>;
  /** inputs with neither a wave column nor an assignment (the header check reports them) */
  unassigned: string[];
  /** one sentence per problem; non-empty means the caller throws a UsageError */
  refusals: string[];
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;
const hasDirectory = (p: string) => /[\\/]/.test(p);

/**
 * Split one value at its LAST `=`: `C:\data\a=b.csv=2006` is file `C:\data\a=b.csv`, wave `2006` (a file name may
 * hold `=`; a wave label may not). No `=` means a bare wave for every wave-less input. Both parts are trimmed.
 */
export function parseAssignWave(value: string): WaveAssignment {
  const at = value.lastIndexOf('=');
  if (at < 0) return { value, file: null, wave: value.trim() };
  return { value, file: value.slice(0, at).trim(), wave: value.slice(at + 1).trim() };
}

/** The real path, or the absolute path when it cannot be resolved (a file that does not exist). */
function realOrAbsolute(p: string, realpath: (p: string) => string): string {
  try {
    return realpath(p);
  } catch {
    return resolvePath(p);
  }
}

/**
 * Match `--assign-wave` values to the inputs. A per-file value matches an input by resolved real path (so
 * `./a.csv`, `a.csv` and a symlink to it are one file), else by a bare file name equal to exactly one input's base
 * name; `-` is standard input. Refused, because each would make the run label rows by a guess:
 * - a value naming no input, or a bare file name shared by several inputs;
 * - an assignment to an input that has its own wave column (the column and the option would disagree);
 * - a bare wave while more than one input lacks a wave column (they would all become one wave), a bare wave with a
 *   comma (`2006,2009`: several waves), a bare wave that is an input's name (the `=<wave>` was forgotten), or more
 *   than one bare wave; each such message shows the per-file form;
 * - the same input assigned twice (even the same wave: the second is a slip), a blank wave or blank file, and a
 *   wave containing a comma (it could not be named in `--wave-order`).
 */
export function resolveAssignWaves(
  values: readonly string[],
  inputs: readonly AssignWaveInput[],
  realpath: (p: string) => string = realpathSync,
): AssignWaveResult {
  const refusals: string[] = [];
  const waves = new Map<string, string>();
  const real = new Map(inputs.filter((i) => i.path !== '-').map((i) => [realOrAbsolute(i.path, realpath), i]));
  const waveless = inputs.filter((i) => !i.hasWaveColumn);
  const perFileForm = (wave = '<wave>') =>
    (waveless.length > 0 ? waveless : [{ path: '<file>' }]).map((i) => `--assign-wave "${i.path}=${wave}"`).join(' ');
  const inputList = inputs.map((i) => i.path).join(', ');

  const match = (file: string): AssignWaveInput | string => {
    if (file === '-') return inputs.find((i) => i.path === '-') ?? `\`-\` (standard input) is not one of the inputs`;
    const byPath = real.get(realOrAbsolute(file, realpath));
    if (byPath) return byPath;
    if (!hasDirectory(file)) {
      const named = inputs.filter((i) => i.path !== '-' && baseName(i.path) === file);
      if (named.length === 1 && named[0]) return named[0];
      if (named.length > 1)
        return `\`${file}\` is the name of several inputs (${named.map((i) => i.path).join(', ')}); give its path`;
    }
    return `\`${file}\` is not one of the inputs (${inputList})`;
  };

  const assign = (input: AssignWaveInput, a: WaveAssignment) => {
    if (input.hasWaveColumn) {
      refusals.push(`--assign-wave "${a.value}": ${input.path} has its own wave column; drop the assignment`);
    } else if (waves.has(input.path)) {
      refusals.push(`--assign-wave "${a.value}": ${input.path} is already assigned wave \`${waves.get(input.path)}\``);
    } else waves.set(input.path, a.wave);
  };

  const parsed = values.map(parseAssignWave);
  const bare = parsed.filter((a) => a.file === null);
  if (bare.length > 1) {
    const given = bare.map((a) => `"${a.value}"`).join(', ');
    refusals.push(`--assign-wave is given ${bare.length} bare waves (${given}); give one per file: ${perFileForm()}`);
  }
  for (const a of parsed) {
    if (a.wave === '') {
      refusals.push(`--assign-wave "${a.value}" names no wave`);
      continue;
    }
    if (a.file === null) {
      if (bare.length > 1) continue;
      if (a.wave.includes(',')) {
        const [first = '<wave>'] = a.wave.split(',');
        const form = perFileForm(first.trim());
        refusals.push(`--assign-wave "${a.value}" gives several waves; give one per file: ${form}`);
      } else if (inputs.some((i) => i.path === a.wave || baseName(i.path) === a.wave)) {
        const form = `--assign-wave "${a.wave}=<wave>"`;
        refusals.push(`--assign-wave "${a.value}" names an input, not a wave; give its wave: ${form}`);
      } else if (waveless.length > 1) {
        refusals.push(
          `--assign-wave "${a.value}" would give ${waveless.length} files without a wave column the same wave; ` +
            `give each its own: ${perFileForm()}`,
        );
      } else if (waveless.length === 0) {
        refusals.push(`--assign-wave "${a.value}": every input has its own wave column; drop the option`);
      } else if (waveless[0]) assign(waveless[0], a);
      continue;
    }
    if (a.file === '') {
      refusals.push(`--assign-wave "${a.value}" names no file before the \`=\``);
      continue;
    }
    if (a.wave.includes(',')) {
      refusals.push(`--assign-wave "${a.value}": a wave label must not contain a comma (one wave per file)`);
      continue;
    }
    const input = match(a.file);
    if (typeof input === 'string') refusals.push(`--assign-wave "${a.value}": ${input}`);
    else assign(input, a);
  }
  const unassigned = waveless.filter((i) => !waves.has(i.path)).map((i) => i.path);
  return { waves, unassigned, refusals };
}
