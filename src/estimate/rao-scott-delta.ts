import { multiply, solve, transpose, type Matrix } from './small-matrix.js';

/**
 * The Rao–Scott generalised design-effect matrix of the test of independence in an r × 2 table (r groups ×
 * {positive, not}), from the estimated cell proportions π̂ and their design covariance V:
 *   Δ = (C'D⁻¹C / N)⁻¹ (C'D⁻¹ V D⁻¹C),  D = diag(π̂) (1/0 read as 0),
 * C = the group × outcome interaction columns made orthogonal to the main effects (qr.resid(X1, X12)).
 * Cells are ordered 2g + (positive ? 0 : 1). Δ is (r − 1) × (r − 1); tr(Δ)/(r − 1) is the mean design
 * effect δ̄.
 * Source: Rao & Scott (1984) Ann. Statist. 12:46–60; R survey 4.1 `survey:::svychisq.survey.design`
 * (Cmat, iDmat, denom, numr, Delta), whose code this follows.
 * Example: with V the multinomial covariance (diag(π̂) − π̂π̂')/N (simple random sampling), Δ is the identity.
 * Returns null when a matrix to invert is singular (e.g. an outcome that does not vary).
 */
export function raoScottDelta(pi: readonly number[], V: Matrix, N: number, r: number): Matrix | null {
  const cell = (g: number, positive: boolean) => 2 * g + (positive ? 0 : 1);
  // Main effects (intercept, group dummies, outcome dummy) and the group × outcome interaction columns.
  const X1: Matrix = [];
  const X12: Matrix = [];
  for (let g = 0; g < r; g++)
    for (const pos of [true, false]) {
      const row = [1];
      for (let h = 1; h < r; h++) row.push(g === h ? 1 : 0);
      const yDummy = pos ? 0 : 1;
      row.push(yDummy);
      X1[cell(g, pos)] = row;
      X12[cell(g, pos)] = Array.from({ length: r - 1 }, (_, h) => (g === h + 1 ? yDummy : 0));
    }
  const X1t = transpose(X1);
  const coef = solve(multiply(X1t, X1), multiply(X1t, X12));
  if (!coef) return null;
  const fitted = multiply(X1, coef);
  const C = X12.map((row, i) => row.map((v, j) => v - fitted[i]![j]!));

  const iD = pi.map((v) => (v === 0 ? 0 : 1 / v));
  const iDC = C.map((row, i) => row.map((v) => v * iD[i]!));
  const denom = multiply(transpose(C), iDC).map((row) => row.map((v) => v / N));
  const numr = multiply(transpose(iDC), multiply(V, iDC));
  return solve(denom, numr);
}
