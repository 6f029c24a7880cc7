import type { TagProblem } from './problem.js';
import type { ImdFile } from './read-imd.js';
import type { Neighbourhoods } from './read-neighbourhoods.js';
import type { RucFile } from './read-ruc.js';

/** Every (area, LSOA) row whose code is missing from the IMD or the RUC file, at its line. */
export function findMissingLsoas(nbh: Neighbourhoods, imd: ImdFile, ruc: RucFile): TagProblem[] {
  const problems: TagProblem[] = [];
  for (const area of nbh.areas) {
    for (const l of area.lsoas) {
      const inImd = imd.entries.has(l.lsoa);
      const inRuc = ruc.entries.has(l.lsoa);
      if (inImd && inRuc) continue;
      const where =
        !inImd && !inRuc
          ? `is in neither the IMD file ${imd.path} nor the rural-urban file ${ruc.path}`
          : `is not in the ${!inImd ? `IMD file ${imd.path}` : `rural-urban file ${ruc.path}`}`;
      const welsh = !inImd && l.lsoa.startsWith('W') ? ' (a Welsh LSOA: the English IMD does not cover Wales)' : '';
      problems.push({ file: nbh.path, line: l.line, message: `LSOA ${l.lsoa} (area ${area.code}) ${where}${welsh}` });
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}
