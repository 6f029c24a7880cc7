/** Dense matrices as arrays of rows; just enough linear algebra for the Rao–Scott design effects. */
export type Matrix = number[][];

export function zeros(r: number, c: number): Matrix {
  return Array.from({ length: r }, () => new Array<number>(c).fill(0));
}

export function transpose(a: Matrix): Matrix {
  const r = a.length;
  const c = a[0]?.length ?? 0;
  const out = zeros(c, r);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j]![i] = a[i]![j]!;
  return out;
}

export function multiply(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const m = b.length;
  const p = b[0]?.length ?? 0;
  const out = zeros(n, p);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < m; k++) {
      const aik = a[i]![k]!;
      if (aik === 0) continue;
      for (let j = 0; j < p; j++) out[i]![j]! += aik * b[k]![j]!;
    }
  return out;
}

/** Solves A·X = B by Gaussian elimination with partial pivoting; null when A is (numerically) singular. */
export function solve(a: Matrix, b: Matrix): Matrix | null {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...b[i]!]);
  const w = m[0]?.length ?? 0;
  const scale = Math.max(...a.flat().map(Math.abs), 0);
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[piv]![col]!)) piv = r;
    if (!(Math.abs(m[piv]![col]!) > 1e-12 * scale)) return null;
    [m[col], m[piv]] = [m[piv]!, m[col]!];
    const rowC = m[col]!;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r]!;
      const f = row[col]! / rowC[col]!;
      if (f === 0) continue;
      for (let j = col; j < w; j++) row[j]! -= f * rowC[j]!;
    }
  }
  return m.map((row, i) => row.slice(n).map((v) => v / row[i]!));
}
