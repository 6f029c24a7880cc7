import type { Area } from '../types/index.js';
import { scopeKey, type MarginLine, type MarginScope, type MarginsFile } from './margins-file.js';
import type { Margin } from './types.js';

/**
 * Which margins rake whom. A respondent is raked within the most specific scope that has margins
 * for their wave: their area, else their district, else their area type, else `all`. So per-area
 * margins rake each area to its own profile, and `all` rakes whoever no narrower scope covers.
 */
export function createScopeResolver(file: MarginsFile): (wave: string, area: Area) => MarginScope | undefined {
  const available = new Set(file.lines.map((l) => `${scopeKey(l.scope)}\u0000${l.wave ?? ''}`));
  const has = (s: MarginScope, wave: string): boolean =>
    available.has(`${scopeKey(s)}\u0000${wave}`) || available.has(`${scopeKey(s)}\u0000`);
  const memo = new Map<string, MarginScope | undefined>();
  return (wave, area) => {
    const key = `${wave}\u0000${area.code}`;
    if (memo.has(key)) return memo.get(key);
    const candidates: MarginScope[] = [
      { kind: 'area', value: area.code },
      { kind: 'district', value: area.district },
      { kind: 'type', value: area.type },
      { kind: 'all', value: 'all' },
    ];
    const found = candidates.find((s) => has(s, wave));
    memo.set(key, found);
    return found;
  };
}

export interface ScopeMargins {
  /** shares (0–1), normalised per variable, in file order */
  margins: Margin[];
  /** the lines they came from, parallel to margins */
  lines: MarginLine[];
  /** with count margins: the population the weights sum to (the first variable's total) */
  total: number | undefined;
  /** raking variables with no margins in this scope and wave */
  missingVariables: string[];
}

/**
 * The margins of one scope for one wave: for each variable, the lines for that wave if there are
 * any, else the lines for every wave (blank `wave`). Values are normalised per variable.
 */
export function marginsFor(
  file: MarginsFile,
  scope: MarginScope,
  wave: string,
  variables: readonly string[],
): ScopeMargins {
  const key = scopeKey(scope);
  const margins: Margin[] = [];
  const lines: MarginLine[] = [];
  const missingVariables: string[] = [];
  let total: number | undefined;
  for (const variable of variables) {
    const mine = file.lines.filter((l) => l.variable === variable && scopeKey(l.scope) === key);
    const forWave = mine.filter((l) => l.wave === wave);
    const chosen = forWave.length > 0 ? forWave : mine.filter((l) => l.wave === null);
    if (chosen.length === 0) {
      missingVariables.push(variable);
      continue;
    }
    const sum = chosen.reduce((s, l) => s + l.value, 0);
    if (file.measure === 'count' && total === undefined) total = sum;
    for (const l of chosen) {
      margins.push({ variable, category: l.category, share: sum > 0 ? l.value / sum : 0 });
      lines.push(l);
    }
  }
  return { margins, lines, total, missingVariables };
}
