import { IMD_EXPECTED, recogniseImdHeader, type ImdLayout } from './imd-header.js';
import { lsoaCodeProblem } from './lsoa-code.js';
import { unrecognisedHeader, type TagProblem } from './problem.js';
import type { SmallCsv } from '../io/small-csv.js';
import type { ReadResult } from './read-neighbourhoods.js';

export interface ImdEntry {
  rank: number;
  decile: number | undefined;
  score: number | undefined;
  line: number;
}

export interface ImdFile {
  path: string;
  layout: ImdLayout;
  entries: Map<string, ImdEntry>;
}

const WHOLE = /^\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** An English Indices of Deprivation LSOA file, as published. Every bad row is reported by line. */
export function readImd(table: SmallCsv): ReadResult<ImdFile | undefined> {
  const file = table.path;
  const problems: TagProblem[] = [];
  const warnings: string[] = [];
  const layout = recogniseImdHeader(table.header);
  if (!layout) {
    problems.push(unrecognisedHeader(file, 'IMD file', IMD_EXPECTED, table.header));
    return { value: undefined, problems, warnings };
  }
  const entries = new Map<string, ImdEntry>();
  for (const { line, cells } of table.rows) {
    const code = (cells[layout.code] ?? '').trim();
    const notCode = lsoaCodeProblem(code);
    if (notCode !== undefined) {
      problems.push({ file, line, message: notCode });
      continue;
    }
    const rankText = (cells[layout.rank] ?? '').trim();
    const decileText = layout.decile === undefined ? undefined : (cells[layout.decile] ?? '').trim();
    const scoreText = layout.score === undefined ? undefined : (cells[layout.score] ?? '').trim();
    const rank = Number(rankText);
    if (!WHOLE.test(rankText) || rank < 1) {
      problems.push({ file, line, message: `IMD rank "${rankText}" for ${code} is not a whole number ≥ 1` });
      continue;
    }
    const decile = decileText === undefined ? undefined : Number(decileText);
    if (decileText !== undefined && (!WHOLE.test(decileText) || decile === undefined || decile < 1 || decile > 10)) {
      problems.push({ file, line, message: `IMD decile "${decileText}" for ${code} is not a whole number 1–10` });
      continue;
    }
    const score = scoreText === undefined || scoreText === '' ? undefined : Number(scoreText);
    if (scoreText !== undefined && scoreText !== '' && !NUMBER.test(scoreText)) {
      problems.push({ file, line, message: `IMD score "${scoreText}" for ${code} is not a number` });
      continue;
    }
    const entry: ImdEntry = { rank, decile, score, line };
    const earlier = entries.get(code);
    if (earlier) {
      if (earlier.rank !== rank || earlier.decile !== decile || earlier.score !== score) {
        problems.push({
          file,
          line,
          message:
            `conflicting duplicate row for ${code}: rank ${rank}, decile ${decile ?? '–'} here ` +
            `but rank ${earlier.rank}, decile ${earlier.decile ?? '–'} on line ${earlier.line}`,
        });
      } else {
        warnings.push(`${file}:${line}: duplicate row for ${code} (same as line ${earlier.line}) counted once`);
      }
      continue;
    }
    entries.set(code, entry);
  }
  return { value: { path: file, layout, entries }, problems, warnings };
}
