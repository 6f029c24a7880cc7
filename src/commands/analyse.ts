import { emit, useColour, type Io } from '../io/console.js';
import { formatAccountingLine } from '../format/format-accounting.js';
import { parseCommandOptions } from '../options/option-schema.js';
import { analysisRequest } from '../options/request.js';
import { preflight } from '../pipeline/preflight.js';
import { runAnalysis } from '../pipeline/run-analysis.js';
import { targetExit } from '../pipeline/target-exit.js';
import { inferenceSections, sectionMarkdown, sectionText } from '../render/render-inference.js';
import { renderAnalyse } from '../render/render-analyse.js';
import { crosstabSections } from '../render/render-crosstab.js';
import { netChangeSections, netEstimateSections } from '../render/render-net.js';
import { tableSectionMarkdown, tableSectionText } from '../render/table-section.js';

/** `analyse`: every indicator by wave and group, then (with two waves) changes, targets, type tests and findings. */
export async function runAnalyse(raw: Record<string, unknown>, io: Io): Promise<number> {
  const out = parseCommandOptions('analyse', raw);
  const { request: o, showCi } = analysisRequest(raw);
  preflight(o, io, out.output);
  const want = { comparisons: true, typeTests: true, areaTests: true, targets: true, findings: true };
  const { result, survey, label } = await runAnalysis(o, io, want);
  const crosstabs = crosstabSections(
    result.estimates, survey.codebook, result.waves, result.design.groupings, label, { showCi, showBase: out.showBase },
    result.letters && result.lettersDesign ? { tests: result.letters, design: result.lettersDesign } : undefined,
  );
  const net = o.net
    ? [
      ...netEstimateSections(result.estimates, survey.codebook, result.waves, result.design.groupings, label, showCi),
      ...netChangeSections(result.netChanges ?? [], result.netChangeDesign, survey.codebook, label, Math.round(o.level * 100)),
    ]
    : [];
  const sections = [
    ...[...crosstabs, ...net].map((s) => ({ table: (c: boolean) => tableSectionText(s, c), md: () => tableSectionMarkdown(s) })),
    ...inferenceSections(result, survey.codebook, label, o.level).map((s) => ({
      table: (c: boolean) => sectionText(s, c), md: () => sectionMarkdown(s),
    })),
  ];
  // the two-way groupings have their own tables (above); the one-way layout shows the rest
  const oneWay = { ...result, design: { ...result.design, groupings: result.design.groupings.filter((g) => !g.includes('*')) } };
  const text = renderAnalyse(out.format === 'json' || out.format === 'csv' ? result : oneWay, {
    format: out.format, colour: useColour(io, out.color), showCi, showBase: out.showBase,
    codebook: survey.codebook, label, accountingLine: formatAccountingLine(result.accounting), sections,
  });
  await emit(io, text, out.output);
  return targetExit(result.targets, o, (why) => io.stderr.write(`sc-survey: ${why}\n`));
}
