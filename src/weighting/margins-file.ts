import { parseSmallCsv } from '../io/small-csv.js';
import { z } from 'zod';
import { matchKey } from '../areas/match-key.js';
import type { Area, Issue } from '../types/index.js';

/**
 * The margins file: CSV `variable,category,share` (or `count` instead of `share`), with optional
 * `scope` (all | area code or name | district | type) and `wave` (blank = every wave) columns.
 * Parsing checks the file on its own; checkMargins checks it against the data's raking cells.
 */

export type ScopeKind = 'all' | 'area' | 'district' | 'type';

export interface MarginScope {
  kind: ScopeKind;
  /** 'all', an area code, a district name or a type, as the registry spells it */
  value: string;
}

export interface MarginLine {
  /** 1-based line in the file (the header is line 1) */
  line: number;
  variable: string;
  category: string;
  /** the share (0–1) or the count, as written */
  value: number;
  scope: MarginScope;
  /** null: every wave */
  wave: string | null;
}

export interface MarginsFile {
  file: string;
  measure: 'share' | 'count';
  lines: MarginLine[];
}

export interface MarginsContext {
  /** the raking variables; lines for other variables are ignored */
  variables: readonly string[];
  areas: readonly Area[];
  /** canonical categories per variable (the codebook's profiles); labels are matched case-insensitively */
  categories?: Readonly<Record<string, readonly string[]>>;
}

const SHARE_SUM_TOLERANCE = 1e-6;

