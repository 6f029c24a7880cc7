/** The 23 columns of the sample waves: respondent_id, wave, neighbourhood, age_band, sex, the 17 items, comments. */
export const ITEM_IDS = [
  'belong_neighbourhood',
  'belong_county',
  'belong_england',
  'belong_britain',
  'friendly_place',
  'keep_eye',
  'call_police',
  'backgrounds_get_on',
  'trust_general',
  'trust_neighbours',
  'help_neighbour',
  'wallet_returned',
  'influence_decisions',
  'influence_alone',
  'influence_group',
  'volunteer_formal',
  'volunteer_informal',
] as const;

export const HEADER = ['respondent_id', 'wave', 'neighbourhood', 'age_band', 'sex', ...ITEM_IDS, 'comments'];

export interface RowSpec {
  id?: string;
  wave?: string;
  area?: string;
  age?: string;
  sex?: string;
  /** item id → cell text; items not named get `fill` */
  items?: Partial<Record<(typeof ITEM_IDS)[number], string>>;
  fill?: string;
  comments?: string;
}

/** One row's fields in HEADER order. */
export function rowFields(r: RowSpec): string[] {
  return [
    r.id ?? '',
    r.wave ?? '2009',
    r.area ?? 'BL-BRA',
    r.age ?? '35-44',
    r.sex ?? 'Female',
    ...ITEM_IDS.map((id) => r.items?.[id] ?? r.fill ?? '1'),
    r.comments ?? '',
  ];
}

/** A CSV text from rows of fields (no quoting: callers quote what needs it). */
export function csvText(rows: string[][], sep = ',', eol = '\n'): string {
  return rows.map((r) => r.join(sep)).join(eol) + eol;
}

/** `n` rows of one wave (other fields as rowFields gives them), ids `${prefix}1`… so that no id repeats in a wave. */
export function waveRows(wave: string, n: number, prefix: string): string[][] {
  return Array.from({ length: n }, (_, i) => rowFields({ id: `${prefix}${i + 1}`, wave }));
}
