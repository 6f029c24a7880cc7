import iconv from 'iconv-lite';

/**
 * Picks the character encoding: record 7/20 names it; older files give only a code page in 7/3;
 * a file with neither is taken as Windows-1252, as SPSS wrote before Unicode mode.
 * Returns null for an encoding that cannot be decoded here.
 */
export function resolveEncoding(recordName: string | null, characterCode: number | null): string | null {
  if (recordName !== null && recordName.trim() !== '') {
    const name = recordName.replace(/\0+$/, '').trim();
    return iconv.encodingExists(name) ? name : null;
  }
  if (characterCode === null) return 'windows-1252';
  const known: Record<number, string> = {
    2: 'us-ascii',
    3: 'windows-1252',
    65001: 'UTF-8',
    20127: 'us-ascii',
    28591: 'ISO-8859-1',
    1252: 'windows-1252',
  };
  const name = known[characterCode];
  if (name) return name;
  if (characterCode === 1) return null; // EBCDIC
  for (const candidate of [`cp${characterCode}`, `windows-${characterCode}`]) {
    if (iconv.encodingExists(candidate)) return candidate;
  }
  return null;
}

/** A decoder for bytes in `encoding`, with a fast path for UTF-8 and ASCII. */
export function makeDecoder(encoding: string): (b: Buffer) => string {
  const norm = encoding.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (norm === 'utf8') return (b) => b.toString('utf8');
  if (norm === 'usascii' || norm === 'ascii') return (b) => b.toString('latin1');
  return (b) => iconv.decode(b, encoding);
}
