import {
  CLASS_ABSENT,
  CLASS_EXCLUDED,
  CLASS_NEGATIVE,
  CLASS_POSITIVE,
  CODE_OFFSET,
  type AnswerClass,
  type CompiledItem,
} from '../../src/codebook/compile-codebook.js';

/** The class of one internal answer code for one item, in words: reads the compiled lookup tables for tests. */
export function classify(item: CompiledItem, code: number): { cls: AnswerClass | 'absent'; reason?: string } {
  const c = item.classOf[code + CODE_OFFSET];
  const reason = item.reasonOf[code + CODE_OFFSET];
  const cls =
    c === CLASS_POSITIVE
      ? 'positive'
      : c === CLASS_NEGATIVE
        ? 'negative'
        : c === CLASS_EXCLUDED
          ? 'excluded'
          : c === CLASS_ABSENT
            ? 'absent'
            : 'missing';
  return reason === undefined ? { cls } : { cls, reason };
}
