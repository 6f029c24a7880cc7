import { EXIT } from '../errors.js';
import { SCHEMA_VERSION } from '../pipeline/analyse-result.js';
import { emit, outputWidth, useColour, widthOf, type Io } from '../io/console.js';
import { loadCodebook } from '../codebook/load-codebook.js';
import type { Codebook } from '../codebook/schema.js';
import { parseCommandOptions } from '../options/option-schema.js';
import { mdTable } from '../render/markdown.js';
import { noteLines, textTable } from '../render/text-table.js';
import { wrapText } from '../render/text-width.js';

export interface IndicatorRow {
  id: string;
  ni: string | null;
  domain: string;
  question: string;
  scale: string;
  positive: string[];
  /** the answers a net score counts against the item (empty: no net score) */
  negative: string[];
  excluded: string[];
  missing: string[];
  aliases: string[];
}

/** The codebook as rows: what counts as positive, excluded and missing for each indicator. */
export function indicatorRows(cb: Codebook): IndicatorRow[] {
  const missing = cb.missing.map((m) => `${m.value === '' ? 'blank' : m.value} (${m.reason})`);
  return cb.items.map((it) => {
    const scale = cb.scales[it.scale] ?? [];
    const label = (code: number) => `${code} ${scale.find((s) => s.code === code)?.label ?? '?'}`;
    return {
      id: it.id,
      ni: it.ni ?? null,
      domain: it.domain,
      question: it.question,
      scale: it.scale,
      positive: it.positive.map(label),
      negative: (it.negative ?? []).map(label),
      excluded: it.excluded.map((e) => label(e.code)),
      missing,
      aliases: it.aliases,
    };
  });
}

/** `indicators`: list the codebook. */
export async function runIndicators(raw: Record<string, unknown>, io: Io): Promise<number> {
  const o = parseCommandOptions('indicators', raw);
  const { codebook } = loadCodebook(o.codebook);
  const rows = indicatorRows(codebook);
  let text: string;
  if (o.format === 'json')
    text = `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, codebook: codebook.name, indicators: rows }, null, 2)}\n`;
  else {
    const header = ['id', 'NI', 'domain', 'question', 'positive', 'negative (--net)', 'excluded', 'column aliases'];
    const body = rows.map((r) => [
      r.id,
      r.ni ?? '',
      r.domain,
      r.question,
      r.positive.join('; '),
      r.negative.join('; ') || '—',
      r.excluded.join('; ') || '—',
      r.aliases.join(', '),
    ]);
    const missingNote =
      `Missing in every item (outside numerator and base): ${rows[0]?.missing.join(', ') ?? ''}. ` +
      'Percent = positive ÷ (answers that are neither missing nor excluded).';
    text =
      o.format === 'md'
        ? `${mdTable(header, body, ['l', 'l', 'l', 'l', 'l', 'l', 'l', 'l'])}\n${missingNote}\n`
        : indicatorsText(rows, useColour(io, o.color), outputWidth(io, o.output), missingNote);
  }
  await emit(io, text, o.output);
  return EXIT.ok;
}

/** The table, then each question and the missing codes, within the width. */
function indicatorsText(rows: IndicatorRow[], colour: boolean, width: number | undefined, missingNote: string): string {
  const table = textTable(
    ['id', 'NI', 'domain', 'positive', 'negative (--net)', 'excluded', 'aliases'],
    rows.map((r) => [
      r.id,
      r.ni ?? '',
      r.domain,
      r.positive.join('; '),
      r.negative.join('; ') || '—',
      r.excluded.join('; ') || '—',
      r.aliases.join(', '),
    ]),
    { colour, align: ['l', 'l', 'l', 'l', 'l', 'l', 'l'], ...widthOf(width) },
  );
  const questions = rows.flatMap((r) => wrapText(`${r.id}: ${r.question}`, width, '  '));
  return `${table}\n${questions.join('\n')}\n\n${noteLines([missingNote], false, width)}\n`;
}
