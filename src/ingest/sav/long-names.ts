/**
 * Record 7/13, long variable names: `SHORT=Long name` pairs separated by tabs, in the file's
 * encoding. Returns a map from the upper-cased short name to the long name.
 */
export function parseLongNames(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of text.split('\t')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const short = pair.slice(0, eq).trim().toUpperCase();
    const long = pair
      .slice(eq + 1)
      .replace(/\0+$/, '')
      .trim();
    if (short && long) out.set(short, long);
  }
  return out;
}
