import type { Io } from '../io.js';

export async function runAnalyse(_opts: Record<string, unknown>, io: Io): Promise<number> {
  io.stderr.write('sc-survey analyse: not implemented yet\n');
  return 70;
}
