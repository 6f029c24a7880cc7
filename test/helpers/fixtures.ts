import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(ROOT, 'fixtures');
export const fixture = (name: string): string => join(FIXTURES, name);

export interface ExpectedError {
  line: number;
  column: number | null;
  columnName?: string;
  reason: string;
  value?: string;
  suggestion?: string;
  fields?: number;
  expected?: number;
}

export interface ExpectedFixture {
  file: string;
  quirk: string;
  fatal?: boolean;
  exitCode?: number;
  messageMentions?: string[];
  read?: number;
  analysed?: number;
  setAside?: Record<string, number>;
  errors?: ExpectedError[];
  warnings?: string[];
  decodedText?: string[];
  missing?: Record<string, number>;
  excluded?: Record<string, number>;
  areas?: string[];
  absentItems?: number;
  withAssignWave?: {
    option: string;
    read: number;
    analysed: number;
    setAside: Record<string, number>;
    errors: ExpectedError[];
  };
}

/** fixtures/expected/quirks.json: the hand-derived accounting of every fixture. */
export function expectedFixtures(): ExpectedFixture[] {
  return (JSON.parse(readFileSync(fixture('expected/quirks.json'), 'utf8')) as { fixtures: ExpectedFixture[] })
    .fixtures;
}

export const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A fresh temporary directory and its remover. */
export function tempDir(prefix = 'sc-survey-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
