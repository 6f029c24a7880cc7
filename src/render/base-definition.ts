import type { Codebook } from '../codebook/schema.js';

const quoted = (labels: string[]) => labels.map((l) => `"${l}"`).join(' and ');

/**
 * The footnote that says what the base leaves out, from the codebook in use rather than from the Leicestershire
 * one: its missing values (blank, 98, 99) and each item's excluded answers, the ones every such item shares first,
 * then what an item adds ("for NI1 also …").
 */
export function baseDefinition(cb: Codebook): string {
  const missing = cb.missing.map((m) => (m.value === '' ? 'blank' : m.value));
  const excludedOf = cb.items.map((it) => {
    const scale = cb.scales[it.scale] ?? [];
    const labels = (it.excluded ?? []).map((e) => scale.find((s) => s.code === e.code)?.label ?? String(e.code));
    return { name: it.ni ?? it.shortLabel, labels };
  });
  const withExclusions = excludedOf.filter((x) => x.labels.length > 0);
  const common = withExclusions[0]?.labels.filter((l) => withExclusions.every((x) => x.labels.includes(l))) ?? [];
  const extras = withExclusions
    .map((x) => ({ name: x.name, labels: x.labels.filter((l) => !common.includes(l)) }))
    .filter((x) => x.labels.length > 0)
    .map((x) => `for ${x.name} ${common.length ? 'also ' : ''}${quoted(x.labels)}`);
  const excluded = [...(common.length ? [quoted(common)] : []), ...extras].join('; ');
  const missingPart = missing.length ? `missing answers (${missing.join(', ')})` : 'missing answers';
  return (
    `Percent = weighted positive ÷ weighted base; the base leaves out ${missingPart}` +
    (excluded ? ` and excluded answers (${excluded}).` : '.')
  );
}
