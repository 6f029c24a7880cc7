// ZIP writers stamp every entry with the time it was written (a DOS date and time in each local header and again
// in the central directory), so the same workbook written twice differs in those bytes. This sets them all to
// 1980-01-01 00:00, the earliest DOS date, in place. Only the time fields change: names, sizes, CRCs and the
// compressed data stay as they are, so the archive stays valid.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01: years since 1980 in bits 9–15, month 5–8, day 0–4

/** Rewrites every entry's modification time in the ZIP held in `zip` (in place) and returns it. */
export function fixZipTimes(zip: Buffer): Buffer {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('fixZipTimes: no ZIP end-of-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== CENTRAL) throw new Error('fixZipTimes: a damaged ZIP directory');
    zip.writeUInt16LE(DOS_TIME, p + 12);
    zip.writeUInt16LE(DOS_DATE, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error('fixZipTimes: a damaged ZIP entry');
    zip.writeUInt16LE(DOS_TIME, local + 10);
    zip.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}
