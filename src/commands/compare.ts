import { EXIT, UsageError } from '../errors.js';
import { emit, refuseBinaryToTerminal, outputWidth, useColour, type Io } from '../io/console.js';
import { withFindingText } from '../render/finding-text.js';
import { topFindingsSection } from '../render/render-summary.js';
import { noteLines } from '../render/text-table.js';
import { netChangeSections } from '../render/render-net.js';
import { tableSectionMarkdown, tableSectionText } from '../render/table-section.js';
import { comparisonSheet, designNotes, testSheets } from '../render/xlsx-results.js';
import { renderXlsx } from '../render/xlsx-workbook.js';
import { netSheets } from '../render/xlsx-analyst-sheets.js';
import { formatAccountingLine } from '../format/format-accounting.js';
import { toCsv } from '../format/csv.js';
import { comparisonSections, findingsSection, sectionMarkdown, sectionText } from '../render/render-inference.js';
import { parseCommandOptions } from '../options/option-schema.js';
import { analysisRequest } from '../options/request.js';
import { preflight } from '../pipeline/preflight.js';
import { runAnalysis } from '../pipeline/run-analysis.js';

export const COMPARISON_COLUMNS = [
  'indicator',
  'ni',
  'groupBy',
  'group',
  'from',
  'to',
  'p1',
  'p2',
  'changePp',
  'ciLow',
  'ciHigh',
  'z',
  'p',
  'pAdjusted',
  'family',
  'familySize',
  'significant',
  'flag',
] as const;

/**
 * `compare`: two waves side by side. The change of every indicator × group with its CI, z and p, adjusted within
 * each family (Benjamini–Hochberg by default; raw with --adjust none), and the findings those changes support.
 * The area-type and neighbourhood tests of each wave belong to `analyse`.
 */
export async function runCompare(raw: Record<string, unknown>, io: Io): Promise<number> {
  const out = parseCommandOptions('compare', raw);
  const { request: o } = analysisRequest(raw);
  preflight(o, io, out.output);
  refuseBinaryToTerminal(io, out.format, out.output);
  if (o.net && out.format === 'csv')
    throw new UsageError(
      'compare --net has no CSV form (the net changes are a second table): use --format json or md, ' +
        'or analyse --net --format csv for the net scores',
    );
  const want = { comparisons: true, typeTests: false, areaTests: false, targets: false, findings: true };
  const { result, survey, label } = await runAnalysis(o, io, want);
  if (!result.comparisons || !result.comparisonDesign)
    throw new UsageError(
      `compare needs two waves; the data hold ${result.waves.length ? `only ${result.waves.join(', ')}` : 'none'}. ` +
        'Give files with both waves, or use analyse for one wave.',
    );
  const d = result.comparisonDesign;
  let text: string;
  if (out.format === 'xlsx') {
    const sheets = [
      ...comparisonSheet(result, survey.codebook, label),
      ...testSheets({ findings: result.findings ?? [] }, survey.codebook, label),
      ...(o.net ? netSheets(result, survey.codebook, label) : []),
    ];
    await emit(io, await renderXlsx(sheets, designNotes(result, formatAccountingLine(result.accounting))), out.output);
    return EXIT.ok;
  }
  if (out.format === 'json') {
    const { schemaVersion, design, accounting, comparisonDesign, comparisons, netChangeDesign, netChanges } = result;
    const findings = withFindingText(result.findings, survey.codebook, label);
    const net = o.net ? { netChangeDesign, netChanges } : {};
    const body = { schemaVersion, design, accounting, comparisonDesign, comparisons, findings, ...net };
    text = `${JSON.stringify(body, null, 2)}\n`;
  } else if (out.format === 'csv') {
    text = toCsv(COMPARISON_COLUMNS, result.comparisons as unknown as Record<string, unknown>[]);
  } else {
    const full = out.detail === 'full' || (out.output !== undefined && out.output !== '-');
    const changes = comparisonSections(result, survey.codebook, label, Math.round(o.level * 100));
    // the summary: the change for all surveyed areas, then the strongest findings of any level
    const sections = full
      ? [...changes, ...findingsSection(result, survey.codebook, label, o.adjust, o.alpha)]
      : [...changes.slice(0, 1), ...topFindingsSection(result, survey.codebook, label, undefined, o.adjust, o.alpha)];
    const width = outputWidth(io, out.output);
    const net = netChangeSections(
      result.netChanges ?? [],
      result.netChangeDesign,
      survey.codebook,
      label,
      Math.round(o.level * 100),
    );
    const pValues =
      d.adjustment === 'none'
        ? 'raw, NOT adjusted for multiple testing (--adjust none)'
        : `${d.adjustment === 'bh' ? 'Benjamini–Hochberg' : 'Holm'}-adjusted within each family ` +
          '(one indicator × one grouping level × one pair of waves)';
    const more = changes.length - 1;
    const groupings = [...new Set(result.comparisons.map((c) => c.groupBy))].filter((g) => g !== 'all').join(', ');
    const footer = [
      `p-values: ${pValues}; significant when below ${d.alpha}.`,
      result.design.suppression,
      `Population: ${result.design.population}, chosen on purpose, not sampled; ` +
        'the results describe their residents only.',
      ...(full || changes.length < 2
        ? []
        : [`${more} more change table${more === 1 ? '' : 's'} (by ${groupings}): --detail full shows them.`]),
    ];
    const colour = useColour(io, out.color);
    const pair = `Baseline: ${d.from} → current: ${d.to}`;
    if (out.format === 'md') {
      const body = [...sections.map(sectionMarkdown), ...net.map(tableSectionMarkdown)].join('\n');
      const notes = [...footer, formatAccountingLine(result.accounting)].map((f) => `- ${f}`).join('\n');
      text = `**${pair}**\n\n${body}\n${notes}\n`;
    } else {
      const body = [
        ...sections.map((s) => sectionText(s, colour, width)),
        ...net.map((s) => tableSectionText(s, colour)),
      ].join('\n');
      text = `${pair}\n\n${body}\n${noteLines(footer, false, width)}\n`;
    }
  }
  await emit(io, text, out.output);
  return EXIT.ok;
}
