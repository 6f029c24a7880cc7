import { EXIT } from '../errors.js';
import type { TargetRow } from '../types/index.js';

export interface TargetChecks {
  failOnMissedTarget: boolean;
  failUnlessMet?: boolean;
}

/**
 * The exit code a run's target verdicts call for, the same for every command that judges targets: 3 when
 * asked with --fail-on-missed-target and some verdict is `missed`, or with --fail-unless-met and some row is
 * anything but `met` (inconclusive, missed, or not assessed); else 0.
 */
export function targetExit(targets: readonly Pick<TargetRow, 'verdict'>[] | undefined, checks: TargetChecks): number {
  const rows = targets ?? [];
  if (checks.failOnMissedTarget && rows.some((t) => t.verdict === 'missed')) return EXIT.targetMissed;
  if (checks.failUnlessMet && rows.some((t) => t.verdict !== 'met')) return EXIT.targetMissed;
  return EXIT.ok;
}
