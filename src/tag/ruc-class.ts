/** 2011 RUC classes found at LSOA level (ONS 2011 RUC user guide): A1–C2 urban, D1–E2 rural. */
export const RUC11_CLASSES: Readonly<Record<string, { rural: boolean; name: string }>> = {
  A1: { rural: false, name: 'Urban major conurbation' },
  B1: { rural: false, name: 'Urban minor conurbation' },
  C1: { rural: false, name: 'Urban city and town' },
  C2: { rural: false, name: 'Urban city and town in a sparse setting' },
  D1: { rural: true, name: 'Rural town and fringe' },
  D2: { rural: true, name: 'Rural town and fringe in a sparse setting' },
  E1: { rural: true, name: 'Rural village and dispersed' },
  E2: { rural: true, name: 'Rural village and dispersed in a sparse setting' },
};

/**
 * Whether a 2021 RUC class name (RUC21NM, or the Urban_rural_flag) is rural: it begins "Rural",
 * "Smaller rural" or "Larger rural"; urban when it begins "Urban"; undefined otherwise.
 */
export function isRural2021(name: string): boolean | undefined {
  const n = name.trim().toLowerCase();
  if (/^(rural|smaller rural|larger rural)\b/.test(n)) return true;
  if (/^urban\b/.test(n)) return false;
  return undefined;
}
