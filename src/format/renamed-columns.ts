/** A header read under another name, as ingest reports it per file. */
interface Renamed {
  name: string;
  target: string;
}

/** The header a file's column was read from: `wt` for the weight when the file says `wt`. */
export function headerRead(renamed: readonly Renamed[], column: string): string {
  return renamed.find((r) => r.target === column)?.name ?? column;
}

const SHOWN = 8;

/**
 * One stderr note naming the structural and profile columns (weight, wave, neighbourhood, id, age band…) that were
 * read from a header of another name, since a built-in spelling such as `Wt` or `Area` is a reading the user did not
 * ask for; items read by their codebook aliases (`Q1`) are only counted. Null when nothing was renamed.
 */
export function renamedColumnsNote(
  files: readonly { label: string; renamed: readonly Renamed[] }[],
  itemIds: ReadonlySet<string>,
): string | null {
  const structural = files.flatMap((f) =>
    f.renamed.filter((r) => !itemIds.has(r.target)).map((r) => `${f.label}: "${r.name}" as ${r.target}`),
  );
  const items = files.reduce((n, f) => n + f.renamed.filter((r) => itemIds.has(r.target)).length, 0);
  if (!structural.length) return null;
  const listed = structural.slice(0, SHOWN).join('; ');
  const more = structural.length > SHOWN ? `; and ${structural.length - SHOWN} more (validate lists them all)` : '';
  const aliases = items ? ` (and ${items} item column${items === 1 ? '' : 's'} by the codebook's aliases)` : '';
  return (
    `note: columns read under another name: ${listed}${more}${aliases}. ` +
    'If one is wrong, name the right column with --columns "<header>=<column>".'
  );
}
