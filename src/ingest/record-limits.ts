/**
 * The largest record and field sc-survey reads (docs/limits.md). A survey row is a few hundred bytes; a record over
 * 4 MiB is almost always a quote left open, which would otherwise swallow the rest of the file as one field (a 198 MB
 * file took 177 s and 2 GB). Past the limit the record is set aside as malformed, naming its first line, and reading
 * goes on from the next line; memory stays bounded by the limit.
 */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;
/** A field longer than this (in a record within the record limit) sets its row aside as malformed. */
export const MAX_FIELD_BYTES = 1024 * 1024;

export const tooLongMessage = (what: 'record' | 'field', limit: number, field?: number): string =>
  what === 'record'
    ? `the record starting on this line is longer than ${limit / 1024 / 1024} MiB (a quote left open?); ` +
      'it is skipped and reading goes on from the next line'
    : `field ${field} is longer than ${limit / 1024 / 1024} MiB`;
