/**
 * Reading SPSS system files (.sav, and .zsav with zlib compression), written from the format
 * description in the PSPP developers' guide ("System File Format").
 *
 *   const sav = await openSav('wave.sav');
 *   for await (const row of sav.cases()) ...   // row[i] belongs to sav.variables[i]
 *
 * The dictionary is read when the file is opened; the data are read a chunk at a time on each
 * call of cases(), never whole.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { buildDictionary, type BuiltDictionary } from './build-dictionary.js';
import { BytecodeDecoder } from './bytecode.js';
import { CaseAssembler } from './case-assembler.js';
import { readDictionary } from './dictionary.js';
import { FileSource, TruncatedError } from './file-source.js';
import { HEADER_SIZE, magicOf, parseHeader, type SavHeader } from './header-record.js';
import { SavError } from './sav-error.js';
import type { OpenSavOptions, SavCase, SavCompression, SavFile } from './types.js';
import { inflateBlock, readZlibIndex, type ZBlock } from './zlib-blocks.js';

export type { OpenSavOptions, SavCase, SavCompression, SavFile, SavMissing, SavValue, SavVariable } from './types.js';
export { SavError } from './sav-error.js';

const DEFAULT_CHUNK = 64 * 1024;
const COMPRESSION: SavCompression[] = ['none', 'bytecode', 'zlib'];

/** True when the bytes begin an SPSS system file: `$FL2`, or `$FL3` for zlib-compressed ("zsav"). */
export function isSavFile(firstBytes: Uint8Array): boolean {
  return magicOf(firstBytes) !== null;
}

/** Reads the header and dictionary of a .sav file; the cases are read by `cases()`. */
export async function openSav(path: string, options: OpenSavOptions = {}): Promise<SavFile> {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK));
  const fh = await open(path, 'r');
  let header: SavHeader;
  let dict: BuiltDictionary;
  let dataOffset: number;
  let blocks: ZBlock[] = [];
  try {
    const { size } = await fh.stat();
    const src = new FileSource(fh, size);
    const parsed = parseHeader(await src.bytes(Math.min(HEADER_SIZE, size)));
    if (typeof parsed === 'string') throw new SavError(path, parsed);
    header = parsed;
    dict = buildDictionary(header, await readDictionary(src, header.littleEndian));
    dataOffset = src.position;
    if (header.compressionCode === 2) blocks = await readZlibIndex(fh, dataOffset, size, header.littleEndian);
  } catch (e) {
    throw asSavError(path, e, 'in the dictionary');
  } finally {
    await fh.close();
  }

  const h = header;
  const d = dict;
  const start = dataOffset;
  const zblocks = blocks;
  return {
    variables: d.variables,
    caseCount: d.caseCount,
    weightVariable: d.weightVariable,
    encoding: d.encoding,
    compression: COMPRESSION[h.compressionCode] as SavCompression,
    cases: () => readCases(path, h, d, start, zblocks, chunkSize),
  };
}

async function* readCases(
  path: string,
  header: SavHeader,
  dict: BuiltDictionary,
  dataOffset: number,
  blocks: ZBlock[],
  chunkSize: number,
): AsyncGenerator<SavCase> {
  const asm = new CaseAssembler(dict.layout, dict.caseBytes, header.littleEndian, dict.floatInfo.sysmis, dict.decode);
  const decoder = header.compressionCode === 0 ? null : new BytecodeDecoder(header.bias, dict.floatInfo.sysmis, asm);
  const feed = (chunk: Buffer): void => (decoder ? decoder.push(chunk) : asm.pushBytes(chunk));

  if (header.compressionCode === 2) {
    let fh: FileHandle | null = null;
    try {
      fh = await open(path, 'r');
      for (let i = 0; i < blocks.length && !decoder?.ended; i++) {
        let data: Buffer;
        try {
          data = await inflateBlock(fh, blocks[i] as ZBlock, i);
        } catch (e) {
          throw asSavError(path, e, 'in the zlib-compressed data');
        }
        for (let p = 0; p < data.length && !decoder?.ended; p += chunkSize) {
          feed(data.subarray(p, p + chunkSize));
          yield* asm.out.splice(0);
        }
      }
    } finally {
      await fh?.close();
    }
  } else {
    const stream = createReadStream(path, { start: dataOffset, highWaterMark: chunkSize });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      feed(chunk);
      yield* asm.out.splice(0);
      if (decoder?.ended) break;
    }
  }

  if (asm.partial || (decoder !== null && !decoder.cleanEnd)) {
    throw new SavError(path, `the data end in the middle of case ${asm.count + 1}: the file is truncated`);
  }
  if (dict.caseCount !== null && asm.count !== dict.caseCount) {
    throw new SavError(path, `the header declares ${dict.caseCount} cases but the data hold ${asm.count}`);
  }
}

function asSavError(path: string, e: unknown, where: string): Error {
  if (e instanceof SavError) return e;
  if (e instanceof TruncatedError) return new SavError(path, `${e.message} ${where}: the file is truncated`);
  if (e instanceof RangeError) return new SavError(path, `${where}: ${e.message}`);
  if (e instanceof Error && (e as NodeJS.ErrnoException).code === 'Z_DATA_ERROR')
    return new SavError(path, `${where}: ${e.message}`);
  return e instanceof Error ? e : new Error(String(e));
}
