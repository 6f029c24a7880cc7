import { Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/io/console.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** text fed to `-` */
  stdin?: string;
}

/** Run `main(argv, io)` in-process and capture what it writes. */
export async function runMain(argv: string[], o: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: o.stdoutIsTTY ?? false },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: o.stderrIsTTY ?? false },
    env: o.env ?? {},
    ...(o.stdin !== undefined ? { stdin: Readable.from([Buffer.from(o.stdin)]) } : {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Run and parse stdout as JSON. */
export async function runJson<T = any>(argv: string[], o: RunOptions = {}): Promise<RunResult & { json: T }> {
  const r = await runMain(argv, o);
  let json: T;
  try {
    json = JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
  return { ...r, json };
}
