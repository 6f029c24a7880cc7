/**
 * Respondent ids seen so far, kept compact: a 64-bit hash of (scope key, id) in an open-addressing table of 8-byte
 * slots at ≤ 50% load (≤ 32 bytes a row while growing), not the strings. Each slot may carry a small tag (the
 * id checker keeps the area of the row that took the id there). Two different ids collide with probability about
 * n²/2⁶⁵ (≈ 3e-8 at a million rows).
 *
 * The hash is over UTF-16 code units; an id of printable ASCII bytes hashes the same from its bytes as from its
 * text, so the scanner's bytes need no decoding (hashIdBytes) and a file read partly as bytes and partly as text
 * (the library fallback, another encoding) still finds its duplicates.
 */
export interface IdIndex {
  /**
   * The tag recorded with (h1, h2), or -1 when the hash is absent; an absent hash's free slot is remembered, so
   * add() right after costs no second probe.
   */
  find(h1: number, h2: number): number;
  /** records (h1, h2), which the last find() reported absent, with a tag (a non-negative integer) */
  add(h1: number, h2: number, tag?: number): void;
  size(): number;
}

/** Tags up to this fit the compact tag array; a larger one switches it to 32 bits. */
const SMALL_TAG = 0xffff;

export function createIdIndex(initialSlots = 1 << 12, tagged = false): IdIndex {
  // One array with each slot's two halves side by side, so a probe touches one cache line, not two.
  let table = new Uint32Array(2 * initialSlots);
  let tags: Uint16Array | Uint32Array = new Uint16Array(tagged ? initialSlots : 0);
  let mask = initialSlots - 1;
  let count = 0;
  let freeSlot = -1; // the empty slot where the last absent hash (lastH1, lastH2) would go
  let lastH1 = 0;
  let lastH2 = 0;

  const probe = (h1: number, h2: number): number => {
    for (let i = h2 & mask; ; i = (i + 1) & mask) {
      const a = table[2 * i]!;
      const b = table[2 * i + 1]!;
      if (a === 0 && b === 0) return ~i;
      if (a === h1 && b === h2) return i;
    }
  };
  const grow = () => {
    const oldTable = table;
    const oldTags = tags;
    table = new Uint32Array(oldTable.length * 2);
    if (tagged)
      tags = oldTags instanceof Uint16Array ? new Uint16Array(oldTags.length * 2) : new Uint32Array(oldTags.length * 2);
    mask = table.length / 2 - 1;
    for (let i = 0; i < oldTable.length; i += 2) {
      const a = oldTable[i]!;
      const b = oldTable[i + 1]!;
      if (a === 0 && b === 0) continue;
      const slot = ~probe(a, b);
      table[2 * slot] = a;
      table[2 * slot + 1] = b;
      if (tagged) tags[slot] = oldTags[i >> 1]!;
    }
  };

  return {
    find(h1, h2) {
      const at = probe(h1, h2);
      if (at >= 0) return tagged ? tags[at]! : 0;
      freeSlot = ~at;
      lastH1 = h1;
      lastH2 = h2;
      return -1;
    },
    add(h1, h2, tag = 0) {
      const slot = freeSlot >= 0 && h1 === lastH1 && h2 === lastH2 ? freeSlot : ~probe(h1, h2);
      freeSlot = -1;
      table[2 * slot] = h1;
      table[2 * slot + 1] = h2;
      if (tagged) {
        if (tag > SMALL_TAG && tags instanceof Uint16Array) tags = Uint32Array.from(tags);
        tags[slot] = tag;
      }
      if (++count * 2 > table.length / 2) grow();
    },
    size: () => count,
  };
}

const M1 = 2654435761;
const M2 = 1597334677;

/** The hash state after a scope key and a 0 separator, to go on with hashIdString or hashIdBytes. */
export function keySeed(key: string): Uint32Array {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, M1);
    h2 = Math.imul(h2 ^ ch, M2);
  }
  return Uint32Array.of(Math.imul(h1, M1) >>> 0, Math.imul(h2, M2) >>> 0);
}

/**
 * Two 32-bit halves from cyrb53's mixing (public domain, bryc) over the seed's key and the id, written to out.
 * The pair (0, 0) marks an empty slot, so it is nudged to (0, 1).
 */
export function hashIdString(seed: Uint32Array, id: string, out: Uint32Array): void {
  let h1 = seed[0]! | 0;
  let h2 = seed[1]! | 0;
  for (let i = 0; i < id.length; i++) {
    const ch = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, M1);
    h2 = Math.imul(h2 ^ ch, M2);
  }
  finish(h1, h2, out);
}

/**
 * hashIdString for the id held in bytes[start, end), without decoding it: true when every byte is printable ASCII
 * (0x21–0x7e, so the text is the bytes and trimming changes nothing); false, with out untouched, otherwise.
 */
export function hashIdBytes(
  seed: Uint32Array,
  bytes: Uint8Array,
  start: number,
  end: number,
  out: Uint32Array,
): boolean {
  let h1 = seed[0]! | 0;
  let h2 = seed[1]! | 0;
  for (let i = start; i < end; i++) {
    const ch = bytes[i]!;
    if (ch < 0x21 || ch > 0x7e) return false;
    h1 = Math.imul(h1 ^ ch, M1);
    h2 = Math.imul(h2 ^ ch, M2);
  }
  finish(h1, h2, out);
  return true;
}

function finish(h1: number, h2: number, out: Uint32Array): void {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[0] = h1 >>> 0;
  out[1] = h1 === 0 && h2 === 0 ? 1 : h2 >>> 0;
}

/** The 64-bit hash of (key, id) as two unsigned 32-bit halves. */
export function hash64(key: string, id: string): [number, number] {
  const out = new Uint32Array(2);
  hashIdString(keySeed(key), id, out);
  return [out[0]!, out[1]!];
}
