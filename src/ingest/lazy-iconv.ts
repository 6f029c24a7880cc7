import type Iconv from 'iconv-lite';

// iconv-lite and its code-page tables load on first need: a UTF-8 file, the usual case, never pays for them.
let loaded: typeof Iconv | undefined;

/** Loads iconv-lite (once); await it before the first iconvNow(). */
export async function loadIconv(): Promise<typeof Iconv> {
  return (loaded ??= (await import('iconv-lite')).default);
}

/** iconv-lite, once loadIconv() has resolved. */
export function iconvNow(): typeof Iconv {
  if (loaded === undefined) throw new Error('internal: iconv-lite used before loadIconv()');
  return loaded;
}
