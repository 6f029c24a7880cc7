import type { Io } from '../io.js';

export async function runTag(_opts: Record<string, unknown>, io: Io): Promise<number> {
  io.stderr.write('sc-survey tag: not implemented yet\n');
  return 70;
}
