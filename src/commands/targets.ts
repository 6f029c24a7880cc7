import type { Io } from '../io.js';

export async function runTargets(_opts: Record<string, unknown>, io: Io): Promise<number> {
  io.stderr.write('sc-survey targets: not implemented yet\n');
  return 70;
}
