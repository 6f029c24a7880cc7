import { UsageError } from '../errors.js';
import { emit, refuseBinaryToTerminal, outputWidth, useColour, type Io } from '../io/console.js';
import { noteLines } from '../render/text-table.js';
import { designNotes, targetSheet } from '../render/xlsx-results.js';
import { renderXlsx } from '../render/xlsx-workbook.js';
import { formatAccountingLine } from '../format/format-accounting.js';
import { toCsv } from '../format/csv.js';
import { wavePairLine } from '../format/wave-pair.js';
import { sectionMarkdown, sectionText, targetSection } from '../render/render-inference.js';
import { parseCommandOptions } from '../options/option-schema.js';
import { analysisRequest } from '../options/request.js';
import { preflight } from '../pipeline/preflight.js';
import { runAnalysis } from '../pipeline/run-analysis.js';
import { targetExit } from '../pipeline/target-exit.js';
import { targetGroupBys } from '../pipeline/inference.js';

export const TARGET_COLUMNS = [
  'indicator',
  'ni',
  'groupBy',
  'group',
  'mode',
  'rule',
  'baselineWave',
  'currentWave',
  'baseline',
  'current',
  'uplift',
  'targetPoints',
  'targetRelative',
  'target',
  'd',
  'se',
  'ciLow',
  'ciHigh',
  'verdict',
  'lean',
  'pMet',
  'pMissed',
  'detectableRise',
  'detectsTarget',
  'confirmableRise',
  'change',
  'changeP',
  'changePAdjusted',
  'changeFamily',
  'changeDirection',
  'note',
  'flag',
] as const;

/**
 * `targets`: NI1/NI2/NI4 (or --indicators) against "+5%", either as an uplift on the survey's own baseline
 * wave (default) or against published baselines (--targets file). Exit 3 with --fail-on-missed-target
 * when some verdict is `missed`, with --fail-unless-met when any row is not `met`.
 */
export async function runTargets(raw: Record<string, unknown>, io: Io): Promise<number> {
  const out = parseCommandOptions('targets', raw);
  const { request: o } = analysisRequest(raw);
  preflight(o, io, out.output);
  refuseBinaryToTerminal(io, out.format, out.output);
  const want = {
    comparisons: false,
    typeTests: false,
    areaTests: false,
    targets: true,
    findings: false,
    targetGroupBys: targetGroupBys(o.by),
  };
  const { result, survey, label } = await runAnalysis(o, io, want);
  if (!result.targets || !result.targetDesign)
    throw new UsageError(
      'targets needs a baseline and a current wave, or published baselines with --targets <file>; ' +
        `the data hold ${result.waves.length ? `only ${result.waves.join(', ')}` : 'no wave'}.`,
    );
  let text: string;
  if (out.format === 'xlsx') {
    const notes = designNotes(result, formatAccountingLine(result.accounting));
    if (result.targetDesign)
      notes.splice(1, 0, ['Targets', `${result.targetDesign.label}; ${result.targetDesign.note}`]);
    await emit(io, await renderXlsx(targetSheet(result, survey.codebook, label), notes), out.output);
    return targetExit(result.targets, o);
  }
  if (out.format === 'json') {
    const { schemaVersion, design, accounting, targetDesign, targets } = result;
    text = `${JSON.stringify({ schemaVersion, design, accounting, targetDesign, targets }, null, 2)}\n`;
  } else if (out.format === 'csv') {
    text = toCsv(TARGET_COLUMNS, result.targets as unknown as Record<string, unknown>[]);
  } else {
    const sections = targetSection(result, survey.codebook, label, Math.round(o.level * 100), o.adjust, o.alpha);
    const width = outputWidth(io, out.output);
    const pair = wavePairLine(result) ?? '';
    if (out.format === 'md') {
      const body = sections.map(sectionMarkdown).join('\n');
      const notes = [result.design.suppression, formatAccountingLine(result.accounting)]
        .map((f) => `- ${f}`)
        .join('\n');
      text = `**${pair}**\n\n${body}\n${notes}\n`;
    } else {
      const body = sections.map((s) => sectionText(s, useColour(io, out.color), width)).join('\n');
      text = `${pair}\n\n${body}\n${noteLines([result.design.suppression], false, width)}\n`;
    }
  }
  await emit(io, text, out.output);
  return targetExit(result.targets, o, (why) => io.stderr.write(`sc-survey: ${why}\n`));
}
