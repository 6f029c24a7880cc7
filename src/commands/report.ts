import type { Io } from '../io.js';

export async function runReport(_opts: Record<string, unknown>, io: Io): Promise<number> {
  io.stderr.write('sc-survey report: not implemented yet\n');
  return 70;
}
