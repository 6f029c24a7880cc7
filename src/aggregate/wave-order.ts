/**
 * The chronological order of wave labels, read from the labels themselves, or a refusal when they do not give one.
 *
 * Rules, tried in turn; the first that puts every label in a strict order wins:
 * 1. plain numbers (`1`, `2`, `10`, `06`, `2006`) order numerically, so `06` comes before `2006` (6 < 2006): the
 *    label says six, and reading it as a year would be a guess (suspect-waves.ts flags such a stray wave instead);
 * 2. the first four-digit year (19xx or 20xx) in each label (`2008/09`, `2008-2009`, `2008-09` are all 2008), then,
 *    between labels of the same year, the first English month name (full, three letters, or `Sept`; any case);
 * 3. labels that are the same text except for one integer (`Wave 2`, `Wave 10`) order by that integer.
 * Text is never ordered alphabetically: `Summer` and `Winter` say nothing about which came first. When no rule
 * orders every label, the answer is a refusal that names the labels and asks for `--wave-order` or `--from/--to`.
 */
export type WaveOrder = { order: string[]; basis: string } | { refusal: string };

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/;
const PLAIN_NUMBER = /^\d+$/;
const MONTH_NAMES = [
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
];
const MONTH = new RegExp(`(?<![a-z])(${MONTH_NAMES.join('|')})(?![a-z])`, 'i');
const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The year of a label: its first four-digit 19xx/20xx number, or null. */
export function labelYear(label: string): number | null {
  const m = YEAR.exec(label);
  return m ? Number(m[0]) : null;
}

/** The month (1–12) of a label: its first English month name as a whole word, or null. */
export function labelMonth(label: string): number | null {
  const m = MONTH.exec(label);
  return m?.[1] ? MONTH_PREFIXES.indexOf(m[1].slice(0, 3).toLowerCase()) + 1 : null;
}

/** Sort by the keys, or null when a key is missing or two labels share a key (no strict order). */
function strictOrder(labels: readonly string[], key: (l: string) => number[] | null): string[] | null {
  const keyed: { label: string; key: number[] }[] = [];
  for (const label of labels) {
    const k = key(label);
    if (k === null) return null;
    keyed.push({ label, key: k });
  }
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (a[i] ?? 0) - (b[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  };
  keyed.sort((a, b) => cmp(a.key, b.key));
  for (let i = 1; i < keyed.length; i++) if (cmp(keyed[i - 1]?.key ?? [], keyed[i]?.key ?? []) === 0) return null;
  return keyed.map((k) => k.label);
}

/** Year, then month only when another label shares the year (a month never orders across years). */
function byYearThenMonth(labels: readonly string[]): { order: string[]; usedMonths: boolean } | null {
  const years = labels.map(labelYear);
  if (years.some((y) => y === null)) return null;
  const shared = (y: number | null) => years.filter((x) => x === y).length > 1;
  const usedMonths = years.some(shared);
  const order = strictOrder(labels, (l) => {
    const y = labelYear(l) ?? 0;
    if (!shared(y)) return [y];
    const m = labelMonth(l);
    return m === null ? null : [y, m];
  });
  return order ? { order, usedMonths } : null;
}

/** Labels identical except for one integer: the integer, else null. Equal numbers (`02`, `2`) give no order. */
function byTheDifferingInteger(labels: readonly string[]): string[] | null {
  const parts = labels.map((l) => l.split(/(\d+)/));
  const first = parts[0] ?? [];
  if (parts.some((p) => p.length !== first.length)) return null;
  let differing = -1;
  for (let i = 0; i < first.length; i++) {
    if (parts.every((p) => p[i] === first[i])) continue;
    if (i % 2 === 0 || differing >= 0) return null; // text differs, or a second integer differs
    differing = i;
  }
  if (differing < 0) return null;
  return strictOrder(labels, (l) => [Number(l.split(/(\d+)/)[differing])]);
}

const quote = (labels: readonly string[]) => labels.map((l) => `\`${l}\``).join(', ');

/** Two labels of one year with no month to tell them apart (`2006`, `Summer 2006`) may be one wave written twice. */
function sameYearHint(labels: readonly string[]): string {
  for (const [i, a] of labels.entries())
    for (const b of labels.slice(i + 1)) {
      const y = labelYear(a);
      const [ma, mb] = [labelMonth(a), labelMonth(b)];
      if (y !== null && y === labelYear(b) && (ma === null || mb === null || ma === mb))
        return (
          `. If ${quote([a, b])} are one wave written two ways, make the labels the same in the data ` +
          '(sc-survey never merges wave labels)'
        );
    }
  return '';
}

/** Orders the waves by the rules above, or refuses naming them. Duplicate labels are one wave. */
export function orderWaves(labels: readonly string[]): WaveOrder {
  const unique = [...new Set(labels)];
  if (unique.length === 0) return { order: [], basis: 'no waves' };
  if (unique.length === 1) return { order: unique, basis: 'a single wave' };
  if (unique.every((l) => PLAIN_NUMBER.test(l))) {
    const order = strictOrder(unique, (l) => [Number(l)]);
    if (order) return { order, basis: 'plain numbers, in numeric order' };
  }
  const dated = byYearThenMonth(unique);
  if (dated) {
    return { order: dated.order, basis: dated.usedMonths ? 'by year, then month' : 'by the year in each label' };
  }
  const numbered = byTheDifferingInteger(unique);
  if (numbered) return { order: numbered, basis: 'by the number that differs between the labels' };
  return {
    refusal:
      `cannot tell the order of the waves ${quote(unique)} from their labels (they need a year each, a month ` +
      `where two share a year, or to differ only by a number); give it with ` +
      `--wave-order "${unique.join(',')}" listing them first to last, or compare two with --from <wave> --to <wave>` +
      sameYearHint(unique),
  };
}

/** Split a `--wave-order` value at its commas; each label trimmed. */
export function splitWaveOrder(value: string): string[] {
  return value.split(',').map((s) => s.trim());
}

/**
 * The order given with `--wave-order`, checked against the waves present: it must name each present wave exactly
 * once. An unknown label, a missing wave or a duplicate is a refusal listing the waves present, because any repair
 * (dropping, appending, deduplicating) would be a guess about what the user meant.
 */
export function applyWaveOrder(present: readonly string[], waveOrder: readonly string[]): WaveOrder {
  const have = [...new Set(present)];
  const problems: string[] = [];
  const unknown = [...new Set(waveOrder.filter((w) => !have.includes(w)))];
  const duplicated = [...new Set(waveOrder.filter((w, i) => waveOrder.indexOf(w) !== i))];
  const missing = have.filter((w) => !waveOrder.includes(w));
  const verb = unknown.length === 1 ? 'is not a wave' : 'are not waves';
  if (unknown.length) problems.push(`${quote(unknown)} ${verb} in the data`);
  if (duplicated.length) problems.push(`${quote(duplicated)} named more than once`);
  if (missing.length) problems.push(`${quote(missing)} missing from it`);
  if (problems.length === 0) return { order: [...waveOrder], basis: 'as given with --wave-order' };
  return {
    refusal:
      `--wave-order must name every wave present exactly once: ${problems.join('; ')}. ` +
      `Waves present: ${quote(have)}`,
  };
}
