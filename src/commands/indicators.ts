import type { Io } from '../io.js';

export async function runIndicators(_opts: Record<string, unknown>, io: Io): Promise<number> {
  io.stderr.write('sc-survey indicators: not implemented yet\n');
  return 70;
}
