import fc from 'fast-check';
import { ITEM_IDS } from './survey-text.js';

/**
 * Survey files with injected problems, for property tests of the ingest. Each generated file comes with
 * what a correct ingest must report: the rows read and analysed, the rows set aside by reason, and every
 * error issue at its physical line and column, all worked out here from how the text was built.
 */

export type RowKind =
  'clean' | 'invalid-code' | 'unknown-area' | 'missing-wave' | 'bad-weight' | 'wrong-field-count' | 'duplicate-id';

export interface ExpectedIssue {
  line: number;
  /** 1-based field index; 0 for a whole-row problem */
  column: number;
  reason: string;
}

export interface GeneratedSurvey {
  text: string;
  separator: ',' | ';' | '\t';
  eol: '\n' | '\r\n';
  read: number;
  analysed: number;
  setAside: Record<string, number>;
  errors: ExpectedIssue[];
}

const AREAS = [
  'BL-BRA',
  'ch-wol',
  'Walton on the Wolds',
  'HASTINGS',
  'Melton Mowbray',
  'OW-OAD',
  'Tilton on the Hill',
  'NW-LOC',
];
const UNKNOWN_AREAS = ['Atlantis', 'Gondor', 'Narnia Vale', 'Walton on the Wold', 'XX-YYY', ''];
const GOOD_WEIGHTS = ['1', '0.5', '2.25', ' 1.5 ', '3', '0.125'];
const BAD_WEIGHTS = ['', '0', '-1', 'abc', '1e999', 'NaN', 'Infinity', '1,5', '-0.5'];
/** In a `;`-separated file a decimal comma is a decimal ("1,5" is 1.5), so "1,5" is no bad weight there. */
const badWeight = (n: number, sep: string) => {
  const w = BAD_WEIGHTS[n % BAD_WEIGHTS.length]!;
  return sep === ';' && w === '1,5' ? '1,5,0' : w;
};
const AGES = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+', '75 and over', '', '99'];
const SEXES = ['Male', 'Female', 'F', 'm', '', '99'];
/** invalid for every item: the largest code on any scale is 7 */
const BAD_CODES = ['0', '8', '42', 'maybe', 'Yes please', '1.5'];
/**
 * valid for every item (codes 1 and 2 exist on every scale; blank, 98, 99 are missing); index 0 is the item's own
 * label
 */
const GOOD_CODES = ['', '1', '2', '', '98', '99', ' 1 '];
/** one label of each item's scale, in mixed case, in ITEM_IDS order */
const LABELS = [
  'Fairly strongly',
  'very strongly',
  "Don't know",
  'NOT AT ALL STRONGLY',
  'tend to agree',
  'Definitely disagree',
  "don't know",
  'Too few people in local area',
  'It depends',
  'A few',
  'Quite likely',
  'not at all likely',
  'Tend to Disagree',
  'definitely agree',
  "DON'T KNOW",
  'no',
  'Yes',
];
const BAD_PROFILE = { age_band: ['teen', '200'], sex: ['X', 'unknown'] } as const;

export interface RowPlan {
  kind: RowKind;
  wave: string;
  area: number;
  weight: number;
  age: number;
  sex: number;
  codes: number[];
  badCells: { item: number; value: number }[];
  badProfile: 'age_band' | 'sex' | null;
  comment: string;
  /** for wrong-field-count: fields to drop (< 0) or add (> 0) */
  ragged: number;
  /** for duplicate-id: which earlier analysed row to copy */
  dupOf: number;
  blankLinesBefore: number;
  /** quote every field of the row, needed or not */
  quoteAll: boolean;
}

const commentArb = fc.oneof(
  fc.constant(''),
  fc.string({
    unit: fc.constantFrom('a', 'b', ' ', ',', ';', '\t', '"', '\n', 'é', '£', '–', "'", 'x'),
    maxLength: 24,
  }),
);

