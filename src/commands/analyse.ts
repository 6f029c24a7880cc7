import { emit, outputWidth, useColour, widthOf, type Io } from '../io/console.js';
import { formatAccountingLine } from '../format/format-accounting.js';
import { parseCommandOptions } from '../options/option-schema.js';
import { analysisRequest } from '../options/request.js';
import { runAnalysis } from '../pipeline/run-analysis.js';
import { targetExit } from '../pipeline/target-exit.js';
import { inferenceSections, sectionMarkdown, sectionText, type Section } from '../render/render-inference.js';
import { headlineSection, topFindingsSection } from '../render/render-summary.js';
import { renderAnalyse } from '../render/render-analyse.js';

/** `analyse`: every indicator by wave and group, then (with two waves) changes, targets, type tests and findings. */
export async function runAnalyse(raw: Record<string, unknown>, io: Io): Promise<number> {
  const out = parseCommandOptions('analyse', raw);
  const { request: o, showCi } = analysisRequest(raw);
  // neighbourhood-vs-rest tests belong to the neighbourhood level: only when it is asked for
  const want = { comparisons: true, typeTests: true, areaTests: o.by.includes('neighbourhood'), targets: true, findings: true };
  const { result, survey, label } = await runAnalysis(o, io, want);
  const cb = survey.codebook;
  const extra = (ss: Section[]) => ss.map((s) => ({ table: (c: boolean, w?: number) => sectionText(s, c, w), md: () => sectionMarkdown(s) }));
  const toFile = out.output !== undefined && out.output !== '-';
  const text = renderAnalyse(result, {
    format: out.format, colour: useColour(io, out.color), showCi, showBase: out.showBase,
    codebook: cb, label, accountingLine: formatAccountingLine(result.accounting),
    detail: toFile ? 'full' : out.detail, ...widthOf(outputWidth(io, out.output)),
    sections: extra(inferenceSections(result, cb, label, o.level)),
    summary: extra([...headlineSection(result, cb), ...topFindingsSection(result, cb, label)]),
  });
  await emit(io, text, out.output);
  return targetExit(result.targets, o);
}

