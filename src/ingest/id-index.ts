/**
 * Respondent ids seen so far, per wave, kept compact: a 53-bit hash of (wave, id) in a Set of numbers,
 * not the strings. Two different ids collide with probability about n²/2⁵⁴ (≈ 6e-5 at a million rows).
 */
export function createIdIndex(): { seen(wave: string, id: string): boolean } {
  const set = new Set<number>();
  return {
    /** true when (wave, id) was already seen; records it otherwise */
    seen(wave, id) {
      const h = hash53(`${wave}\u0000${id}`);
      if (set.has(h)) return true;
      set.add(h);
      return false;
    },
  };
}

/** cyrb53 (public domain, bryc): a fast 53-bit string hash. */
export function hash53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
