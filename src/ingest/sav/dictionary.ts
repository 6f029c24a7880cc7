import { ByteCursor } from './byte-cursor.js';
import type { FileSource } from './file-source.js';
import { readValueLabels, type RawValueLabels } from './value-labels.js';
import { readVariableRecord, type RawVariableRecord } from './variable-record.js';

/** The dictionary records between the header and the data, still as raw bytes. */
export interface RawDictionary {
  variables: RawVariableRecord[];
  valueLabels: RawValueLabels[];
  /** extension records (type 7) by subtype, in file order; a subtype may occur more than once */
  extensions: Map<number, Buffer[]>;
}

const MAX_EXTENSION_BYTES = 256 * 1024 * 1024;

/** Reads records from just after the header through the dictionary termination record (999). */
export async function readDictionary(src: FileSource, le: boolean): Promise<RawDictionary> {
  const dict: RawDictionary = { variables: [], valueLabels: [], extensions: new Map() };
  for (;;) {
    const at = src.position;
    const recType = new ByteCursor(await src.bytes(4), le).int32();
    switch (recType) {
      case 2:
        dict.variables.push(await readVariableRecord(src, le));
        break;
      case 3:
        dict.valueLabels.push(await readValueLabels(src, le));
        break;
      case 6: {
        // document record: n_lines lines of 80 bytes, not needed here
        const nLines = new ByteCursor(await src.bytes(4), le).int32();
        if (nLines < 0 || nLines > 1e6) throw new RangeError(`document record claims ${nLines} lines`);
        await src.bytes(nLines * 80);
        break;
      }
      case 7: {
        const c = new ByteCursor(await src.bytes(12), le);
        const subtype = c.int32();
        const size = c.int32();
        const count = c.int32();
        const total = size * count;
        if (size < 0 || count < 0 || total > MAX_EXTENSION_BYTES) {
          throw new RangeError(`extension record 7/${subtype} at byte ${at} claims ${size} × ${count} bytes`);
        }
        const data = Buffer.from(await src.bytes(total));
        const list = dict.extensions.get(subtype) ?? [];
        list.push(data);
        dict.extensions.set(subtype, list);
        break;
      }
      case 999:
        await src.bytes(4); // filler
        return dict;
      default:
        throw new RangeError(`unrecognised record type ${recType} at byte ${at}`);
    }
  }
}
