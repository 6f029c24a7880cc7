import { emit, refuseBinaryToTerminal, outputWidth, useColour, widthOf, type Io } from '../io/console.js';
import { formatAccountingLine } from '../format/format-accounting.js';
import { parseCommandOptions } from '../options/option-schema.js';
import { analysisRequest } from '../options/request.js';
import { preflight } from '../pipeline/preflight.js';
import { runAnalysis } from '../pipeline/run-analysis.js';
import { targetExit } from '../pipeline/target-exit.js';
import { inferenceSections, sectionMarkdown, sectionText, type Section } from '../render/render-inference.js';
import { headlineSection, topFindingsSection } from '../render/render-summary.js';
import { renderAnalyse } from '../render/render-analyse.js';
import { crosstabSections } from '../render/render-crosstab.js';
import { netChangeSections, netEstimateSections } from '../render/render-net.js';
import { tableSectionMarkdown, tableSectionText } from '../render/table-section.js';
import { comparisonSheet, designNotes, estimateSheets, targetSheet, testSheets } from '../render/xlsx-results.js';
import { renderXlsx } from '../render/xlsx-workbook.js';
import { letterSheets, netSheets } from '../render/xlsx-analyst-sheets.js';

/** `analyse`: every indicator by wave and group, then (with two waves) changes, targets, type tests and findings. */
export async function runAnalyse(raw: Record<string, unknown>, io: Io): Promise<number> {
  const out = parseCommandOptions('analyse', raw);
  const { request: o, showCi } = analysisRequest(raw);
  preflight(o, io, out.output);
  refuseBinaryToTerminal(io, out.format, out.output);
  // neighbourhood-vs-rest tests belong to the neighbourhood level: only when it is asked for
  const want = {
    comparisons: true,
    typeTests: true,
    areaTests: o.by.includes('neighbourhood'),
    targets: true,
    findings: true,
  };
  const { result, survey, label } = await runAnalysis(o, io, want);
  const cb = survey.codebook;
  if (out.format === 'xlsx') {
    const sheets = [
      ...estimateSheets(result, cb, label, showCi),
      ...comparisonSheet(result, cb, label),
      ...targetSheet(result, cb, label),
      ...testSheets(result, cb, label),
      ...(o.net ? netSheets(result, cb, label) : []),
      ...letterSheets(result, cb, label),
    ];
    await emit(io, await renderXlsx(sheets, designNotes(result, formatAccountingLine(result.accounting))), out.output);
    return targetExit(result.targets, o);
  }
  const crosstabs = crosstabSections(
    result.estimates,
    cb,
    result.waves,
    result.design.groupings,
    label,
    { showCi, showBase: out.showBase },
    result.letters && result.lettersDesign ? { tests: result.letters, design: result.lettersDesign } : undefined,
  );
  const net = o.net
    ? [
        ...netEstimateSections(result.estimates, cb, result.waves, result.design.groupings, label, showCi),
        ...netChangeSections(result.netChanges ?? [], result.netChangeDesign, cb, label, Math.round(o.level * 100)),
      ]
    : [];
  const tables = [...crosstabs, ...net].map((s) => ({
    table: (c: boolean) => tableSectionText(s, c),
    md: () => tableSectionMarkdown(s),
  }));
  const extra = (ss: Section[]) =>
    ss.map((s) => ({ table: (c: boolean, w?: number) => sectionText(s, c, w), md: () => sectionMarkdown(s) }));
  const toFile = out.output !== undefined && out.output !== '-';
  // the two-way groupings have their own tables (above); the one-way layout shows the rest
  const oneWay = {
    ...result,
    design: { ...result.design, groupings: result.design.groupings.filter((g) => !g.includes('*')) },
  };
  const text = renderAnalyse(out.format === 'json' || out.format === 'csv' ? result : oneWay, {
    format: out.format,
    colour: useColour(io, out.color),
    showCi,
    showBase: out.showBase,
    codebook: cb,
    label,
    accountingLine: formatAccountingLine(result.accounting),
    detail: toFile ? 'full' : out.detail,
    ...widthOf(outputWidth(io, out.output)),
    sections: [...tables, ...extra(inferenceSections(result, cb, label, o.level, o.adjust, o.alpha))],
    summary: [
      ...tables,
      ...extra([
        ...headlineSection(result, cb),
        ...topFindingsSection(result, cb, label, undefined, o.adjust, o.alpha),
      ]),
    ],
  });
  await emit(io, text, out.output);
  return targetExit(result.targets, o, (why) => io.stderr.write(`sc-survey: ${why}\n`));
}