const number = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is blank`)
    .transform(Number)
    .refine((x) => Number.isFinite(x), `${what} is not a number`);

const rowSchema = (measure: 'share' | 'count') =>
  z.object({
    variable: z.string().trim().min(1, 'variable is blank'),
    category: z.string().trim().min(1, 'category is blank'),
    value:
      measure === 'share'
        ? number('share').refine((x) => x >= 0 && x <= 1, 'share must be between 0 and 1')
        : number('count').refine((x) => x >= 0, 'count must not be negative'),
    scope: z.string().trim().optional().default(''),
    wave: z.string().trim().optional().default(''),
  });

/** `all`, `BL-BRA`, `Blaby (district)`, `rural (type)`: how a scope is named in messages and reports. */
export function scopeLabel(s: MarginScope): string {
  return s.kind === 'all' || s.kind === 'area' ? s.value : `${s.value} (${s.kind})`;
}

/** A stable key for grouping: `all`, `area:BL-BRA`, `district:Blaby`, `type:rural`. */
export function scopeKey(s: MarginScope): string {
  return s.kind === 'all' ? 'all' : `${s.kind}:${s.value}`;
}

/** Which scope a `scope` cell names: all, then an area (code, name or alias), a district, a type. */
export function resolveScopeName(value: string, areas: readonly Area[]): MarginScope | undefined {
  const k = matchKey(value);
  if (k === '' || k === 'all') return { kind: 'all', value: 'all' };
  const area = areas.find((a) => [a.code, a.name, ...a.aliases].some((l) => matchKey(l) === k));
  if (area) return { kind: 'area', value: area.code };
  const district = areas.find((a) => matchKey(a.district) === k);
  if (district) return { kind: 'district', value: district.district };
  const type = areas.find((a) => matchKey(a.type) === k);
  if (type) return { kind: 'type', value: type.type };
  return undefined;
}

export type MarginsIssueDetail = [
  line: number,
  columnName: string,
  reason: string,
  value: string,
  message: string,
  suggestion?: string,
];

/** A margins-file problem: an error on one line (0: the file as a whole), naming the column it is about. */
export function marginsIssue(file: string, ...detail: MarginsIssueDetail): Issue {
  const [line, columnName, reason, value, message, suggestion] = detail;
  return {
    file,
    line,
    column: 0,
    columnName,
    reason,
    severity: 'error',
    value,
    message,
    ...(suggestion ? { suggestion } : {}),
  };
}

/**
 * Parse and validate a margins file. Errors carry the file's line; when there are errors, `margins`
 * is undefined. Checks: the columns; each row (zod); the variable is a raking one (others are skipped);
 * the category is one of the variable's; the scope names the survey, an area, a district or a type;
 * no line is repeated; shares sum to 1 within 1e-6 per scope, wave and variable; counts sum to more than 0.
 */
export function parseMarginsFile(
  text: string,
  file: string,
  ctx: MarginsContext,
): { margins?: MarginsFile; issues: Issue[] } {
  const issues: Issue[] = [];
  const error = (...a: MarginsIssueDetail): void => {
    issues.push(marginsIssue(file, ...a));
  };
  const csv = parseSmallCsv(file, text);
  const fields = csv.header.map((h) => h.toLowerCase());
  const missing = ['variable', 'category'].filter((f) => !fields.includes(f));
  const hasShare = fields.includes('share');
  const hasCount = fields.includes('count');
  if (missing.length || hasShare === hasCount) {
    const need = missing.length
      ? `lacks column(s) ${missing.join(', ')}`
      : hasShare
        ? 'has both share and count columns'
        : 'has neither a share nor a count column';
    error(
      1,
      '',
      'margins-header',
      fields.join(','),
      `the margins file ${need}; expected variable,category,share (or count)[,scope,wave]`,
    );
    return { issues };
  }
  const measure = hasShare ? 'share' : 'count';
  const schema = rowSchema(measure);
  const wanted = new Set(ctx.variables);
  const lines: MarginLine[] = [];
  const seen = new Map<string, number>();

  csv.rows.forEach(({ cells, line }) => {
    const raw: Record<string, string> = Object.fromEntries(fields.map((f, j) => [f, cells[j] ?? '']));
    const r = schema.safeParse({ ...raw, value: raw[measure] });
    if (!r.success) {
      for (const issue of r.error.issues) {
        const col = String(issue.path[0] ?? '');
        error(
          line,
          col === 'value' ? measure : col,
          'margins-row',
          String(raw[col === 'value' ? measure : col] ?? ''),
          issue.message,
        );
      }
      return;
    }
    const { variable, scope: scopeText, wave } = r.data;
    if (!wanted.has(variable)) return;
    let category = r.data.category;
    const known = ctx.categories?.[variable];
    if (known) {
      const match = known.find((c) => matchKey(c) === matchKey(category));
      if (!match) {
        error(
          line,
          'category',
          'margins-category',
          category,
          `"${category}" is not a ${variable} category (${known.join(', ')})`,
        );
        return;
      }
      category = match;
    }
    const scope = resolveScopeName(scopeText, ctx.areas);
    if (!scope) {
      error(
        line,
        'scope',
        'margins-scope',
        scopeText,
        `scope "${scopeText}" is not "all", an area, a district or an area type of the registry`,
      );
      return;
    }
    const key = [scopeKey(scope), wave, variable, category].join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) {
      const inWave = wave ? `, wave ${wave}` : '';
      error(
        line,
        'category',
        'margins-duplicate',
        category,
        `${variable} ${category} is repeated for scope ${scopeLabel(scope)}${inWave} (first on line ${first})`,
      );
      return;
    }
    seen.set(key, line);
    lines.push({ line, variable, category, value: r.data.value, scope, wave: wave === '' ? null : wave });
  });

  const groups = new Map<string, MarginLine[]>();
  for (const l of lines) {
    const key = [scopeKey(l.scope), l.wave ?? '', l.variable].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const sum = group.reduce((s, l) => s + l.value, 0);
    const inWave = first.wave === null ? '' : `, wave ${first.wave}`;
    const lineList = group.map((l) => l.line).join(', ');
    const where = `${first.variable} in scope ${scopeLabel(first.scope)}${inWave} (lines ${lineList})`;
    if (measure === 'share' && Math.abs(sum - 1) > SHARE_SUM_TOLERANCE)
      error(
        first.line,
        'share',
        'margins-sum',
        String(sum),
        `the shares of ${where} sum to ${sum}, not 1`,
        'correct the shares, or use a count column, which is normalised',
      );
    if (measure === 'count' && !(sum > 0))
      error(first.line, 'count', 'margins-sum', String(sum), `the counts of ${where} sum to 0`);
  }
  if (measure === 'count') {
    // the weights sum to the first variable's total; say so when another variable's differs
    const totals = new Map<string, { variable: string; sum: number; line: number }[]>();
    for (const group of groups.values()) {
      const first = group[0]!;
      const key = `${scopeKey(first.scope)}\u0000${first.wave ?? ''}`;
      totals.set(key, [
        ...(totals.get(key) ?? []),
        { variable: first.variable, sum: group.reduce((s, l) => s + l.value, 0), line: first.line },
      ]);
    }
    for (const list of totals.values()) {
      const sorted = ctx.variables.map((v) => list.find((t) => t.variable === v)).filter((t) => t !== undefined);
      const base = sorted[0];
      for (const t of sorted.slice(1))
        if (base && Math.abs(t.sum - base.sum) > 1e-6 * base.sum)
          issues.push({
            file,
            line: t.line,
            column: 0,
            columnName: 'count',
            reason: 'margins-count-total',
            severity: 'warning',
            value: String(t.sum),
            message:
              `the counts of ${t.variable} sum to ${t.sum}, those of ${base.variable} to ${base.sum}; ` +
              `the weights sum to ${base.sum}`,
          });
    }
  }
  if (lines.length === 0 && issues.length === 0)
    error(1, 'variable', 'margins-empty', '', `the margins file has no lines for ${ctx.variables.join(', ')}`);
  return issues.some((x) => x.severity === 'error') ? { issues } : { margins: { file, measure, lines }, issues };
}
