import type { AreaRegistry } from '../areas/load-areas.js';
import { compileCodebook, type CompiledCodebook } from '../codebook/compile-codebook.js';
import { loadCodebook } from '../codebook/load-codebook.js';
import type { Codebook } from '../codebook/schema.js';
import { addRow, answerReasons, createTallyStore, syncTallies, type TallyStore } from '../aggregate/tally-store.js';
import { DataError, UsageError } from '../errors.js';
import { createIssueLog, type IssueLog } from '../ingest/issue-log.js';
import { readSurveyFiles, type FileSummary } from '../ingest/read-survey.js';
import { createRejectWriter } from '../ingest/reject-writer.js';
import type { Io } from '../io/console.js';
import type { Accounting } from '../types/index.js';
import type { MarginsFile } from '../weighting/margins-file.js';
import { rakeTallyCells } from '../weighting/rake-tally-cells.js';
import { renderWeightingReport } from '../render/render-weighting-report.js';
import { type AreaWeightsDesign, type WeightingReport } from '../types/index.js';
import { applyAreaWeights, resolveAreaWeights, type AreaWeightScheme } from '../weighting/apply-area-weights.js';
import { assertUsable } from './check-usable.js';
import { formatAccountingLine } from '../format/format-accounting.js';
import { headerRead, renamedColumnsNote } from '../format/renamed-columns.js';
import { setAsideValues } from '../format/set-aside-values.js';
import { resolveInputFiles } from './input-files.js';
import { ingestOptions } from './ingest-options.js';
import { issueLine } from './load-margins.js';
import type { InputRequest } from '../options/request.js';
import { loadSideFiles, type SideFiles } from './load-side-files.js';
import { createProgress } from './progress.js';
import { suspectWaves, type WaveCount } from '../aggregate/suspect-waves.js';
import { createWaveCounter } from '../aggregate/wave-counts.js';
import { checkWaveFilter } from './wave-plan.js';
import { formatCount } from '../format/format-number.js';

export interface LoadedSurvey {
  codebook: Codebook;
  codebookSource: string;
  compiled: CompiledCodebook;
  registry: AreaRegistry;
  store: TallyStore;
  log: IssueLog;
  accounting: Accounting;
  files: FileSummary[];
  /** how the weights were set, in words, for the JSON design */
  weights: string;
  /** the raking report, with --rake */
  weighting?: WeightingReport;
  /** how areas are pooled, for analyses */
  areaWeights?: AreaWeightsDesign;
  usedSamples: boolean;
  /** rows per wave analysed, with their first lines, in the order the waves first appeared */
  waveCounts: WaveCount[];
}

export interface LoadRequest {
  /** profile columns to key the tallies by (grouping by age_band, raking cells) */
  profileKeys?: string[];
  /** keep only these waves */
  waves?: string[];
  /** commands that only check (validate) never fail on the set-aside share, and list the errors themselves */
  enforceSetAsideLimit?: boolean;
  /** the side files, when the caller has already read them */
  side?: SideFiles;
  /** keep every answer's count and Σw by code (freq) */
  perCode?: boolean;
  /** the codebook, when the caller has already loaded it (to check options before reading any data) */
  codebook?: ReturnType<typeof loadCodebook>;
  /** how to pool areas (--area-weights); undefined: population when the registry has N_a, else returns */
  areaWeights?: AreaWeightScheme;
  /** analyses pool areas (validate and weight leave the weights as they are) */
  poolAreas?: boolean;
}

