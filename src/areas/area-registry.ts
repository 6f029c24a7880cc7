import type { Area } from '../types/index.js';
import { closest } from './edit-distance.js';
import { matchKey } from './match-key.js';

export interface AreaRegistry {
  source: string;
  areas: Area[];
  /** matchKey(code | name | alias) → area */
  byKey: Map<string, Area>;
}

/** Index areas by code, name and alias; `clashes` lists labels that would match two areas. */
export function buildRegistry(areas: Area[], source: string): { registry: AreaRegistry; clashes: string[] } {
  const byKey = new Map<string, Area>();
  const clashes: string[] = [];
  for (const area of areas) {
    for (const label of [area.code, area.name, ...area.aliases]) {
      const key = matchKey(label);
      const other = byKey.get(key);
      if (other && other !== area) clashes.push(`"${label}" matches both ${other.code} and ${area.code}`);
      byKey.set(key, area);
    }
  }
  return { registry: { source, areas, byKey }, clashes };
}

/** The registry area a `neighbourhood` cell names, by code, name or alias. */
export function matchArea(registry: AreaRegistry, value: string): Area | undefined {
  return registry.byKey.get(matchKey(value));
}

/** "did you mean …" for an unknown area value. */
export function suggestArea(registry: AreaRegistry, value: string): string | undefined {
  const names = registry.areas.flatMap((a) => [a.name, ...a.aliases]);
  return closest(value, names, matchKey);
}
