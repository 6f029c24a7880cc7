import type { Io } from '../io.js';

export async function runValidate(_opts: Record<string, unknown>, io: Io): Promise<number> {
  io.stderr.write('sc-survey validate: not implemented yet\n');
  return 70;
}
