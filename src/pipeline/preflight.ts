import { join } from 'node:path';
import { DEFAULT_AREAS } from '../areas/load-areas.js';
import { UsageError } from '../errors.js';
import { DATA_DIR } from '../paths.js';
import type { Io } from '../io/console.js';
import { findOutputClashes, findRepeatedInputs, type NamedPath } from '../io/output-clash.js';
import { assertInputsGiven, sampleFiles } from './input-files.js';

/** The options that name files a reading command reads or writes. */
export interface PreflightRequest {
  files: string[];
  samples: boolean;
  codebook: string;
  areas?: string | undefined;
  margins?: string | undefined;
  targets?: string | undefined;
  rejects?: string | undefined;
  /** `--columns`: a file when it holds no `=` (column-map.ts) */
  columns?: string | undefined;
}

/** A codebook option is a file when it looks like a path (as load-codebook reads it), else a bundled name. */
const codebookIsPath = (c: string) => /[\\/]|\.json$/i.test(c);

/**
 * The refusals every command that reads survey files makes before reading anything: no files under CI (unless
 * `--samples`), and an output (`-o`, `--rejects`) that is one of the inputs (survey files, the bundled samples
 * when they are read, and every side file, `--columns` included) or another output.
 */
export function preflight(o: PreflightRequest, io: Pick<Io, 'env'>, output: string | undefined): void {
  assertInputsGiven(o.files, o.samples, io);
  if (o.samples && o.files.length > 0)
    throw new UsageError(
      `--samples reads the bundled sample waves, so it cannot be given with files (${o.files.join(', ')}); drop one`,
    );
  const surveys = o.files.length ? o.files : sampleFiles().map((f) => f.path);
  const inputs: NamedPath[] = [
    ...surveys.map((path) => ({ option: 'input', path })),
    // the bundled registry and codebook are inputs too: `-o data/areas.csv` would destroy them for every run
    {
      option: '--codebook',
      path: codebookIsPath(o.codebook) ? o.codebook : join(DATA_DIR, 'codebooks', `${o.codebook}.json`),
    },
    { option: '--areas', path: o.areas ?? DEFAULT_AREAS },
    ...(o.margins ? [{ option: '--margins', path: o.margins }] : []),
    ...(o.targets ? [{ option: '--targets', path: o.targets }] : []),
    ...(o.columns !== undefined && !o.columns.includes('=') ? [{ option: '--columns', path: o.columns }] : []),
  ];
  const outputs: NamedPath[] = [
    ...(output !== undefined ? [{ option: '-o', path: output }] : []),
    ...(o.rejects ? [{ option: '--rejects', path: o.rejects }] : []),
  ];
  const clashes = [...findRepeatedInputs(o.files), ...findOutputClashes(outputs, inputs)];
  if (clashes.length) throw new UsageError(clashes.join('\n'));
}