export const rowArb: fc.Arbitrary<RowPlan> = fc.record({
  kind: fc.oneof(
    { weight: 6, arbitrary: fc.constant<RowKind>('clean') },
    {
      weight: 2,
      arbitrary: fc.constantFrom<RowKind>(
        'invalid-code',
        'unknown-area',
        'missing-wave',
        'bad-weight',
        'wrong-field-count',
        'duplicate-id',
      ),
    },
  ),
  wave: fc.constantFrom('2006', '2009'),
  area: fc.nat(),
  weight: fc.nat(),
  age: fc.nat(),
  sex: fc.nat(),
  codes: fc.array(fc.nat(), { minLength: ITEM_IDS.length, maxLength: ITEM_IDS.length }),
  badCells: fc.uniqueArray(fc.record({ item: fc.nat({ max: ITEM_IDS.length - 1 }), value: fc.nat() }), {
    minLength: 1,
    maxLength: 3,
    selector: (c) => c.item,
  }),
  badProfile: fc.constantFrom<'age_band' | 'sex' | null>(null, null, 'age_band', 'sex'),
  comment: commentArb,
  ragged: fc.oneof(fc.integer({ min: -4, max: -1 }), fc.integer({ min: 1, max: 3 })),
  dupOf: fc.nat(),
  blankLinesBefore: fc.oneof(
    { weight: 5, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) },
  ),
  quoteAll: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

export const surveyArb: fc.Arbitrary<GeneratedSurvey> = fc
  .record({
    separator: fc.constantFrom<',' | ';' | '\t'>(',', ';', '\t'),
    eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
    withWeight: fc.boolean(),
    finalEol: fc.boolean(),
    rows: fc.array(rowArb, { minLength: 1, maxLength: 40 }),
  })
  .map(({ separator, eol, withWeight, finalEol, rows }) => buildSurvey(rows, separator, eol, withWeight, finalEol));

export function buildSurvey(
  plans: RowPlan[],
  sep: ',' | ';' | '\t',
  eol: '\n' | '\r\n',
  withWeight: boolean,
  finalEol: boolean,
): GeneratedSurvey {
  const header = [
    'respondent_id',
    'wave',
    'neighbourhood',
    ...(withWeight ? ['weight'] : []),
    'age_band',
    'sex',
    ...ITEM_IDS,
    'comments',
  ];
  const col = (name: string) => header.indexOf(name) + 1;
  const quote = (f: string) => (/[",;\t\r\n]/.test(f) || f !== f.trim() ? `"${f.replace(/"/g, '""')}"` : f);
  const lines: string[] = [header.join(sep)];
  let line = 2;
  const errors: ExpectedIssue[] = [];
  const setAside: Record<string, number> = {};
  let analysed = 0;
  const kept: { id: string; wave: string }[] = [];

  plans.forEach((p, i) => {
    for (let b = 0; b < p.blankLinesBefore; b++) {
      lines.push('');
      line++;
    }
    let kind = p.kind;
    if (kind === 'bad-weight' && !withWeight) kind = 'clean';
    if (kind === 'duplicate-id' && kept.length === 0) kind = 'clean';
    let id = `R${i + 1}`;
    let wave = p.wave;
    if (kind === 'duplicate-id') {
      const orig = kept[p.dupOf % kept.length]!;
      id = orig.id;
      wave = orig.wave;
    }
    const fields: Record<string, string> = {
      respondent_id: id,
      wave: kind === 'missing-wave' ? '' : wave,
      neighbourhood:
        kind === 'unknown-area' ? UNKNOWN_AREAS[p.area % UNKNOWN_AREAS.length]! : AREAS[p.area % AREAS.length]!,
      weight: kind === 'bad-weight' ? badWeight(p.weight, sep) : GOOD_WEIGHTS[p.weight % GOOD_WEIGHTS.length]!,
      age_band: AGES[p.age % AGES.length]!,
      sex: SEXES[p.sex % SEXES.length]!,
      comments: p.comment,
    };
    ITEM_IDS.forEach((item, k) => {
      const c = (p.codes[k] ?? 0) % GOOD_CODES.length;
      fields[item] = c === 0 ? LABELS[k]! : GOOD_CODES[c]!;
    });
    const cellErrors: ExpectedIssue[] = [];
    if (kind === 'invalid-code') {
      for (const c of p.badCells) {
        const item = ITEM_IDS[c.item]!;
        fields[item] = BAD_CODES[c.value % BAD_CODES.length]!;
        cellErrors.push({ line, column: col(item), reason: 'invalid-code' });
      }
      if (p.badProfile) {
        const values = BAD_PROFILE[p.badProfile];
        fields[p.badProfile] = values[p.badCells[0]!.value % values.length]!;
        cellErrors.push({ line, column: col(p.badProfile), reason: 'invalid-code' });
      }
      cellErrors.sort((a, b) => a.column - b.column);
    }
    let row = header.map((h) => fields[h] ?? '');
    if (kind === 'wrong-field-count')
      row =
        p.ragged < 0
          ? row.slice(0, row.length + p.ragged)
          : [...row, ...Array.from({ length: p.ragged }, (_, j) => `extra${j}`)];

    const text = row.map((f) => (p.quoteAll ? `"${f.replace(/"/g, '""')}"` : quote(f))).join(sep);
    lines.push(text);

    const columnOf: Partial<Record<RowKind, number>> = {
      'unknown-area': col('neighbourhood'),
      'missing-wave': col('wave'),
      'bad-weight': col('weight'),
      'duplicate-id': col('respondent_id'),
      'wrong-field-count': 0,
    };
    if (kind === 'clean' || kind === 'invalid-code') {
      analysed++;
      kept.push({ id, wave });
      errors.push(...cellErrors);
    } else {
      setAside[kind] = (setAside[kind] ?? 0) + 1;
      errors.push({ line, column: columnOf[kind] ?? 0, reason: kind });
    }
    line += 1 + (text.match(/\n/g)?.length ?? 0);
  });
  const text = lines.join(eol) + (finalEol ? eol : '');
  return { text, separator: sep, eol, read: plans.length, analysed, setAside, errors };
}