/** Read the survey files (the bundled samples when none are named) into tallies, with the full accounting. */
export async function loadSurvey(o: InputRequest, io: Io, req: LoadRequest = {}): Promise<LoadedSurvey> {
  const { codebook, source: codebookSource } = req.codebook ?? loadCodebook(o.codebook);
  const compiled = compileCodebook(codebook);
  const side = req.side ?? (await loadSideFiles(o, codebook));
  const { registry, margins } = side;
  const input = await resolveInputFiles(o.files, io, o.samples);
  const { files, usedSamples } = input;
  const rakeVars = o.rake ?? [];
  const log = createIssueLog();
  const store = createTallyStore(compiled.items.length, [...new Set([...(req.profileKeys ?? []), ...rakeVars])], {
    perCode: req.perCode === true,
  });
  const rejects = o.rejects ? createRejectWriter(o.rejects) : undefined;
  const progress = createProgress(io);
  const waveCounter = createWaveCounter();
  const filteredWaves = new Set<string>();
  let summaries: FileSummary[];
  try {
    summaries = await readSurveyFiles(
      files,
      {
        ...ingestOptions(o, compiled, registry, rejects),
        ...(req.waves ? { waves: new Set(req.waves), onFilteredOut: (w: string) => void filteredWaves.add(w) } : {}),
        requiredProfiles: rakeVars,
        profilesNeeded: req.profileKeys ?? [],
        onProgress: progress.update,
      },
      (row) => {
        addRow(store, compiled, row);
        waveCounter.add(row);
      },
      log,
    );
    await rejects?.close();
  } catch (err) {
    await rejects?.abort();
    throw err;
  } finally {
    progress.stop();
    await input.cleanup();
  }
  const waveCounts = waveCounter.counts();
  checkWaveFilter(req.waves, new Set([...waveCounts.map((w) => w.label), ...filteredWaves]));
  addSuspectWaves(log, waveCounts, o.strict);
  const accounting = sortAccounting(
    log.accounting,
    answerReasons(
      store,
      codebook.items.map((i) => i.id),
    ),
  );
  io.stderr.write(`${formatAccountingLine(accounting)}\n`);
  for (const w of log.issues.filter((i) => i.severity === 'warning'))
    io.stderr.write(`warning: ${w.file}: ${w.message}${w.suggestion ? ` (${w.suggestion})` : ''}\n`);
  // an unknown area drops a whole neighbourhood from a wave: name the values, not only a count of errors
  const unknownAreas = setAsideValues(log.issues, 'unknown-area', accounting.setAside['unknown-area'] ?? 0);
  if (unknownAreas) io.stderr.write(`warning: ${unknownAreas}\n`);
  const errors = log.errorCount();
  if (errors > 0 && req.enforceSetAsideLimit !== false)
    io.stderr.write(
      `warning: ${formatCount(errors)} data error${errors === 1 ? '' : 's'} in the input; ` +
        `\`sc-survey validate\` lists each with file:line:column\n`,
    );
  const renamedNote = renamedColumnsNote(summaries, new Set(codebook.items.map((i) => i.id)));
  if (renamedNote) io.stderr.write(`${renamedNote}\n`);
  const weightColumns = [
    ...new Set(summaries.flatMap((s) => (s.weightColumn !== null ? [headerRead(s.renamed, s.weightColumn)] : []))),
  ];
  const mixed = mixedWeights(summaries);
  // validate only checks, so there it is a warning; every command that gives figures refuses
  if (mixed && req.enforceSetAsideLimit === false) io.stderr.write(`warning: ${mixed}\n`);
  else if (mixed) throw new UsageError(mixed);
  const startWeights = weightColumns.length
    ? `column ${weightColumns.map((c) => `"${c}"`).join(', ')}`
    : o.weights
      ? 'none (no weight column; every weight is 1)'
      : 'ignored (--no-weights; every weight is 1)';
  const result: LoadedSurvey = {
    codebook,
    codebookSource,
    compiled,
    registry,
    store,
    log,
    accounting,
    files: summaries,
    usedSamples,
    weights: startWeights,
    waveCounts,
  };
  if (req.enforceSetAsideLimit !== false) {
    const suspect = log.issues.filter((i) => i.reason === SUSPECT_WAVE && i.severity === 'error');
    if (suspect.length) throw new DataError(`--strict: ${suspect.map((i) => i.message).join('; ')}`);
    assertUsable(log, o, undefined, compiled, store.profileKeys);
  }
  if (margins) {
    result.weighting = rakeStore(store, margins, rakeVars, registry, o, io);
    result.weights = `raked on ${rakeVars.join(', ')} (${o.margins}); starting weights: ${startWeights}`;
  }
  if (req.poolAreas) {
    // Raking first, then the areas scaled to their N_a within each wave.
    const { design, population } = resolveAreaWeights(registry.areas, req.areaWeights, margins?.measure === 'count');
    if (population) {
      syncTallies(store);
      applyAreaWeights(store.cells.values(), population, design.column ?? '');
      for (const c of store.cells.values()) c.dirty = false;
    }
    result.areaWeights = design;
    result.weights = `${result.weights}; ${design.words}`;
  }
  return result;
}

export const SUSPECT_WAVE = 'suspect-wave';

/** Each suspect wave as an issue at its first row: a warning, an error with --strict. */
function addSuspectWaves(log: IssueLog, counts: WaveCount[], strict: boolean): void {
  for (const s of suspectWaves(counts)) {
    const at = s.lines[0];
    log.add({
      file: at?.file ?? '',
      line: at?.line ?? 0,
      column: 0,
      columnName: 'wave',
      reason: SUSPECT_WAVE,
      severity: strict ? 'error' : 'warning',
      value: s.label,
      message: s.message,
    });
  }
}

