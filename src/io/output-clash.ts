import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A file a command reads or writes, and the option that named it (`-o`, `--rejects`, `input`, `--margins`). */
export interface NamedPath {
  option: string;
  path: string;
}

/** The file's identity (device and inode, shared by hard links and symlinks), or null when it does not exist. */
function identity(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** The real path; for a file not yet created, its real directory joined with its name (else the absolute path). */
function canonical(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    try {
      return join(realpathSync(dirname(p)), basename(p));
    } catch {
      return resolve(p);
    }
  }
}

const isSymlink = (p: string) => {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
};

/** How two names reach one file, for the message. */
function how(a: string, b: string): string {
  if (resolve(a) === resolve(b)) return 'the same path';
  if (canonical(a) === canonical(b))
    return isSymlink(a) || isSymlink(b) ? 'one a symlink to the other' : 'the same file';
  return 'hard links to one file';
}

function sameFile(a: string, b: string): boolean {
  if (canonical(a) === canonical(b)) return true;
  const sa = identity(a);
  const sb = identity(b);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * Refusals for outputs that would destroy what the run reads or writes: an output that is an input file (the same
 * path, a symlink to it, or a hard link: same device and inode), since opening it for writing truncates the data
 * before it is read; and two outputs that are one file, since one would overwrite the other. `-` (standard
 * input/output) never clashes. An output that does not exist yet clashes only with another output of the same path.
 */
export function findOutputClashes(outputs: readonly NamedPath[], inputs: readonly NamedPath[]): string[] {
  const refusals: string[] = [];
  const outs = outputs.filter((o) => o.path !== '-');
  const ins = inputs.filter((i) => i.path !== '-');
  for (const o of outs) {
    for (const i of ins) {
      if (!sameFile(o.path, i.path)) continue;
      const input = i.option === 'input' ? `the input file ${i.path}` : `the input ${i.option} ${i.path}`;
      refusals.push(
        `${o.option} ${o.path} would overwrite ${input} (${how(o.path, i.path)}); write ${o.option} somewhere else`,
      );
    }
  }
  outs.forEach((a, k) => {
    for (const b of outs.slice(k + 1)) {
      if (!sameFile(a.path, b.path)) continue;
      refusals.push(
        `${a.option} ${a.path} and ${b.option} ${b.path} are one file (${how(a.path, b.path)}); ` +
          'give each output its own path',
      );
    }
  });
  return refusals;
}

/**
 * Survey files named more than once (the same path, a symlink or a hard link): every row would count twice, and
 * without a respondent id column nothing else would notice.
 */
export function findRepeatedInputs(inputs: readonly string[]): string[] {
  const files = inputs.filter((p) => p !== '-');
  const refusals: string[] = [];
  files.forEach((a, k) => {
    const b = files.slice(k + 1).find((x) => sameFile(a, x));
    if (b !== undefined && !files.slice(0, k).some((x) => sameFile(a, x)))
      refusals.push(`the input ${a} is given twice (${b}: ${how(a, b)}); its rows would count twice: name it once`);
  });
  return refusals;
}
