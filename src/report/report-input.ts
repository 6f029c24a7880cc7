import type { Codebook } from '../codebook/schema.js';
import type { AreaTestRow } from '../compare/area-tests.js';
import type { ComparisonRow } from '../compare/compare-waves.js';
import type { Finding } from '../compare/findings.js';
import type { TargetRow } from '../compare/target-row.js';
import type { TypeTestRow } from '../compare/type-tests.js';
import type { AnalyseResult } from '../pipeline/analyse-result.js';
import type { GroupLabel } from '../render/estimates-layout.js';
import type { Area } from '../types.js';

/** What the report renderers read: the analyse result plus the codebook and registry it was built from. */
export interface ReportInput {
  result: AnalyseResult;
  codebook: Codebook;
  /** the area registry in force (names, districts, types and where the types came from) */
  areas: readonly Area[];
  label: GroupLabel;
  /** printed under the title only when given, so reports diff cleanly */
  date?: string;
  /** the run read the bundled synthetic sample waves (no files given); the report says so at the top */
  samples?: boolean;
  /** significance level and whether Holm was applied, as the tests were run */
  alpha: number;
  adjust: boolean;
}

/** The issue-5 sections of the result, present when `analyse` computed them. */
export interface ReportSections {
  comparisons: ComparisonRow[] | undefined;
  targets: TargetRow[] | undefined;
  typeTests: TypeTestRow[] | undefined;
  areaTests: AreaTestRow[] | undefined;
  findings: Finding[] | undefined;
}

const arrayOr = <T>(x: unknown): T[] | undefined => (Array.isArray(x) ? (x as T[]) : undefined);

export function reportSections(r: AnalyseResult): ReportSections {
  return {
    comparisons: arrayOr<ComparisonRow>(r.comparisons),
    targets: arrayOr<TargetRow>(r.targets),
    typeTests: arrayOr<TypeTestRow>(r.typeTests),
    areaTests: arrayOr<AreaTestRow>(r.areaTests),
    findings: arrayOr<Finding>(r.findings),
  };
}
