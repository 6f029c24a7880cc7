import { isNaSpelling, readIntegralDecimal } from './cell-text.js';
import { CODE_BLANK, CODE_INVALID, CODE_LOWEST_MISSING, CODE_NA_TEXT, MISSING_REASON } from '../types/index.js';
import { normaliseHeader } from './column-synonyms.js';
import { normaliseLabel, type Codebook, type CodebookItem } from './schema.js';

export { normaliseLabel };

export type AnswerClass = 'positive' | 'negative' | 'excluded' | 'missing';

/** Class codes in the lookup tables: small integers so the hot loop indexes an Int8Array. */
export const CLASS_NEGATIVE = 0;
export const CLASS_POSITIVE = 1;
export const CLASS_EXCLUDED = 2;
export const CLASS_MISSING = 3;
export const CLASS_ABSENT = 4;

const OFFSET = 128; // internal codes run from -99 to 120 (see CODE_* in types); shift them to array indexes
/** questionnaire codes 0..SMALL-1 are looked up in an array, the rest in a Map */
const SMALL = 256;

export interface CompiledItem {
  item: CodebookItem;
  index: number;
  /** the item's scale, as the codebook gives it; internal code p is scale[p - 1] */
  scale: readonly { code: number; label: string }[];
  /** class by internal code + OFFSET */
  classOf: Int8Array;
  /** 1 for the codes the item lists as `negative` (for net scores), by internal code + OFFSET */
  negativeOf: Uint8Array;
  /** reason key (`excluded:dont-know`, `missing:no-reply`) by internal code + OFFSET */
  reasonOf: (string | undefined)[];
  /** normalised label → internal code */
  labels: Map<string, number>;
  /** questionnaire code → internal code */
  codeOf: Map<number, number>;
  /** the same for questionnaire codes 0..255 (0: not on the scale), one array read on the fast path */
  smallCodeOf: Uint8Array;
  /** the human list of allowed values, for messages */
  allowed: string;
}

export interface CompiledCodebook {
  codebook: Codebook;
  items: CompiledItem[];
  /** normalised column name or alias (normaliseHeader) → item index */
  columns: Map<string, number>;
  /** special cell values (after trimming) → internal missing code */
  missingValues: Map<string, number>;
  /** internal missing code → reason (`no-reply`, `refused`, …) */
  missingReasons: Map<number, string>;
}

const BUILT_IN_MISSING: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(MISSING_REASON).map(([code, reason]) => [reason, Number(code)]),
);

/**
 * Every missing value's internal code: the built-in reasons keep theirs (no-reply -1, multiple-ticks -98,
 * not-stated -99), and each other reason the codebook names (`refused`, `not-asked`) gets its own, from -4 down,
 * so it is counted under its own name. A blank cell is no reply unless the codebook says otherwise.
 */
function compileMissing(codebook: Codebook): {
  missingValues: Map<string, number>;
  missingReasons: Map<number, string>;
} {
  const codeOfReason = new Map<string, number>(Object.entries(BUILT_IN_MISSING));
  const missingReasons = new Map<number, string>(Object.entries(MISSING_REASON).map(([c, r]) => [Number(c), r]));
  const missingValues = new Map<string, number>();
  let next = CODE_NA_TEXT - 1;
  for (const m of codebook.missing) {
    let code = codeOfReason.get(m.reason);
    if (code === undefined) {
      if (next < CODE_LOWEST_MISSING) throw new RangeError('too many missing reasons in one codebook');
      code = next--;
      codeOfReason.set(m.reason, code);
      missingReasons.set(code, m.reason);
    }
    missingValues.set(m.value.trim(), code);
  }
  if (!missingValues.has('')) missingValues.set('', CODE_BLANK);
  return { missingValues, missingReasons };
}

