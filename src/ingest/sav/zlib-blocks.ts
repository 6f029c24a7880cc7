import type { FileHandle } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { ByteCursor } from './byte-cursor.js';
import { readAt } from './file-source.js';

/**
 * ZLIB-compressed data ("zsav", $FL3). Just after the dictionary comes a 24-byte header
 * (zheader_ofs, ztrailer_ofs, ztrailer_len, int64 each). The data are independent zlib streams
 * ("blocks") whose inflated bytes, concatenated, are ordinary bytecode-compressed data. The trailer
 * lists the blocks: int64 −bias, int64 0, int32 block_size, int32 n_blocks, then per block
 * int64 uncompressed_ofs, int64 compressed_ofs, int32 uncompressed_size, int32 compressed_size.
 */
export interface ZBlock {
  compressedOfs: number;
  compressedSize: number;
  uncompressedSize: number;
}

export const ZHEADER_SIZE = 24;

export async function readZlibIndex(
  fh: FileHandle,
  zheaderOfs: number,
  fileSize: number,
  le: boolean,
): Promise<ZBlock[]> {
  const h = new ByteCursor(await readAt(fh, zheaderOfs, ZHEADER_SIZE), le);
  const ownOfs = h.int64();
  const trailerOfs = h.int64();
  const trailerLen = h.int64();
  if (ownOfs !== zheaderOfs)
    throw new RangeError(`the zlib header says it is at byte ${ownOfs}, but it is at byte ${zheaderOfs}`);
  if (trailerLen < 24 || (trailerLen - 24) % 24 !== 0)
    throw new RangeError(`the zlib trailer length ${trailerLen} is not 24 + 24 × blocks`);
  if (trailerOfs < zheaderOfs + ZHEADER_SIZE || trailerOfs + trailerLen > fileSize) {
    throw new RangeError(
      `the zlib trailer (bytes ${trailerOfs}–${trailerOfs + trailerLen}) lies outside the file of ` +
        `${fileSize} bytes; the file may be truncated`,
    );
  }
  const t = new ByteCursor(await readAt(fh, trailerOfs, trailerLen), le);
  t.int64(); // −bias
  t.int64(); // zero
  t.int32(); // block size
  const nBlocks = t.int32();
  if (nBlocks !== (trailerLen - 24) / 24)
    throw new RangeError(`the zlib trailer lists ${nBlocks} blocks but has room for ${(trailerLen - 24) / 24}`);
  const blocks: ZBlock[] = [];
  let expectOfs = zheaderOfs + ZHEADER_SIZE;
  for (let i = 0; i < nBlocks; i++) {
    t.int64(); // uncompressed offset
    const compressedOfs = t.int64();
    const uncompressedSize = t.int32();
    const compressedSize = t.int32();
    if (compressedOfs !== expectOfs || compressedSize < 0 || compressedOfs + compressedSize > trailerOfs) {
      throw new RangeError(`zlib block ${i + 1} of ${nBlocks} has an impossible offset or size`);
    }
    expectOfs += compressedSize;
    blocks.push({ compressedOfs, compressedSize, uncompressedSize });
  }
  return blocks;
}

/** Inflates one block, checking its size against the trailer. */
export async function inflateBlock(fh: FileHandle, b: ZBlock, index: number): Promise<Buffer> {
  const raw = await readAt(fh, b.compressedOfs, b.compressedSize);
  const out = inflateSync(raw);
  if (out.length !== b.uncompressedSize) {
    throw new RangeError(
      `zlib block ${index + 1} inflates to ${out.length} bytes, not the ${b.uncompressedSize} its trailer says`,
    );
  }
  return out;
}
