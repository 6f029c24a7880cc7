/** A data problem located to a file and line (line 0: the whole file). */
export interface TagProblem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(p: TagProblem): string {
  return p.line > 0 ? `${p.file}:${p.line}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** Line 1 of a side file whose header is none of the published layouts: what was expected, what was found. */
export function unrecognisedHeader(file: string, what: string, expected: string, header: string[]): TagProblem {
  const found = header.join(', ') || '(nothing)';
  return { file, line: 1, message: `the ${what}'s header is not recognised. Expected ${expected}. Found: ${found}` };
}
