import { editDistance } from '../areas/edit-distance.js';
import { readIntegralDecimal } from '../codebook/cell-text.js';
import { formatCount } from '../format/format-number.js';

export interface WaveCount {
  label: string;
  rows: number;
  /** where the wave's first few rows are */
  lines: { file: string; line: number }[];
}

export interface SuspectWave extends WaveCount {
  /** the wave the label most plausibly stands for, or null when none is plausible or two are equally so */
  nearest: string | null;
  message: string;
}

/** A wave is suspect below this share of all rows, or below MIN_ROWS … */
export const SUSPECT_SHARE = 0.01;
export const MIN_ROWS = 30;
/** … while another wave holds at least this many. */
export const BIG_WAVE = 100;

const count = formatCount;
const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '');

/**
 * The one candidate that passes a test, null when none or several do (two equally plausible targets are a guess).
 */
function onlyOne(candidates: readonly string[], test: (c: string) => boolean): string | null | undefined {
  const hits = candidates.filter(test);
  if (hits.length === 0) return undefined;
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

/**
 * The wave a suspect label most plausibly abbreviates, trying in turn: a case or spacing difference (`wave 1` for
 * `Wave 1`); an integral decimal (`2006.0` for `2006`); the same digits as a suffix (`06` for `2006`); else the
 * smallest edit distance, when it is at most half the longer label (so `Pilot` suggests nothing for `2006`). The
 * first test that some candidate passes decides; if several pass it, there is no nearest.
 */
export function nearestWave(label: string, candidates: readonly string[]): string | null {
  const sameSquashed = onlyOne(candidates, (c) => squash(c) === squash(label));
  if (sameSquashed !== undefined) return sameSquashed;
  const asInteger = /\./.test(label) ? readIntegralDecimal(label) : null;
  if (asInteger !== null) {
    const decimal = onlyOne(candidates, (c) => /^\d+$/.test(c.trim()) && Number(c) === asInteger);
    if (decimal !== undefined) return decimal;
  }
  const digits = label.trim();
  if (/^\d+$/.test(digits)) {
    const suffix = onlyOne(candidates, (c) => /^\d+$/.test(c) && c.length > digits.length && c.endsWith(digits));
    if (suffix !== undefined) return suffix;
  }
  let best: string[] = [];
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(label.toLowerCase(), c.toLowerCase());
    if (d > Math.max(1, Math.floor(Math.max(label.length, c.length) / 2))) continue;
    if (d < bestD) [best, bestD] = [[c], d];
    else if (d === bestD) best.push(c);
  }
  return best.length === 1 ? (best[0] ?? null) : null;
}

/** `line 1,234`, `lines 3; 9; 12; …` (semicolons: en-GB numbers have commas), with files when several appear. */
function describeLines(w: WaveCount, showFiles: boolean): string {
  if (w.lines.length === 0) return '';
  const at = w.lines.map((l) => (showFiles ? `${l.file} line ${count(l.line)}` : count(l.line)));
  const more = w.rows > w.lines.length ? '; …' : '';
  if (showFiles) return ` (${at.join('; ')}${more})`;
  return ` (line${w.lines.length === 1 && !more ? '' : 's'} ${at.join('; ')}${more})`;
}

/**
 * Waves so small beside the others that their label is probably a typo or a stray value (`06` among thousands of
 * `2006` rows): under 1% of all rows, or under 30 rows, while another wave holds 100 or more. Each comes with a
 * warning naming where its rows are and, when one is plausible, the wave it was probably meant to be. Analysing
 * them as a wave of their own would report a change from a handful of rows, so the caller warns (or refuses).
 */
export function suspectWaves(waves: readonly WaveCount[]): SuspectWave[] {
  const total = waves.reduce((s, w) => s + w.rows, 0);
  const isSuspect = (w: WaveCount) =>
    (w.rows < SUSPECT_SHARE * total || w.rows < MIN_ROWS) && waves.some((o) => o !== w && o.rows >= BIG_WAVE);
  const suspects = waves.filter(isSuspect);
  const candidates = waves.filter((w) => !suspects.includes(w)).map((w) => w.label);
  const showFiles = new Set(waves.flatMap((w) => w.lines.map((l) => l.file))).size > 1;
  return suspects.map((w) => {
    const nearest = nearestWave(w.label, candidates);
    const has = `wave \`${w.label}\` has ${count(w.rows)} row${w.rows === 1 ? '' : 's'}${describeLines(w, showFiles)}`;
    const message =
      nearest !== null
        ? `${has}; did you mean \`${nearest}\`?`
        : `${has}, far fewer than the other waves; is the label a typo?`;
    return { ...w, nearest, message };
  });
}
