import { EXIT } from '../errors.js';
import type { TargetRow } from '../types/index.js';

export interface TargetChecks {
  failOnMissedTarget: boolean;
}

/**
 * The exit code a run's target verdicts call for, the same for every command that judges targets: 3 only
 * when asked with --fail-on-missed-target and some verdict is `missed`, else 0.
 */
export function targetExit(targets: readonly Pick<TargetRow, 'verdict'>[] | undefined, checks: TargetChecks): number {
  return checks.failOnMissedTarget && (targets ?? []).some((t) => t.verdict === 'missed') ? EXIT.targetMissed : EXIT.ok;
}