const SET_ASIDE_ORDER = [
  'unknown-area',
  'missing-wave',
  'bad-weight',
  'wrong-field-count',
  'duplicate-id',
  'missing-weighting-variable',
  'label-too-long',
  'filtered-out',
];

/**
 * Keys in a fixed order, so that JSON output does not depend on which problem happened to come first. The answers
 * left out of the base come from the tallies; the cells read by a rule (`read-as-code:decimal`) from ingest.
 */
function sortAccounting(a: Accounting, fromTallies: Accounting['answers']): Accounting {
  const answers: Accounting['answers'] = Object.create(null) as Accounting['answers'];
  for (const source of [fromTallies, a.answers])
    for (const [column, reasons] of Object.entries(source)) {
      const target = (answers[column] ??= {});
      for (const [r, n] of Object.entries(reasons)) target[r] = (target[r] ?? 0) + n;
    }
  const byKey = <T>(o: Record<string, T>, rank: (k: string) => number = () => 0) =>
    Object.fromEntries(Object.entries(o).sort(([x], [y]) => rank(x) - rank(y) || x.localeCompare(y)));
  const reasonRank = (k: string) => (SET_ASIDE_ORDER.includes(k) ? SET_ASIDE_ORDER.indexOf(k) : SET_ASIDE_ORDER.length);
  const answerRank = (k: string) => (k.startsWith('missing:') ? 0 : k.startsWith('excluded:') ? 1 : 2);
  return {
    read: a.read,
    analysed: a.analysed,
    setAside: byKey(a.setAside, reasonRank),
    cellIssues: byKey(a.cellIssues),
    answers: Object.fromEntries(Object.entries(answers).map(([item, r]) => [item, byKey(r, answerRank)])),
    blankLinesSkipped: a.blankLinesSkipped,
    duplicatesUnchecked: a.duplicatesUnchecked,
    ...(a.titleLinesSkipped ? { titleLinesSkipped: a.titleLinesSkipped } : {}),
  };
}

/**
 * Rake in place: every tally of a cell is scaled by the cell's factor (no second pass over the rows).
 * The report goes to stderr; non-convergence or too low an efficiency fails the run with it.
 */
function rakeStore(
  store: TallyStore,
  margins: MarginsFile,
  variables: string[],
  registry: AreaRegistry,
  o: InputRequest,
  io: Io,
): WeightingReport {
  syncTallies(store);
  const keys = [...store.cells.keys()];
  const raked = rakeTallyCells([...store.cells.values()], {
    profileKeys: store.profileKeys,
    variables,
    margins,
    areas: registry.areas,
    tolerance: o.rakeTolerance,
    maxIter: o.rakeMaxIter,
    bounds: o.bounds,
    minEfficiency: o.minEfficiency,
  });
  if (!raked.cells || !raked.report)
    throw new DataError(`raking is not possible with these margins:\n${raked.issues.map(issueLine).join('\n')}`);
  // The rendered report already ends with its warnings and failures; print it once, in full when it failed.
  if (raked.report.failures.length) {
    io.stderr.write(renderWeightingReport(raked.report, 'full'));
    throw new DataError('weighting failed (see the weighting report above); no results are given');
  }
  io.stderr.write(renderWeightingReport(raked.report, 'summary'));
  raked.cells.forEach((cell, i) => store.cells.set(keys[i]!, { ...store.cells.get(keys[i]!)!, ...cell, dirty: false }));
  return raked.report;
}

/**
 * Weighted files beside unweighted ones: the unweighted rows would count with weight 1 among weights of another
 * scale (a 2006 file without weights against a weighted 2009 file moved NI2's change from +3.7 to +4.7), so say so.
 */
function mixedWeights(files: readonly { label: string; weightColumn: string | null }[]): string | null {
  const weighted = files.filter((f) => f.weightColumn !== null);
  const unweighted = files.filter((f) => f.weightColumn === null);
  if (!weighted.length || !unweighted.length) return null;
  const list = (fs: readonly { label: string }[]) => fs.map((f) => f.label).join(', ');
  return (
    `${list(weighted)} ${weighted.length === 1 ? 'has' : 'have'} a weight column but ${list(unweighted)} ` +
    `${unweighted.length === 1 ? 'has' : 'have'} none, so ${unweighted.length === 1 ? 'its' : 'their'} rows ` +
    'would count with weight 1 beside weighted ones: weight every file, or give --no-weights to analyse all of ' +
    'them unweighted'
  );
}
