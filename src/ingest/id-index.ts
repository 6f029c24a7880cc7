/**
 * Respondent ids seen so far, per wave, kept compact: a 64-bit hash of (wave, id) in an open-addressing
 * table of two Uint32Arrays (16 bytes a slot at ≤ 50% load, so ≤ 32 bytes a row), not the strings.
 * Two different ids collide with probability about n²/2⁶⁵ (≈ 3e-8 at a million rows).
 */
export function createIdIndex(initialSlots = 1 << 12): { seen(wave: string, id: string): boolean; size(): number } {
  let hi = new Uint32Array(initialSlots);
  let lo = new Uint32Array(initialSlots);
  let mask = initialSlots - 1;
  let count = 0;

  const insert = (h1: number, h2: number): boolean => {
    let i = h2 & mask;
    for (;;) {
      const a = hi[i]!;
      const b = lo[i]!;
      if (a === 0 && b === 0) {
        hi[i] = h1;
        lo[i] = h2;
        return false;
      }
      if (a === h1 && b === h2) return true;
      i = (i + 1) & mask;
    }
  };
  const grow = () => {
    const oldHi = hi;
    const oldLo = lo;
    hi = new Uint32Array(oldHi.length * 2);
    lo = new Uint32Array(oldLo.length * 2);
    mask = hi.length - 1;
    for (let i = 0; i < oldHi.length; i++) if (oldHi[i] !== 0 || oldLo[i] !== 0) insert(oldHi[i]!, oldLo[i]!);
  };

  return {
    /** true when (wave, id) was already seen; records it otherwise */
    seen(wave, id) {
      const [h1, h2] = hash64(wave, id);
      const dup = insert(h1, h2);
      if (!dup && ++count * 2 > hi.length) grow();
      return dup;
    },
    size: () => count,
  };
}

/**
 * Two independent 32-bit halves from cyrb53's mixing (public domain, bryc), over wave, a separator and id.
 * The pair (0, 0) marks an empty slot, so it is nudged to (0, 1).
 */
export function hash64(wave: string, id: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (ch: number) => {
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  };
  for (let i = 0; i < wave.length; i++) mix(wave.charCodeAt(i));
  mix(0);
  for (let i = 0; i < id.length; i++) mix(id.charCodeAt(i));
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  h1 >>>= 0;
  h2 >>>= 0;
  return h1 === 0 && h2 === 0 ? [0, 1] : [h1, h2];
}
