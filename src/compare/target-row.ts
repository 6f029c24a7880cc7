import { formatPercent } from '../format/format-number.js';

/** The note for a change the sample is too small to detect reliably. */
export function undetectableNote(upliftPoints: number, mde: number): string {
  return `The sample cannot reliably detect a change of ${formatPercent(upliftPoints)} points: the minimum detectable change is ${formatPercent(mde)} points (80% power).`;
}
