/**
 * Exit codes, as in docs/exit-codes.md. When several apply: 70, then 2, 1, 3 (usage is checked before any data is
 * read, and a thrown error ends the run before the target check could give 3).
 */
export const EXIT = { ok: 0, data: 1, usage: 2, targetMissed: 3, internal: 70 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A problem the user must fix in their invocation (exit 2). */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
}

/** A problem in the input data that stops the run (exit 1). Message names the file. */
export class DataError extends Error {
  readonly exitCode = EXIT.data;
}
