/** A data problem located to a file and line (line 0: the whole file). */
export interface TagProblem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(p: TagProblem): string {
  return p.line > 0 ? `${p.file}:${p.line}: ${p.message}` : `${p.file}: ${p.message}`;
}
