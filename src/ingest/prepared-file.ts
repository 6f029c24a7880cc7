import type { EncodingInfo } from './detect-encoding.js';
import type { HeaderMap } from './map-header.js';
import type { Separator } from './sniff-separator.js';

/** A survey file whose encoding, separator and header have been checked, ready to stream. */
export interface PreparedFile {
  path: string;
  label: string;
  info: EncodingInfo;
  separator: Separator;
  header: HeaderMap;
  /** the wave of every row, for a file without a wave column (`--assign-wave`) */
  assignedWave?: string;
}
