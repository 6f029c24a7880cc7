import type { Area } from '../types/index.js';
import { closest } from './edit-distance.js';
import { matchKey } from './match-key.js';

export interface AreaRegistry {
  source: string;
  areas: Area[];
  /** matchKey(code | name | alias) → area */
  byKey: Map<string, Area>;
}

/** Labels that become keys (codes, names, districts, types) are at most this long. */
export const MAX_AREA_LABEL = 200;

/**
 * Index areas by code, name and alias; `clashes` lists labels that would match two areas, or none: a label with no
 * letter or digit (`-`) would match every blank or punctuation-only cell, and one over 200 characters is no label.
 */
export function buildRegistry(areas: Area[], source: string): { registry: AreaRegistry; clashes: string[] } {
  const byKey = new Map<string, Area>();
  const clashes: string[] = [];
  for (const area of areas) {
    for (const label of [area.district, area.type])
      if (label.length > MAX_AREA_LABEL)
        clashes.push(`${area.code}: "${label.slice(0, 40)}…" is longer than ${MAX_AREA_LABEL} characters`);
    for (const label of [area.code, area.name, ...area.aliases]) {
      const key = matchKey(label);
      if (key === '') {
        clashes.push(`${area.code}: "${label}" has no letter or digit, so it cannot name an area`);
        continue;
      }
      if (label.length > MAX_AREA_LABEL) {
        clashes.push(`${area.code}: "${label.slice(0, 40)}…" is longer than ${MAX_AREA_LABEL} characters`);
        continue;
      }
      const other = byKey.get(key);
      if (other && other !== area) clashes.push(`"${label}" matches both ${other.code} and ${area.code}`);
      byKey.set(key, area);
    }
  }
  return { registry: { source, areas, byKey }, clashes };
}

/** The registry area a `neighbourhood` cell names, by code, name or alias. */
export function matchArea(registry: AreaRegistry, value: string): Area | undefined {
  const key = matchKey(value);
  return key === '' ? undefined : registry.byKey.get(key); // a blank or punctuation-only cell names no area
}

/** Values longer than this get no "did you mean" (no area name is that long, and the distance would be costly). */
export const MAX_SUGGESTED_LENGTH = 100;

/** "did you mean …" for an unknown area value. */
export function suggestArea(registry: AreaRegistry, value: string): string | undefined {
  if (value.length > MAX_SUGGESTED_LENGTH) return undefined;
  const names = registry.areas.flatMap((a) => [a.name, ...a.aliases]);
  return closest(value, names, matchKey);
}
