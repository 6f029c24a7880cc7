import { describe, expect, it } from 'vitest';
import { createIdIndex, hash64 } from '../../src/ingest/id-index.js';

describe('createIdIndex', () => {
  it('reports an id as seen only the second time in the same wave', () => {
    const ids = createIdIndex();
    expect(ids.seen('2009', 'F001')).toBe(false);
    expect(ids.seen('2009', 'F001')).toBe(true);
    expect(ids.seen('2009', 'F001')).toBe(true);
  });

  it('keeps waves apart: the same id in another wave is not a duplicate', () => {
    const ids = createIdIndex();
    expect(ids.seen('2009', 'F001')).toBe(false);
    expect(ids.seen('2006', 'F001')).toBe(false);
  });

  it('does not confuse (wave, id) pairs that concatenate alike', () => {
    const ids = createIdIndex();
    expect(ids.seen('200', '9F001')).toBe(false);
    expect(ids.seen('2009', 'F001')).toBe(false);
  });

  it('keeps 100,000 distinct ids apart (no false duplicates)', () => {
    const ids = createIdIndex();
    let dup = 0;
    for (let i = 0; i < 100_000; i++) if (ids.seen('2009', `R${i}`)) dup++;
    expect(dup).toBe(0);
  });
});

describe('createIdIndex growth', () => {
  it('grows past its initial table without losing or inventing ids', () => {
    const ids = createIdIndex(4);
    for (let i = 0; i < 1000; i++) expect(ids.seen('w', `id${i}`)).toBe(false);
    expect(ids.size()).toBe(1000);
    for (let i = 0; i < 1000; i++) expect(ids.seen('w', `id${i}`)).toBe(true);
    expect(ids.size()).toBe(1000);
  });
});

describe('hash64', () => {
  it('gives two unsigned 32-bit halves, deterministic, never (0, 0)', () => {
    const [a, b] = hash64('2009', 'F001');
    for (const h of [a, b]) {
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 32);
    }
    expect(hash64('2009', 'F001')).toEqual([a, b]);
    expect(hash64('2009', 'F002')).not.toEqual([a, b]);
    expect(hash64('200', '9F001')).not.toEqual([a, b]);
  });
});