/** Precompute lookups so that classifying an answer is two array reads. */
export function compileCodebook(codebook: Codebook): CompiledCodebook {
  const { missingValues, missingReasons } = compileMissing(codebook);
  const missingWords = [...missingValues.keys()].map((v) => (v === '' ? 'blank' : v));
  const missingText =
    missingWords.length > 1 ? `${missingWords.slice(0, -1).join(', ')} or ${missingWords.at(-1)}` : missingWords[0];

  const columns = new Map<string, number>();
  const items = codebook.items.map((item, index): CompiledItem => {
    for (const name of [item.id, ...item.aliases]) columns.set(normaliseHeader(name), index);
    const scale = Object.hasOwn(codebook.scales, item.scale) ? (codebook.scales[item.scale] ?? []) : [];
    const classOf = new Int8Array(256).fill(CLASS_MISSING);
    const reasonOf: (string | undefined)[] = new Array(256).fill(undefined);
    classOf[OFFSET] = CLASS_ABSENT;
    for (const [code, reason] of missingReasons) reasonOf[code + OFFSET] = `missing:${reason}`;
    const labels = new Map<string, number>();
    const codeOf = new Map<number, number>();
    const smallCodeOf = new Uint8Array(SMALL);
    scale.forEach(({ code, label }, i) => {
      const internal = i + 1;
      labels.set(normaliseLabel(label), internal);
      codeOf.set(code, internal);
      if (code >= 0 && code < SMALL) smallCodeOf[code] = internal;
      classOf[internal + OFFSET] = item.positive.includes(code) ? CLASS_POSITIVE : CLASS_NEGATIVE;
    });
    for (const { code, reason } of item.excluded) {
      const internal = codeOf.get(code);
      if (internal === undefined) continue; // the schema refuses it
      classOf[internal + OFFSET] = CLASS_EXCLUDED;
      reasonOf[internal + OFFSET] = `excluded:${reason}`;
    }
    const negativeOf = new Uint8Array(256);
    for (const code of item.negative ?? []) {
      const internal = codeOf.get(code);
      if (internal !== undefined) negativeOf[internal + OFFSET] = 1; // the schema refuses codes off the scale
    }
    const allowed = `${scale.map((s) => `${s.code} ${s.label}`).join(', ')}; ${missingText} for missing`;
    return { item, index, scale, classOf, negativeOf, reasonOf, labels, codeOf, smallCodeOf, allowed };
  });
  // An export may head each column with the question's own text: read it as the item, unless two items share it.
  const questions = codebook.items.map((item) => normaliseHeader(item.question));
  questions.forEach((q, index) => {
    if (!columns.has(q) && questions.indexOf(q) === questions.lastIndexOf(q)) columns.set(q, index);
  });
  return { codebook, items, columns, missingValues, missingReasons };
}

/** How a cell was read, when not as written: set by cellToCode for the accounting. */
export interface CellReading {
  /** an integral decimal (`2.0`) read as its whole number */
  decimal: boolean;
}

const INTEGER = /^-?\d{1,9}$/;

/**
 * Turn one trimmed cell into an internal code: a missing value of the codebook, a response code, a label, an
 * integral decimal (`2.0`, `2.00`: read as 2 and flagged in `reading`), a "not available" spelling (`NA`, `N/A`,
 * `#N/A`, `.`, `-`: CODE_NA_TEXT), else CODE_INVALID. Labels and the codebook's own missing values win over the
 * built-in readings, so a codebook may use `-` or `NA` as it likes.
 */
export function cellToCode(
  item: CompiledItem,
  cell: string,
  missingValues: Map<string, number>,
  reading?: CellReading,
): number {
  const missing = missingValues.get(cell);
  if (missing !== undefined) return missing;
  if (INTEGER.test(cell)) return intToCode(item, Number(cell), missingValues);
  const label = item.labels.get(normaliseLabel(cell));
  if (label !== undefined) return label;
  const n = signedIntegralDecimal(cell);
  if (n !== null) {
    const code = intToCode(item, n, missingValues);
    if (code !== CODE_INVALID && reading) reading.decimal = true;
    return code;
  }
  return isNaSpelling(cell) ? CODE_NA_TEXT : CODE_INVALID;
}

/** `2.0` → 2, `-9.00` → -9 (a missing code written by a spreadsheet), else null. */
function signedIntegralDecimal(cell: string): number | null {
  if (!cell.includes('.')) return null;
  const negative = cell.startsWith('-');
  const n = readIntegralDecimal(negative ? cell.slice(1) : cell);
  return n === null ? null : negative ? -n : n;
}

/**
 * The internal code of a cell holding the whole number n (the ingest fast path parses it from the bytes): its
 * answer on the item's scale, else a missing value such as 98 ("098" counts as 98), else invalid. A "0" cell is an
 * answer only on a scale with a code 0; otherwise it is invalid and reported, not silently dropped.
 */
export function intToCode(item: CompiledItem, n: number, missingValues: Map<string, number>): number {
  const code = n >= 0 && n < SMALL ? item.smallCodeOf[n] || undefined : item.codeOf.get(n);
  if (code !== undefined) return code;
  return missingValues.get(String(n)) ?? CODE_INVALID;
}

/** The questionnaire's code of an internal answer code (for messages), or undefined for a missing one. */
export function questionnaireCode(item: CompiledItem, code: number): number | undefined {
  return code >= 1 ? item.scale[code - 1]?.code : undefined;
}

export const CODE_OFFSET = OFFSET;
