import { isCi } from '../io/ci-environment.js';
import type { Io } from '../io/console.js';

const LARGE = 20 * 1024 * 1024;

/** A progress bar on stderr, only on a TTY, only for large inputs, never in CI logs or piped output. */
export function createProgress(io: Io): { update: (done: number, total: number) => void; stop: () => void } {
  if (io.stderr.isTTY !== true || isCi(io.env)) return { update: () => undefined, stop: () => undefined };
  let bar: { update(n: number): void; stop(): void; start(total: number, v: number): void } | undefined;
  let started = false;
  let loading = false;
  return {
    update(done, total) {
      if (total < LARGE) return;
      if (!started && !loading) {
        loading = true;
        void import('cli-progress').then((m) => {
          bar = new m.default.SingleBar(
            {
              stream: io.stderr as NodeJS.WritableStream,
              format: 'reading {bar} {percentage}% | {value}/{total} MB',
              hideCursor: true,
            },
            m.default.Presets.shades_classic,
          );
          bar.start(Math.round(total / 1048576), 0);
          started = true;
        });
      }
      bar?.update(Math.round(done / 1048576));
    },
    stop() {
      bar?.stop();
    },
  };
}
