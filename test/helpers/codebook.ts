import { loadAreas, type AreaRegistry } from '../../src/areas/load-areas.js';
import { compileCodebook, type CompiledCodebook } from '../../src/codebook/compile-codebook.js';
import { loadCodebook } from '../../src/codebook/load-codebook.js';
import type { Codebook } from '../../src/codebook/schema.js';

/** The bundled Leicestershire codebook, raw and compiled. */
export function bundledCodebook(): { codebook: Codebook; compiled: CompiledCodebook } {
  const { codebook } = loadCodebook('leicestershire');
  return { codebook, compiled: compileCodebook(codebook) };
}

export const bundledAreas = (): AreaRegistry => loadAreas();

/** A deep copy of the bundled codebook as plain JSON, to break in tests. */
export function codebookJson(): any {
  return JSON.parse(JSON.stringify(loadCodebook('leicestershire').codebook));
}
