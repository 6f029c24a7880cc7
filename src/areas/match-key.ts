/** Case-, space- and punctuation-insensitive key: `Walton on the Wolds` = `walton-on-the-wolds`. */
export function matchKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
