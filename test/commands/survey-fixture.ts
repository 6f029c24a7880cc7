import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/io/console.js';

/**
 * Positive answers per item out of `n` rows, for one wave in each of BL-SHA (rural), BL-BRA (deprived),
 * BL-WHE (average).
 */
export interface WaveSpec {
  wave: string;
  n: number;
  ni2: number;
  ni1: number;
  ni4: number;
}

/**
 * A two-wave survey file with only NI2, NI1 and NI4 (the other items absent), every weight 1:
 * in each area and wave, the first `ni2` rows answer 1 (positive) to belong_neighbourhood, the rest 3.
 */
export function writeSurvey(specs: WaveSpec[]): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sc-cmp-'));
  const lines = ['respondent_id,wave,neighbourhood,belong_neighbourhood,backgrounds_get_on,influence_decisions'];
  for (const s of specs)
    for (const area of ['BL-SHA', 'BL-BRA', 'BL-WHE'])
      for (let i = 0; i < s.n; i++)
        lines.push(
          `${s.wave}-${area}-${i},${s.wave},${area},${i < s.ni2 ? 1 : 3},${i < s.ni1 ? 1 : 3},${i < s.ni4 ? 1 : 3}`,
        );
  const file = join(dir, 'survey.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { dir, file };
}

export async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
