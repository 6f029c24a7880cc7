import type { Codebook } from '../codebook/schema.js';

const key = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, '');

/** For each profile column, a lookup from accepted spellings to the canonical category. */
export function profileMatchers(codebook: Codebook): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [column, categories] of Object.entries(codebook.profiles)) {
    const m = new Map<string, string>();
    for (const c of categories) for (const spelling of [c.label, ...c.aliases]) m.set(key(spelling), c.label);
    out.set(column, m);
  }
  return out;
}

export const profileKey = key;
