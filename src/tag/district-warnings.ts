import type { AreaDecision } from './tag-settings.js';

/** The LAA design had one area of each type per district; say where the derived types differ. */
export function districtWarnings(decisions: readonly AreaDecision[]): string[] {
  const byDistrict = new Map<string, { rural: number; deprived: number; average: number }>();
  for (const d of decisions) {
    const t = byDistrict.get(d.district) ?? { rural: 0, deprived: 0, average: 0 };
    t[d.type] += 1;
    byDistrict.set(d.district, t);
  }
  const warnings: string[] = [];
  for (const [district, t] of byDistrict) {
    if (t.rural === 1 && t.deprived === 1 && t.average === 1) continue;
    warnings.push(
      `district ${district} has ${t.rural} rural, ${t.deprived} deprived and ${t.average} average area(s), ` +
        'not one of each as in the LAA design',
    );
  }
  return warnings;
}
