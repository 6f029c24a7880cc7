/**
 * Record 7/14, very long strings: `SHORT=00600` entries, each ended by NUL and tab. A string wider
 * than 255 bytes is stored as segments: ceil(width / 252) consecutive variables, each but the last
 * 255 wide. Returns a map from the upper-cased short name of the first segment to the full width.
 */
export function parseVeryLongStrings(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const entry of text.split(/[\t\0]+/)) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    const width = Number.parseInt(entry.slice(eq + 1), 10);
    if (Number.isFinite(width) && width > 0) out.set(entry.slice(0, eq).trim().toUpperCase(), width);
  }
  return out;
}

/** Bytes of string data each non-final segment holds, and the width step per segment. */
export const SEGMENT_DATA = 255;
export const SEGMENT_STEP = 252;

export const segmentCount = (width: number): number => Math.max(1, Math.ceil(width / SEGMENT_STEP));
