import { applyWaveOrder, orderWaves, splitWaveOrder } from '../aggregate/wave-order.js';
import { suspectWaves, type SuspectWave, type WaveCount } from '../aggregate/suspect-waves.js';
import { UsageError } from '../errors.js';

export interface WavePlan {
  /** every wave analysed, first to last */
  order: string[];
  /** how the order was known, in words */
  basis: string;
  /** the baseline and the current wave, when there are two or more waves */
  pair: [string, string] | null;
  /** waves whose label looks like a stray value; their rows still count */
  suspects: SuspectWave[];
}

export interface WaveChoice {
  /** `--wave-order`, as given */
  waveOrder?: string | undefined;
  /** `--from` (or `--baseline-wave`) */
  from?: string | undefined;
  /** `--to` (or `--current-wave`) */
  to?: string | undefined;
}

const quote = (labels: readonly string[]) => labels.map((l) => `\`${l}\``).join(', ');

/** The order when the labels give none: two waves and one of them pinned by --from or --to say it all. */
function orderFromPair(labels: readonly string[], c: WaveChoice): string[] | null {
  if (labels.length !== 2) return null;
  if (c.from !== undefined) return [c.from, ...labels.filter((l) => l !== c.from)];
  if (c.to !== undefined) return [...labels.filter((l) => l !== c.to), c.to];
  return null;
}

/**
 * The order of the waves (rules below), or a usage error when the labels give none and neither `--wave-order` nor,
 * for two waves, `--from`/`--to` says it. For commands that list waves without comparing them (`freq`), too.
 */
export function resolveWaveOrder(labels: readonly string[], c: WaveChoice): { order: string[]; basis: string } {
  const given = c.waveOrder !== undefined ? applyWaveOrder(labels, splitWaveOrder(c.waveOrder)) : orderWaves(labels);
  if ('order' in given) return given;
  const pinned = c.waveOrder === undefined ? orderFromPair(labels, c) : null;
  if (pinned) return { order: pinned, basis: 'as given with --from/--to' };
  throw new UsageError(given.refusal);
}

/**
 * The order of the waves analysed and the pair to compare, or a usage error (exit 2) wherever it would be a guess:
 * - the order: `--wave-order` (naming every wave present exactly once), else what the labels say (wave-order.ts),
 *   else, for two waves, the one pinned by `--from`/`--to`; else, with two or more waves, a refusal asking for
 *   `--wave-order` or `--from/--to` (text is never ordered alphabetically);
 * - the pair: `--from`/`--to`, each defaulting to the first and the last wave of the order; a wave not in the
 *   data, the same wave twice, or `--from` after `--to` in the order is refused;
 * - a suspect wave (suspect-waves.ts) is never a default end of the pair: when one would be, and no `--from`,
 *   `--to` or `--wave-order` names it, the run is refused with the warning.
 */
export function planWaves(counts: readonly WaveCount[], c: WaveChoice): WavePlan {
  const labels = counts.map((w) => w.label);
  for (const [w, name] of [
    [c.from, '--from'],
    [c.to, '--to'],
  ] as const)
    if (w !== undefined && !labels.includes(w))
      throw new UsageError(`${name} ${w}: no such wave in the data (waves present: ${quote(labels)})`);
  if (c.from !== undefined && c.from === c.to)
    throw new UsageError(`--from and --to both name wave ${c.from}; name two different waves`);

  const { order, basis } = resolveWaveOrder(labels, c);

  const suspects = suspectWaves(counts);
  if (c.waveOrder === undefined) refuseShortYears(order, suspects);
  if (order.length < 2) return { order, basis, pair: null, suspects };
  const from = c.from ?? order[0]!;
  const to = c.to ?? order[order.length - 1]!;
  if (order.indexOf(from) > order.indexOf(to))
    throw new UsageError(
      `--from ${from} comes after --to ${to} in the wave order (${order.join(' → ')}; ${basis}); give ` +
        `the earlier wave first`,
    );
  const chosenByDefault = [c.from === undefined ? from : null, c.to === undefined ? to : null];
  const stray = c.waveOrder === undefined ? suspects.filter((s) => chosenByDefault.includes(s.label)) : [];
  if (stray.length)
    throw new UsageError(
      `${stray.map((s) => s.message).join('; ')} It would be the ` +
        `${stray.map((s) => (s.label === from ? 'baseline' : 'current')).join(' and the ')} ` +
        'wave by default. Fix the cell, or choose the waves with --from/--to',
    );
  return { order, basis, pair: [from, to], suspects };
}

const SHORT_NUMBER = /^\d{1,2}$/;
const FULL_YEAR = /^(?:19|20)\d{2}$/;

/**
 * `09` beside `2006` orders numerically before it, which is right for a stray cell (a suspect wave, flagged apart)
 * but wrong when `09` is a whole wave that means 2009: two readings, so a refusal unless --wave-order says which.
 */
function refuseShortYears(order: readonly string[], suspects: readonly SuspectWave[]): void {
  const years = order.filter((l) => FULL_YEAR.test(l));
  const short = order.filter((l) => SHORT_NUMBER.test(l) && !suspects.some((s) => s.label === l));
  if (!years.length || !short.length) return;
  const asYears = [...order].sort((a, b) => yearOf(a) - yearOf(b));
  throw new UsageError(
    `cannot tell whether wave ${quote(short)} means a year (${short.map((l) => yearOf(l)).join(', ')}) or a ` +
      `number that comes before ${quote(years)}: the labels mix two-digit and four-digit years. Relabel the wave, ` +
      `or give the order with --wave-order "${asYears.join(',')}" listing the waves first to last`,
  );
}

const yearOf = (label: string) => (SHORT_NUMBER.test(label) ? 2000 + Number(label) : Number(label));

/** A `--wave` value that names no wave in the data would silently filter everything of it away. */
export function checkWaveFilter(wanted: readonly string[] | undefined, present: ReadonlySet<string>): void {
  const absent = (wanted ?? []).filter((w) => !present.has(w));
  const ordered = orderWaves([...present]);
  if (absent.length)
    throw new UsageError(
      `--wave ${absent.join(',')}: no such wave in the data (waves present: ` +
        `${quote('order' in ordered ? ordered.order : [...present])})`,
    );
}
