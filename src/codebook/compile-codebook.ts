import { CODE_BLANK, CODE_INVALID, CODE_MULTIPLE, CODE_NOT_STATED, MISSING_REASON } from '../types/index.js';
import type { Codebook, CodebookItem } from './schema.js';

export type AnswerClass = 'positive' | 'negative' | 'excluded' | 'missing';

/** Class codes in the lookup tables: small integers so the hot loop indexes an Int8Array. */
export const CLASS_NEGATIVE = 0;
export const CLASS_POSITIVE = 1;
export const CLASS_EXCLUDED = 2;
export const CLASS_MISSING = 3;
export const CLASS_ABSENT = 4;

const OFFSET = 128; // codes run from -99 to 97; shift them to array indexes

export interface CompiledItem {
  item: CodebookItem;
  index: number;
  /** class by code + OFFSET */
  classOf: Int8Array;
  /** reason key (`excluded:dont-know`, `missing:no-reply`) by code + OFFSET */
  reasonOf: (string | undefined)[];
  /** normalised label → code */
  labels: Map<string, number>;
  maxCode: number;
  /** the human list of allowed values, for messages */
  allowed: string;
}

export interface CompiledCodebook {
  codebook: Codebook;
  items: CompiledItem[];
  /** lower-cased column name or alias → item index */
  columns: Map<string, number>;
  /** special cell values (after trimming) → missing code */
  missingValues: Map<string, number>;
}

export const normaliseLabel = (s: string): string => s.trim().toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ');

/** Precompute lookups so that classifying an answer is two array reads. */
export function compileCodebook(codebook: Codebook): CompiledCodebook {
  const missingCode: Record<string, number> = { 'no-reply': CODE_BLANK, 'multiple-ticks': CODE_MULTIPLE, 'not-stated': CODE_NOT_STATED };
  const missingValues = new Map<string, number>();
  for (const m of codebook.missing) missingValues.set(m.value.trim(), missingCode[m.reason] ?? CODE_NOT_STATED);

  const columns = new Map<string, number>();
  const items = codebook.items.map((item, index): CompiledItem => {
    columns.set(item.id.toLowerCase(), index);
    for (const alias of item.aliases) columns.set(alias.trim().toLowerCase(), index);
    const scale = codebook.scales[item.scale] ?? [];
    const classOf = new Int8Array(256).fill(CLASS_MISSING);
    const reasonOf: (string | undefined)[] = new Array(256).fill(undefined);
    classOf[OFFSET] = CLASS_ABSENT;
    for (const [code, reason] of Object.entries(MISSING_REASON)) reasonOf[Number(code) + OFFSET] = `missing:${reason}`;
    const labels = new Map<string, number>();
    for (const { code, label } of scale) {
      labels.set(normaliseLabel(label), code);
      classOf[code + OFFSET] = item.positive.includes(code) ? CLASS_POSITIVE : CLASS_NEGATIVE;
    }
    for (const { code, reason } of item.excluded) {
      classOf[code + OFFSET] = CLASS_EXCLUDED;
      reasonOf[code + OFFSET] = `excluded:${reason}`;
    }
    const maxCode = Math.max(...scale.map((s) => s.code));
    const allowed = `${scale.map((s) => `${s.code} ${s.label}`).join(', ')}; blank, 98 or 99 for missing`;
    return { item, index, classOf, reasonOf, labels, maxCode, allowed };
  });
  return { codebook, items, columns, missingValues };
}

/** The class of one answer code for one item. */
export function classify(item: CompiledItem, code: number): { cls: AnswerClass | 'absent'; reason?: string } {
  const c = item.classOf[code + OFFSET];
  const reason = item.reasonOf[code + OFFSET];
  const cls = c === CLASS_POSITIVE ? 'positive' : c === CLASS_NEGATIVE ? 'negative' : c === CLASS_EXCLUDED ? 'excluded' : c === CLASS_ABSENT ? 'absent' : 'missing';
  return reason === undefined ? { cls } : { cls, reason };
}

/** Turn one trimmed cell into a code: a response code, a label, or a missing marker. */
export function cellToCode(item: CompiledItem, cell: string, missingValues: Map<string, number>): number {
  const missing = missingValues.get(cell);
  if (missing !== undefined) return missing;
  if (/^\d{1,9}$/.test(cell)) return intToCode(item, Number(cell), missingValues);
  return item.labels.get(normaliseLabel(cell)) ?? CODE_INVALID;
}

/**
 * The code of a cell holding the whole number n (the ingest fast path parses it from the bytes): a response
 * code on the item's scale, else a missing marker such as 98 ("098" counts as 98), else invalid. 0 is never an
 * answer (it is CODE_ABSENT internally), so a "0" cell is invalid and reported, not silently dropped.
 */
export function intToCode(item: CompiledItem, n: number, missingValues: Map<string, number>): number {
  if (n >= 1 && n <= 97 && item.classOf[n + OFFSET] !== CLASS_MISSING) return n;
  return missingValues.get(String(n)) ?? CODE_INVALID;
}

export const CODE_OFFSET = OFFSET;
