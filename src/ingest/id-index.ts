/**
 * Respondent ids seen so far, per wave, kept compact: a 64-bit hash of (wave, id) in an open-addressing
 * table of 8-byte slots at ≤ 50% load (≤ 32 bytes a row while growing), not the strings.
 * Two different ids collide with probability about n²/2⁶⁵ (≈ 3e-8 at a million rows).
 */
export interface IdIndex {
  /** true when (wave, id) was already seen; records it otherwise */
  seen(wave: string, id: string): boolean;
  /** true when (wave, id) was already seen; records nothing */
  contains(wave: string, id: string): boolean;
  /** the same for a hash computed elsewhere (a parallel worker's) */
  seenHash(h1: number, h2: number): boolean;
  has(h1: number, h2: number): boolean;
  size(): number;
  /** with keepOrder: every hash recorded, as (h1, h2) pairs in order */
  recorded(): Uint32Array;
}

export function createIdIndex(initialSlots = 1 << 12, keepOrder = false): IdIndex {
  // One array with each slot's two halves side by side, so a probe touches one cache line, not two.
  let table = new Uint32Array(2 * initialSlots);
  let mask = initialSlots - 1;
  let count = 0;

  const insert = (h1: number, h2: number): boolean => {
    for (let i = h2 & mask; ; i = (i + 1) & mask) {
      const a = table[2 * i]!;
      const b = table[2 * i + 1]!;
      if (a === 0 && b === 0) {
        table[2 * i] = h1;
        table[2 * i + 1] = h2;
        return false;
      }
      if (a === h1 && b === h2) return true;
    }
  };
  let order = new Uint32Array(keepOrder ? 1024 : 0);
  const remember = (h1: number, h2: number) => {
    if (2 * count + 2 > order.length) {
      const bigger = new Uint32Array(order.length * 2);
      bigger.set(order);
      order = bigger;
    }
    order[2 * count] = h1;
    order[2 * count + 1] = h2;
  };
  const find = (h1: number, h2: number): boolean => {
    for (let i = h2 & mask; ; i = (i + 1) & mask) {
      const a = table[2 * i]!;
      const b = table[2 * i + 1]!;
      if (a === 0 && b === 0) return false;
      if (a === h1 && b === h2) return true;
    }
  };
  const grow = () => {
    const old = table;
    table = new Uint32Array(old.length * 2);
    mask = table.length / 2 - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) insert(old[i]!, old[i + 1]!);
  };

  const seenHash = (h1: number, h2: number): boolean => {
    const dup = insert(h1, h2);
    if (!dup) {
      if (keepOrder) remember(h1, h2);
      if (++count * 2 > table.length / 2) grow();
    }
    return dup;
  };
  return {
    seen(wave, id) {
      hash64Into(wave, id);
      return seenHash(H[0]!, H[1]!);
    },
    contains(wave, id) {
      hash64Into(wave, id);
      return find(H[0]!, H[1]!);
    },
    seenHash,
    has: find,
    size: () => count,
    recorded: () => order.slice(0, 2 * count),
  };
}

/** Scratch output of hash64Into: reused, so the per-row hash allocates nothing. */
const H = new Uint32Array(2);

/**
 * Two 32-bit halves from cyrb53's mixing (public domain, bryc) over wave, a 0 separator and id, written to H.
 * The pair (0, 0) marks an empty slot, so it is nudged to (0, 1).
 */
function hash64Into(wave: string, id: string): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < wave.length; i++) {
    const ch = wave.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1, 2654435761);
  h2 = Math.imul(h2, 1597334677);
  for (let i = 0; i < id.length; i++) {
    const ch = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  H[0] = h1 >>> 0;
  H[1] = h1 === 0 && h2 === 0 ? 1 : h2 >>> 0;
}

/** The 64-bit hash of (wave, id) as two unsigned 32-bit halves. */
export function hash64(wave: string, id: string): [number, number] {
  hash64Into(wave, id);
  return [H[0]!, H[1]!];
}
