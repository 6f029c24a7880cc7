import { UsageError } from '../errors.js';
import { returnsNeeded, type ReturnsNeeded } from '../estimate/returns-needed.js';
import type { PlanMail, PlanNeed, PlanNeeds, PlanReason, PlanRow, TargetRule } from '../types/index.js';

/** One baseline to plan from: a figure given with --baseline, or a group's estimate in the --from wave. */
export interface PlanBaseline {
  indicator: string | null;
  ni: string | null;
  groupBy: string;
  group: string;
  /** percent; null when suppressed */
  percent: number | null;
  /** Kish effective n in the --from wave; null with --baseline */
  nEff: number | null;
  unweightedBase: number | null;
  /** the design effect to assume for the new wave(s) */
  deff: number;
  /** share 0–1 (returns ÷ mailed, or --response-rate); null when unknown */
  responseRate: number | null;
}

export interface PlanOptions {
  uplift: number;
  rule: TargetRule;
  alpha: number;
  power: number;
  /** points; default 2 × the uplift in points of each group */
  assumedRise?: number;
}

/** ⌈returns ÷ rate⌉, forgiving the last bit of floating error (300 ÷ 0.3 is 1,000, not 1,001). */
export function questionnaires(returns: number, rate: number): number {
  return Math.ceil(returns / rate - 1e-9);
}

function need(r: ReturnsNeeded, mode: 'detect' | 'confirm', targetAbove100: boolean): PlanNeed {
  if (r.n !== null) return { returns: r.n, exact: r.exact, delta: r.delta, p2: r.p2, reason: null };
  const reason: PlanReason =
    r.reason === 'not-reachable'
      ? 'not-reachable'
      : mode === 'confirm' && !targetAbove100
        ? 'rise-above-100'
        : 'target-above-100';
  return { returns: null, exact: null, delta: r.delta, p2: r.p2, reason };
}

function mail(detect: PlanNeed, confirm: PlanNeed, rate: number | null): PlanMail {
  const q = (n: PlanNeed) => (n.returns === null || rate === null ? null : questionnaires(n.returns, rate));
  return {
    responseRate: rate,
    detect: { questionnaires: q(detect), delta: detect.delta },
    confirm: { questionnaires: q(confirm), delta: confirm.delta },
    reason: rate === null ? 'no-response-rate' : null,
  };
}

function needs(b: PlanBaseline, p1: number, rise: number, o: PlanOptions, baselineNEff?: number): PlanNeeds {
  const common = { p1, uplift: o.uplift, rule: o.rule, alpha: o.alpha, power: o.power, deff: b.deff };
  const given = baselineNEff === undefined ? {} : { baselineNEff };
  const above = p1 + upliftPoints(p1, o) >= 100;
  const detect = need(returnsNeeded({ ...common, ...given, mode: 'detect' }), 'detect', above);
  const confirm = need(returnsNeeded({ ...common, ...given, mode: 'confirm', rise }), 'confirm', above);
  return {
    returnsToDetect: detect,
    returnsToConfirm: confirm,
    questionnairesToMail: mail(detect, confirm, b.responseRate),
  };
}

const upliftPoints = (p1: number, o: Pick<PlanOptions, 'uplift' | 'rule'>) =>
  o.rule === 'points' ? o.uplift : (o.uplift / 100) * p1;

function suppressedNeeds(b: PlanBaseline): PlanNeeds {
  const none = (): PlanNeed => ({ returns: null, exact: null, delta: null, p2: null, reason: 'baseline-suppressed' });
  return {
    returnsToDetect: none(),
    returnsToConfirm: none(),
    questionnairesToMail: {
      responseRate: b.responseRate,
      detect: { questionnaires: null, delta: null },
      confirm: { questionnaires: null, delta: null },
      reason: 'baseline-suppressed',
    },
  };
}

/**
 * The plan of each baseline: returns to detect a change the size of the target, returns to confirm the
 * target ("met") when the true rise is r, and the questionnaires to mail for each; with the baseline wave's
 * own n_eff, also the next wave's returns given that baseline. The formulas are returnsNeeded's.
 * An assumed rise no larger than the uplift can never confirm the target: a usage error, not a figure.
 */
export function planReturns(baselines: readonly PlanBaseline[], o: PlanOptions): PlanRow[] {
  if (!(o.uplift > 0))
    throw new UsageError('plan needs an --uplift above 0: a change of 0 points cannot be planned for');
  return baselines.map((b): PlanRow => {
    const row = {
      indicator: b.indicator,
      ni: b.ni,
      groupBy: b.groupBy,
      group: b.group,
      baseline: b.percent,
      baselineNEff: b.nEff,
      unweightedBase: b.unweightedBase,
      deff: b.deff,
    };
    if (b.percent === null) {
      const s = suppressedNeeds(b);
      return {
        ...row,
        upliftPoints: null,
        target: null,
        assumedRise: null,
        ...s,
        givenBaseline: b.nEff === null ? null : s,
      };
    }
    const u = upliftPoints(b.percent, o);
    const rise = o.assumedRise ?? 2 * u;
    if (!(rise > u))
      throw new UsageError(
        `--assumed-rise ${rise}: a rise no larger than the target can never be confirmed ` +
          `(the uplift is ${+u.toFixed(2)} points` +
          `${b.indicator ? ` for ${b.indicator}, ${b.group}` : ''}); give an --assumed-rise above it`,
      );
    return {
      ...row,
      upliftPoints: u,
      target: b.percent + u,
      assumedRise: rise,
      ...needs(b, b.percent, rise, o),
      givenBaseline: b.nEff === null ? null : needs(b, b.percent, rise, o, b.nEff),
    };
  });
}
