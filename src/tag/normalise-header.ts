/** Header cell for matching: trimmed, inner whitespace collapsed, lower case. */
export function normaliseHeader(h: string): string {
  return h.trim().replace(/\s+/g, ' ').toLowerCase();
}
