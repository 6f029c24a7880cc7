import type { Io } from '../io.js';

export async function runWeight(_opts: Record<string, unknown>, io: Io): Promise<number> {
  io.stderr.write('sc-survey weight: not implemented yet\n');
  return 70;
}
