/** Both readings of "+u%" on a baseline in percent: +u points, and ×(1 + u/100). */
export function targetValues(baseline: number, uplift: number): { targetPoints: number; targetRelative: number } {
  return { targetPoints: baseline + uplift, targetRelative: baseline * (1 + uplift / 100) };
}
