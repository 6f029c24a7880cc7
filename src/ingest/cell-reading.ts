import { closest } from '../areas/edit-distance.js';
import { normaliseLabel } from '../codebook/compile-codebook.js';
import { isNaSpelling, readIntegralDecimal } from '../codebook/cell-text.js';

const quote = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(', ');
const WITH_POINT = /^\s*\d+\.0+\s*$/;

/**
 * A plain hint for a column's invalid cells, or null when none is plain. A hint is given only when every
 * (distinct, non-blank) sample fits it, so it is never a guess from one odd value among many kinds:
 * - all written as whole numbers with a decimal point (`2.0`): "codes are written with a decimal point";
 * - all spellings of "not available": declare them as missing in the codebook;
 * - all text that is neither a number nor close to a label of this scale: labels from another scale (named when
 *   each scale in `otherScales` whose labels cover every sample).
 */
export function suggestFixForInvalidCells(
  samples: readonly string[],
  scale: readonly { code: number; label: string }[],
  otherScales: Readonly<Record<string, readonly { code: number; label: string }[]>> = {},
): string | null {
  const values = [...new Set(samples.map((s) => s.trim()).filter((s) => s !== ''))];
  if (values.length === 0) return null;
  if (values.every((v) => WITH_POINT.test(v))) {
    const example = values[0] ?? '';
    return (
      `codes are written with a decimal point (${quote([example])} for ${readIntegralDecimal(example)}); ` +
      'write them as whole numbers'
    );
  }
  if (values.every(isNaSpelling)) {
    return (
      `${quote(values)} look${values.length === 1 ? 's' : ''} like "not available"; leave such cells blank, ` +
      'or declare the spelling in the codebook\'s "missing" list'
    );
  }
  const labels = scale.map((s) => s.label);
  const looksLikeLabel = (v: string) =>
    /[a-z]/i.test(v) && !isNaSpelling(v) && closest(v, labels, normaliseLabel) === undefined;
  if (!values.every(looksLikeLabel)) return null;
  const owners = Object.entries(otherScales).filter(([, s]) => {
    const known = new Set(s.map((x) => normaliseLabel(x.label)));
    return values.every((v) => known.has(normaliseLabel(v)));
  });
  const from = owners.length > 0 ? ` (${owners.map(([name]) => `"${name}"`).join(' or ')})` : '';
  const allowed = scale.map((s) => `${s.code} ${s.label}`).join(', ');
  return `these look like labels from another scale${from}: ${quote(values)}; this item's scale is ${allowed}`;
}
