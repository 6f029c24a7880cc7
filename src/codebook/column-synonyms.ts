/**
 * Other spellings of the structural columns (id, wave, area, weight, profiles), as data: canonical column name →
 * the header spellings that mean it. The shape is the one proposed for a codebook's top-level "columns" key, so a
 * codebook can carry its own list, as items carry their "aliases":
 * `"columns": { "wave": { "aliases": ["Wave", "Year", "Survey wave"] } }`.
 */
/** The structural columns ingest reads; profile columns come from the codebook's "profiles". */
export const STRUCTURAL_COLUMNS = ['respondent_id', 'wave', 'neighbourhood', 'weight'] as const;

export type ColumnSynonyms = Readonly<Record<string, { readonly aliases: readonly string[] }>>;

/** Spellings seen in survey exports; a codebook may replace any column's list (see mergeColumnSynonyms). */
export const DEFAULT_COLUMN_SYNONYMS: ColumnSynonyms = {
  respondent_id: { aliases: ['Respondent ID', 'ID', 'Serial', 'Respondent', 'Resp ID', 'Case ID'] },
  wave: { aliases: ['Wave', 'Year', 'Survey wave'] },
  neighbourhood: { aliases: ['Neighbourhood', 'Neighborhood', 'Area', 'Area name'] },
  weight: { aliases: ['Weight', 'Wt', 'Final weight'] },
  age_band: { aliases: ['Age band', 'Age group', 'Age', 'Ageband'] },
  sex: { aliases: ['Sex', 'Gender'] },
};

/**
 * A header as compared: byte-order mark stripped, trimmed, lower case, `_` and `-` read as spaces and runs of
 * spaces as one, so `Respondent_ID`, `respondent-id` and ` RESPONDENT  ID ` are one name. Exports differ in
 * exactly these ways; nothing else (punctuation, abbreviations) is folded, because that would be guessing.
 */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF+/, '')
    .replace(/[_-]/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** Every (normalised name, column) pair: the canonical name itself and each alias. */
export function spellings(synonyms: ColumnSynonyms): { name: string; column: string }[] {
  return Object.entries(synonyms).flatMap(([column, { aliases }]) =>
    [column, ...aliases].map((a) => ({ name: normaliseHeader(a), column })),
  );
}

/**
 * Spellings that normalise to one name but are listed under different columns (`Area` under both neighbourhood
 * and ward): a list with any cannot say what such a header means, so a codebook loader refuses it.
 */
export function synonymConflicts(synonyms: ColumnSynonyms): string[] {
  const owner = new Map<string, string>();
  const conflicts: string[] = [];
  for (const { name, column } of spellings(synonyms)) {
    const first = owner.get(name);
    if (first === undefined) owner.set(name, column);
    else if (first !== column) conflicts.push(`"${name}" is listed under both "${first}" and "${column}"`);
  }
  return conflicts;
}

/**
 * The canonical column a header names (its own name or an alias, compared normalised), else null. A header that
 * a conflicting list gives to two columns is null too: it names neither for certain.
 */
export function matchKnownColumn(header: string, synonyms: ColumnSynonyms = DEFAULT_COLUMN_SYNONYMS): string | null {
  const h = normaliseHeader(header);
  if (h === '') return null;
  const columns = new Set(
    spellings(synonyms)
      .filter((s) => s.name === h)
      .map((s) => s.column),
  );
  return columns.size === 1 ? ([...columns][0] ?? null) : null;
}

/**
 * The synonyms in force: the defaults, with each column a codebook lists taking the codebook's list instead (so a
 * codebook whose `Age` column holds years can leave `Age` out of age_band), and new columns added.
 */
export function mergeColumnSynonyms(
  defaults: ColumnSynonyms,
  fromCodebook: ColumnSynonyms | undefined,
): ColumnSynonyms {
  return { ...defaults, ...(fromCodebook ?? {}) };
}
