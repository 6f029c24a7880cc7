import type { Io } from '../io.js';

export async function runCompare(_opts: Record<string, unknown>, io: Io): Promise<number> {
  io.stderr.write('sc-survey compare: not implemented yet\n');
  return 70;
}
