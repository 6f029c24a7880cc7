import type { AreaProfile, ProfileTable } from '../render/render-profile.js';
import type { Codebook } from '../codebook/schema.js';
import type { AreaTestRow } from '../types/index.js';
import type { ComparisonRow } from '../types/index.js';
import type { Finding } from '../types/index.js';
import type { TargetRow } from '../types/index.js';
import type { TypeTestRow } from '../types/index.js';
import type { AnalyseResult } from '../types/index.js';
import type { GroupLabel } from '../types/index.js';
import type { Area } from '../types/index.js';

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
  /** area profiles to add at the end (report --profile, --profile-all) */
  profiles?: { profile: AreaProfile; table: ProfileTable }[];
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
