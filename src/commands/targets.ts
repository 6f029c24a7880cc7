import { UsageError } from '../errors.js';
import { emit, useColour, type Io } from '../io.js';
import { formatAccountingLine } from '../pipeline/format-accounting.js';
import { toCsv } from '../render/csv.js';
import { sectionMarkdown, sectionText, targetSection } from '../render/render-inference.js';
import { analyseSurvey, parseAnalyseOptions, targetExit } from './analyse.js';
import { targetGroupBys } from '../pipeline/inference.js';

export const TARGET_COLUMNS = [
  'indicator', 'ni', 'groupBy', 'group', 'mode', 'rule', 'baselineWave', 'currentWave', 'baseline', 'current',
  'uplift', 'targetPoints', 'targetRelative', 'target', 'd', 'ciLow', 'ciHigh', 'verdict',
  'changeSignificant', 'changeP', 'mde', 'detectable', 'note', 'flag',
] as const;

/**
 * `targets`: NI1/NI2/NI4 (or --indicators) against "+5%", either as an uplift on the survey's own baseline
 * wave (default) or against published baselines (--targets file). Exit 3 with --fail-on-missed-target
 * when, and only when, some verdict is `missed`.
 */
export async function runTargets(raw: Record<string, unknown>, io: Io): Promise<number> {
  const { o } = parseAnalyseOptions(raw);
  const want = { comparisons: false, typeTests: false, areaTests: false, targets: true, findings: false, targetGroupBys: targetGroupBys(o.by) };
  const { result, survey, label } = await analyseSurvey(o, io, want);
  if (!result.targets || !result.targetDesign)
    throw new UsageError(
      `targets needs a baseline and a current wave, or published baselines with --targets <file>; the data hold ${result.waves.length ? `only ${result.waves.join(', ')}` : 'no wave'}.`,
    );
  let text: string;
  if (o.format === 'json') {
    const { schemaVersion, design, accounting, targetDesign, targets } = result;
    text = `${JSON.stringify({ schemaVersion, design, accounting, targetDesign, targets }, null, 2)}\n`;
  } else if (o.format === 'csv') {
    text = toCsv(TARGET_COLUMNS, result.targets as unknown as Record<string, unknown>[]);
  } else {
    const sections = targetSection(result, survey.codebook, label, Math.round(o.level * 100));
    const footer = [result.design.suppression, formatAccountingLine(result.accounting)];
    text =
      o.format === 'md'
        ? `${sections.map(sectionMarkdown).join('\n')}\n${footer.map((f) => `- ${f}`).join('\n')}\n`
        : `${sections.map((s) => sectionText(s, useColour(io, o.color))).join('\n')}\n${footer.join('\n')}\n`;
  }
  await emit(io, text, o.output);
  return targetExit(result, o);
}
