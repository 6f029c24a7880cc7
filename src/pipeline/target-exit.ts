import { EXIT } from '../errors.js';
import type { TargetRow } from '../types/index.js';

export interface TargetChecks {
  failOnMissedTarget: boolean;
  /** exit 3 when a reported target row has no verdict (suppressed, or no data); `--strict` does not imply it */
  failOnNoVerdict?: boolean;
  /** exit 3 unless every verdict is met (inconclusive, missed, or not assessed) */
  failUnlessMet?: boolean;
}

/**
 * The exit code a run's target verdicts call for, the same for every command that judges targets: 3 when asked
 * with --fail-on-missed-target and some verdict is `missed`, with --fail-on-no-verdict and some reported row
 * has no verdict at all (a run that reports no target rows has none without a verdict), or with --fail-unless-met
 * and some row is anything but `met`; else 0. `say` is told why, for stderr.
 */
export function targetExit(
  targets: readonly Pick<TargetRow, 'verdict'>[] | undefined,
  checks: TargetChecks,
  say: (why: string) => void = () => undefined,
): number {
  const rows = targets ?? [];
  const missed = rows.filter((t) => t.verdict === 'missed').length;
  const none = rows.filter((t) => t.verdict === null).length;
  const notMet = rows.filter((t) => t.verdict !== 'met').length;
  const of = (n: number) => `${n} of ${rows.length} target row${rows.length === 1 ? '' : 's'}`;
  let code: number = EXIT.ok;
  if (checks.failOnMissedTarget && missed > 0) {
    say(`--fail-on-missed-target: ${of(missed)} missed`);
    code = EXIT.targetMissed;
  }
  if (checks.failOnNoVerdict && none > 0) {
    say(`--fail-on-no-verdict: ${of(none)} have no verdict (suppressed or no data)`);
    code = EXIT.targetMissed;
  }
  if (checks.failUnlessMet && notMet > 0) {
    say(`--fail-unless-met: ${of(notMet)} not met (inconclusive, missed or no verdict)`);
    code = EXIT.targetMissed;
  }
  return code;
}
