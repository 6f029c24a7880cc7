/**
 * Moore–Penrose pseudo-inverse of a symmetric matrix, from its eigen-decomposition by the cyclic
 * Jacobi method (Golub & Van Loan, Matrix Computations, 4th ed., §8.5). Eigenvalues whose absolute
 * value is at most `tol` × the largest are treated as zero, as R's `MASS::ginv(X, tol)` does with
 * singular values (for a symmetric matrix the singular values are the eigenvalues' absolute values).
 *
 * @example symmetricPseudoInverse([[1, 1], [1, 1]]) // [[0.25, 0.25], [0.25, 0.25]]
 */
export function symmetricPseudoInverse(matrix: readonly (readonly number[])[], tol = 256 * Number.EPSILON): number[][] {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const at = (m: number[][], i: number, j: number): number => m[i]![j]!;
  const set = (m: number[][], i: number, j: number, x: number): void => {
    m[i]![j] = x;
  };

  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += at(a, i, i) ** 2;
      for (let j = i + 1; j < n; j++) off += at(a, i, j) ** 2;
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(a, p, q);
        if (apq === 0) continue;
        const theta = (at(a, q, q) - at(a, p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = at(a, k, p);
          const akq = at(a, k, q);
          set(a, k, p, c * akp - s * akq);
          set(a, k, q, s * akp + c * akq);
        }
        for (let k = 0; k < n; k++) {
          const apk = at(a, p, k);
          const aqk = at(a, q, k);
          set(a, p, k, c * apk - s * aqk);
          set(a, q, k, s * apk + c * aqk);
        }
        for (let k = 0; k < n; k++) {
          const vkp = at(v, k, p);
          const vkq = at(v, k, q);
          set(v, k, p, c * vkp - s * vkq);
          set(v, k, q, s * vkp + c * vkq);
        }
      }
    }
  }

  const eigen = Array.from({ length: n }, (_, i) => at(a, i, i));
  const largest = Math.max(0, ...eigen.map(Math.abs));
  const inverse = eigen.map((e) => (Math.abs(e) > tol * largest && e !== 0 ? 1 / e : 0));
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += at(v, i, k) * inverse[k]! * at(v, j, k);
      return sum;
    }),
  );
}
