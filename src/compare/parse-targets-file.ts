import type { PublishedBaseline } from '../types/index.js';
import { parseSmallCsv, rowRecord } from '../io/small-csv.js';
import { z } from 'zod';
import type { Codebook } from '../codebook/schema.js';
import { DataError } from '../errors.js';
import type { Area } from '../types/index.js';
import { groupReadings, readingWords } from './published-targets.js';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/**
 * A percentage written as a decimal: a JSON number, or text such as `75` or `75.5`. A blank, `true`, `[50]` or `0x10`
 * is an error naming the line, never a number by coercion.
 */
const percent = z
  .union([z.number(), z.string().trim()], { message: 'must be a decimal number' })
  .refine((v) => v !== '', 'is blank; it must be a decimal number')
  .refine((v) => typeof v === 'number' || v === '' || DECIMAL.test(v), 'must be a decimal number (e.g. 75 or 75.5)')
  .transform(Number)
  .refine((x) => Number.isFinite(x) && x >= 0 && x <= 100, 'must be a percentage from 0 to 100');
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const rowSchema = z
  .object({
    indicator: z
      .string({ message: 'is required (a codebook id or NI name)' })
      .trim()
      .min(1, 'is required (a codebook id or NI name)'),
    group: z.string({ message: 'must be text: all, a type, a district or an area' }).trim().min(1).default('all'),
    baseline: percent,
    target: z.preprocess(
      (v) => ((typeof v === 'string' && v.trim() === '') || v === null ? undefined : v),
      percent.optional(),
    ),
    baseline_se: z.preprocess(
      blank,
      z.coerce.number({ message: 'must be a number' }).positive('must be above 0').optional(),
    ),
    baseline_n: z.preprocess(
      blank,
      z.coerce.number({ message: 'must be a number' }).positive('must be above 0').optional(),
    ),
    baseline_deff: z.preprocess(
      blank,
      z.coerce.number({ message: 'must be a number' }).positive('must be above 0').optional(),
    ),
    baseline_population: z.preprocess(blank, z.string().trim().optional()),
  })
  .strip();

/**
 * Parses a published-baselines file (CSV with a header `indicator,group,baseline[,target]`, or a JSON array of
 * such objects), validating each row with zod. Optional columns give the baseline's own sampling error:
 * `baseline_se` (points), or `baseline_n` with an optional `baseline_deff` (se = 100·√(b(1 − b)·deff/n), b the
 * baseline as a proportion); `baseline_population` says what it measured ("surveyed areas" when the same areas).
 * Indicators are codebook ids or NI names. Every bad row is reported with its line; any bad row is a DataError
 * naming them all.
 */
export function parseTargetsFile(
  text: string,
  fileName: string,
  codebook: Codebook,
  areas: readonly Area[] = [],
): PublishedBaseline[] {
  const isJson = /\.json$/i.test(fileName) || /^\s*[[{]/.test(text);
  let rows: { raw: unknown; line: number }[];
  if (isJson) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new DataError(`${fileName}: not valid JSON (${(e as Error).message})`);
    }
    const list = Array.isArray(data)
      ? data
      : data !== null && typeof data === 'object'
        ? (data as { targets?: unknown }).targets
        : undefined;
    if (!Array.isArray(list))
      throw new DataError(`${fileName}: expected an array of {indicator, group, baseline, target?}`);
    rows = list.map((raw, i) => ({ raw, line: i + 1 }));
  } else {
    const csv = parseSmallCsv(fileName, text);
    rows = csv.rows.map((row) => ({ raw: { ...rowRecord(csv, row) }, line: row.line }));
  }
  const problems: string[] = [];
  const out: PublishedBaseline[] = [];
  const seen = new Map<string, string>();
  for (const { raw, line } of rows) {
    const r = rowSchema.safeParse(raw);
    const where = `${fileName}:${isJson ? `row ${line}` : line}`;
    if (!r.success) {
      problems.push(`${where}: ${r.error.issues.map((i) => `${i.path.join('.') || 'row'} ${i.message}`).join('; ')}`);
      continue;
    }
    const want = r.data.indicator.toLowerCase();
    const index = codebook.items.findIndex(
      (it) => it.id.toLowerCase() === want || (it.ni ?? '').toLowerCase() === want,
    );
    if (index < 0) {
      problems.push(`${where}: unknown indicator "${r.data.indicator}"`);
      continue;
    }
    const readings = areas.length ? groupReadings(r.data.group, areas) : null;
    if (readings?.length === 0) {
      problems.push(
        `${where}: group "${r.data.group}" is not "all", an area type, a district or an area of the registry`,
      );
      continue;
    }
    if (readings && readings.length > 1) {
      problems.push(
        `${where}: group "${r.data.group}" could be ${readings.map(readingWords).join(' or ')}; name the area by ` +
          'its code, or use a registry where the names differ',
      );
      continue;
    }
    const resolved = readings?.[0];
    const key = `${index}\u0001${resolved ? `${resolved.groupBy}:${resolved.group}` : r.data.group.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(`${where}: a second row for ${r.data.indicator} × ${r.data.group} (the first is on ${first})`);
      continue;
    }
    seen.set(key, where);
    const asProportion = [r.data.baseline, r.data.target].find((v) => v !== undefined && v > 0 && v < 1);
    if (asProportion !== undefined) {
      problems.push(
        `${where}: ${asProportion} looks like a proportion; the targets file takes percentages ` +
          `(${+(asProportion * 100).toFixed(4)}, not ${asProportion})`,
      );
      continue;
    }
    const { baseline, baseline_se: se, baseline_n: n, baseline_deff: deff, baseline_population: population } = r.data;
    if (deff !== undefined && n === undefined && se === undefined) {
      problems.push(`${where}: baseline_deff needs baseline_n`);
      continue;
    }
    const b = baseline / 100;
    const baselineSe = se ?? (n !== undefined ? 100 * Math.sqrt((b * (1 - b) * (deff ?? 1)) / n) : undefined);
    out.push({
      index,
      group: r.data.group,
      baseline,
      ...(r.data.target !== undefined ? { target: r.data.target } : {}),
      ...(baselineSe !== undefined ? { baselineSe } : {}),
      ...(population ? { baselinePopulation: population } : {}),
      line,
    });
  }
  if (problems.length) throw new DataError(`bad rows in the targets file:\n  ${problems.join('\n  ')}`);
  if (out.length === 0) throw new DataError(`${fileName}: no target rows`);
  return out;
}
