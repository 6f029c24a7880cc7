// What kind of file is this, judged from its first bytes? Used before the CSV reader starts, so that an .xlsx
// workbook goes to the workbook reader and a file that is not a survey at all (an old .xls, a PDF, a ZIP of
// something else) is refused with a sentence saying what it is and what to do, instead of "contains NUL bytes".
//
// Pass the first 64 KiB of the file (or the whole file when it is smaller): a ZIP's entry names are in its local
// headers, spread through the file, so the more bytes the scan sees the surer it is.

/** How many leading bytes the functions here want to see. */
export const SNIFF_BYTES = 64 * 1024;

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": a ZIP with at least one entry
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06]; // "PK\5\6": an empty ZIP (end-of-central-directory only)
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // Compound File Binary: .xls, .doc, encrypted Office

function startsWith(b: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (b.length < at + magic.length) return false;
  return magic.every((m, i) => b[at + i] === m);
}

function ascii(b: Uint8Array, from = 0, to = b.length): string {
  return Buffer.from(b.buffer, b.byteOffset + from, Math.max(0, Math.min(to, b.length) - from)).toString('latin1');
}

/** The ASCII string as UTF-16LE bytes, as OLE2 directory entries spell stream names. */
function utf16le(s: string): string {
  return Buffer.from(s, 'utf16le').toString('latin1');
}

function isZip(b: Uint8Array): boolean {
  return startsWith(b, ZIP_LOCAL);
}

/** Excel binary workbook (.xlsb): the same ZIP layout as .xlsx but the parts are .bin, which no reader here parses. */
function isXlsb(text: string): boolean {
  return text.includes('xl/workbook.bin') || /xl\/worksheets\/sheet\d+\.bin/.test(text);
}

/**
 * True when the bytes start a ZIP whose entries include Excel workbook parts (`xl/…`): an .xlsx or .xlsm workbook.
 * An .xlsb (binary parts) is not one: `describeNonSurveyFile` explains it instead.
 */
export function isXlsxFile(firstBytes: Uint8Array): boolean {
  if (!isZip(firstBytes)) return false;
  const text = ascii(firstBytes);
  return text.includes('xl/') && !isXlsb(text);
}

/**
 * A sentence saying what this file is, for a file that cannot be a survey this tool reads (neither a text
 * table nor an .xlsx workbook); null when it may be one (text in any encoding, or an .xlsx).
 * The sentence starts in lower case so that it reads after "<file>: ".
 */
export function describeNonSurveyFile(firstBytes: Uint8Array): string | null {
  const b = firstBytes;
  if (startsWith(b, ZIP_LOCAL) || startsWith(b, ZIP_EMPTY)) return describeZip(b);
  if (startsWith(b, OLE2)) return describeOle2(b);
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    return 'this is a PDF document, not a survey data file: export the data as CSV or .xlsx';
  if (startsWith(b, [0x1f, 0x8b]))
    return 'this is a gzip-compressed file: decompress it first (gunzip) and pass the CSV or .xlsx inside';
  if (startsWith(b, [0x42, 0x5a, 0x68]))
    return 'this is a bzip2-compressed file: decompress it first and pass the CSV or .xlsx inside';
  if (startsWith(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))
    return 'this is an xz-compressed file: decompress it first and pass the CSV or .xlsx inside';
  if (startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]))
    return 'this is a 7-Zip archive: extract it and pass the CSV or .xlsx inside';
  if (startsWith(b, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]))
    return 'this is a RAR archive: extract it and pass the CSV or .xlsx inside';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return 'this is a PNG image, not a survey data file';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'this is a JPEG image, not a survey data file';
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) return 'this is a GIF image, not a survey data file';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'this is a TIFF image, not a survey data file';
  if (ascii(b, 0, 16) === 'SQLite format 3\0') return 'this is an SQLite database: export the survey table as CSV';
  if (ascii(b, 0, 4) === 'PAR1' && b.includes(0)) return 'this is a Parquet file: export it as CSV';
  if ((ascii(b, 0, 4) === '$FL2' || ascii(b, 0, 4) === '$FL3') && ascii(b, 4, 64).includes('SPSS'))
    return 'this is an SPSS .sav data file: save it as CSV (File > Export in SPSS, or write.csv from R)';
  if (ascii(b, 0, 11) === '<stata_dta>')
    return 'this is a Stata .dta data file: save it as CSV (export delimited in Stata)';
  if (ascii(b, 0, 4) === '\x7fELF') return 'this is a program, not a survey data file';
  return describeMarkup(b);
}

function describeZip(b: Uint8Array): string | null {
  const text = ascii(b);
  if (isXlsb(text)) return 'this is an Excel binary .xlsb workbook: save it as .xlsx or CSV';
  if (text.includes('xl/')) return null; // an .xlsx/.xlsm workbook
  // OpenDocument puts an uncompressed "mimetype" entry first, so its content is readable at the start.
  if (text.includes('application/vnd.oasis.opendocument.spreadsheet'))
    return 'this is an OpenDocument .ods spreadsheet: save it as .xlsx or CSV';
  if (text.includes('application/vnd.oasis.opendocument.text'))
    return 'this is an OpenDocument text document, not a survey data file';
  if (text.includes('word/')) return 'this is a Word document, not a survey data file: export the data as CSV or .xlsx';
  if (text.includes('ppt/')) return 'this is a PowerPoint presentation, not a survey data file';
  if (text.includes('Index/Document.iwa') || text.includes('Index/Tables/'))
    return 'this is an Apple Numbers spreadsheet: export it as .xlsx or CSV';
  return 'this is a ZIP archive, not a workbook: extract it and pass the CSV or .xlsx inside';
}

function describeOle2(b: Uint8Array): string {
  // Stream names sit in the directory sectors, often (not always) within the first few KiB.
  const text = ascii(b);
  if (text.includes(utf16le('EncryptedPackage')))
    return 'this is a password-protected Office file: remove the password in Excel, then save it as .xlsx or CSV';
  if (text.includes(utf16le('WordDocument'))) return 'this is a Word 97–2003 .doc document, not a survey data file';
  if (text.includes(utf16le('PowerPoint Document')))
    return 'this is a PowerPoint 97–2003 presentation, not a survey data file';
  return 'this is an Excel 97–2003 .xls workbook: save it as .xlsx or CSV';
}

/** Text files that are tables in another format: HTML (often saved with an .xls name) and Excel 2003 XML. */
function describeMarkup(b: Uint8Array): string | null {
  // Only 8-bit/UTF-8 text is checked; UTF-16 files (with a BOM) are left to the CSV reader.
  let start = 0;
  if (startsWith(b, [0xef, 0xbb, 0xbf])) start = 3;
  const head = ascii(b, start, start + 2048)
    .trimStart()
    .toLowerCase();
  if (!head.startsWith('<')) return null;
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet'))
    return 'this is an Excel 2003 XML spreadsheet: save it as .xlsx or CSV';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<\?xml[^>]*>\s*<html/.test(head))
    return (
      'this is an HTML page (some systems export tables as HTML with an .xls name): open it in ' +
      'Excel and save it as .xlsx or CSV'
    );
  if (head.startsWith('<?xml')) return 'this is an XML file, not a CSV or .xlsx survey file';
  return null;
}
