import { normaliseHeader } from './normalise-header.js';

export interface RucLayout {
  edition: 'RUC 2011' | 'RUC 2021';
  lsoaYear: 2011 | 2021;
  code: number;
  /** RUC11CD / RUC21CD */
  classCode: number | undefined;
  /** RUC11 / RUC21NM */
  className: number | undefined;
  /** Urban_rural_flag (2021 only) */
  flag: number | undefined;
}

export const RUC_EXPECTED =
  'the ONS 2011 layout "LSOA11CD,LSOA11NM,RUC11CD,RUC11" (LSOA11CD and RUC11CD needed) ' +
  'or the 2021 layout "LSOA21CD,LSOA21NM,LSOA21NMW,RUC21CD,RUC21NM,Urban_rural_flag" ' +
  '(LSOA21CD and RUC21NM or Urban_rural_flag needed)';

/** Recognise an ONS Rural Urban Classification LSOA header; undefined when it is not one. */
export function recogniseRucHeader(header: string[]): RucLayout | undefined {
  const h = header.map(normaliseHeader);
  const at = (name: string) => {
    const i = h.indexOf(name);
    return i < 0 ? undefined : i;
  };
  const code11 = at('lsoa11cd');
  const class11 = at('ruc11cd');
  if (code11 !== undefined && class11 !== undefined) {
    return {
      edition: 'RUC 2011',
      lsoaYear: 2011,
      code: code11,
      classCode: class11,
      className: at('ruc11'),
      flag: undefined,
    };
  }
  const code21 = at('lsoa21cd');
  const name21 = at('ruc21nm');
  const flag21 = at('urban_rural_flag');
  if (code21 !== undefined && (name21 !== undefined || flag21 !== undefined)) {
    return {
      edition: 'RUC 2021',
      lsoaYear: 2021,
      code: code21,
      classCode: at('ruc21cd'),
      className: name21,
      flag: flag21,
    };
  }
  return undefined;
}
