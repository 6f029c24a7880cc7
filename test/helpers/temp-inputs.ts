import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { tempDir } from './fixtures.js';

export interface TempInputs {
  dir: string;
  /** Write `text` to `name` in the folder; returns the file's path. */
  write: (name: string, text: string) => string;
}

/** A temporary folder for the inputs a test file writes, removed after the file's tests. Call it at the top level. */
export function tempInputs(): TempInputs {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  const write = (name: string, text: string): string => {
    const path = join(tmp.dir, name);
    writeFileSync(path, text);
    return path;
  };
  return { dir: tmp.dir, write };
}
