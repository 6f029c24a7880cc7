import { EXIT } from '../errors.js';
import { codeFrequencies } from '../aggregate/code-frequencies.js';
import { loadCodebook } from '../codebook/load-codebook.js';
import { emit, outputWidth, useColour, widthOf, type Io } from '../io/console.js';
import { parseCommandOptions } from '../options/option-schema.js';
import { inputRequest } from '../options/request.js';
import { SCHEMA_VERSION } from '../pipeline/analyse-result.js';
import { profileGroupings, selectIndicators, validateGroupings } from '../pipeline/build-estimates.js';
import { groupLabeller } from '../pipeline/group-label.js';
import { loadSideFiles } from '../pipeline/load-side-files.js';
import { loadSurvey } from '../pipeline/load-survey.js';
import { renderFreq } from '../render/render-freq.js';
import { preflight } from '../pipeline/preflight.js';
import { resolveWaveOrder } from '../pipeline/wave-plan.js';

/**
 * `freq`: every answer code of each item (or --indicators) with its count, weighted count, share of all
 * returns and share of the base, by wave and by any --by grouping; which codes count as positive, which are
 * excluded and which are missing. The raw material behind every percentage the other commands give.
 */
export async function runFreq(raw: Record<string, unknown>, io: Io): Promise<number> {
  // commander keeps `--by` under `by`; freq's own entry (default all) is `freqBy` in the option table
  const out = parseCommandOptions('freq', { ...raw, freqBy: raw.by });
  const input = inputRequest(raw);
  preflight(input, io, out.output);
  const loaded = loadCodebook(input.codebook);
  const groupings = validateGroupings(loaded.codebook, out.freqBy ?? ['all']);
  const indicators = selectIndicators(loaded.codebook, out.indicators);
  const side = await loadSideFiles(input, loaded.codebook);
  const survey = await loadSurvey(input, io, {
    codebook: loaded,
    side,
    perCode: true,
    profileKeys: profileGroupings(loaded.codebook, groupings),
    ...(out.wave ? { waves: out.wave } : {}),
  });
  const { order } = resolveWaveOrder(
    survey.waveCounts.map((w) => w.label),
    { waveOrder: out.waveOrder },
  );
  const rows = codeFrequencies(survey.store, survey.compiled, survey.registry, groupings, indicators, order);
  const text = renderFreq(rows, {
    format: out.format,
    colour: useColour(io, out.color),
    ...widthOf(outputWidth(io, out.output)),
    codebook: survey.codebook,
    label: groupLabeller(survey.registry),
    json: {
      schemaVersion: SCHEMA_VERSION,
      design: { weights: survey.weights, groupings },
      accounting: survey.accounting,
    },
    notes: [
      `Weights: ${survey.weights}. ` +
        '% of returns: weighted count ÷ the weighted returns of the wave and group; ' +
        '% of base: weighted count ÷ the weighted positive and not-positive answers ' +
        "(the percent analyse gives is the positive codes' share of the base).",
      'Excluded and missing answers are outside the base; "no column": returns from a file without the item.',
    ],
  });
  await emit(io, text, out.output);
  return EXIT.ok;
}
