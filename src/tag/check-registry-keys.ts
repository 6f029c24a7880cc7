import { matchKey } from '../areas/match-key.js';
import type { TagProblem } from './problem.js';
import type { Neighbourhoods } from './read-neighbourhoods.js';

/**
 * The area registry matches survey rows by code or name, case-, space- and punctuation-insensitively,
 * and refuses two areas that share a key; find those clashes now, so the tagged CSV always loads.
 */
export function checkRegistryKeys(nbh: Neighbourhoods): TagProblem[] {
  const problems: TagProblem[] = [];
  const owner = new Map<string, { code: string; label: string }>();
  for (const area of nbh.areas) {
    for (const label of new Set([area.code, area.name])) {
      const key = matchKey(label);
      const other = owner.get(key);
      if (other && other.code !== area.code) {
        problems.push({
          file: nbh.path,
          line: area.line,
          message:
            `area ${area.code}: "${label}" cannot be told apart from "${other.label}" of area ${other.code} ` +
            '(codes and names are matched ignoring case, spaces and punctuation)',
        });
      } else owner.set(key, { code: area.code, label });
    }
  }
  return problems;
}
