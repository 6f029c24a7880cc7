// npm run lint: typescript-eslint's recommended rules, and the folder rule of docs/architecture.md, so that an
// import against the direction of the pipeline fails CI. Import cycles are caught by test/architecture.test.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders in layers, lowest first; each may import only the folders listed for it (and itself). */
const BASE = ['types', 'errors', 'paths'];
const ALLOWED = {
  types: [],
  format: [...BASE],
  io: [...BASE],
  codebook: [...BASE, 'io'],
  areas: [...BASE, 'io', 'codebook'],
  estimate: [...BASE],
  aggregate: [...BASE, 'format', 'codebook', 'areas', 'estimate'],
  ingest: [...BASE, 'format', 'io', 'codebook', 'areas'],
  weighting: [...BASE, 'format', 'io', 'codebook', 'areas', 'estimate', 'aggregate', 'ingest'],
  compare: [...BASE, 'format', 'io', 'codebook', 'areas', 'estimate', 'aggregate'],
  tag: [...BASE, 'format', 'io', 'areas'],
  render: [...BASE, 'format'],
  report: [...BASE, 'format', 'render'],
  options: [...BASE, 'format', 'io'],
  pipeline: [
    ...BASE,
    'format',
    'io',
    'codebook',
    'areas',
    'estimate',
    'aggregate',
    'ingest',
    'weighting',
    'compare',
    'options',
    'render',
  ],
  commands: [
    ...BASE,
    'format',
    'io',
    'codebook',
    'areas',
    'estimate',
    'aggregate',
    'ingest',
    'weighting',
    'compare',
    'tag',
    'render',
    'report',
    'options',
    'pipeline',
  ],
};
/** Types only (import type), for stages whose contracts are zod-inferred beside their validation. */
const TYPES_FROM = {
  render: ['codebook', 'areas', 'tag'],
  report: ['codebook', 'areas'],
  options: ['tag'],
  format: ['codebook', 'areas'],
};
const FOLDERS = [...Object.keys(ALLOWED), 'cli'];

function boundary(folder) {
  const allowed = new Set([folder, ...ALLOWED[folder]]);
  const typeOnly = TYPES_FROM[folder] ?? [];
  const banned = FOLDERS.filter((f) => !allowed.has(f) && !typeOnly.includes(f));
  const imports = [...allowed].join(', ');
  const types = typeOnly.length ? ` (and types from ${typeOnly.join(', ')})` : '';
  const message = `src/${folder}/ may import only ${imports}${types}: see docs/architecture.md, "Folder rule"`;
  const pattern = (f) => (f === 'cli' ? ['**/cli.js'] : [`../${f}/*`, `../${f}.js`]);
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(banned.length ? [{ group: banned.flatMap(pattern), message }] : []),
            ...(typeOnly.length ? [{ group: typeOnly.flatMap(pattern), message, allowTypeImports: true }] : []),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // prettier wraps code at 120; this catches the strings and comments it leaves long (issue 15 item 8)
      'max-len': ['error', { code: 120, tabWidth: 2, ignoreUrls: true }],
    },
  },
  { files: ['**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } } },
  {
    // tests paste R's printed values verbatim (more digits than a double holds), match ANSI colour codes and
    // build deliberately malformed inputs
    files: ['test/**/*.ts'],
    rules: { 'no-loss-of-precision': 'off', 'no-control-regex': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...Object.keys(ALLOWED).map(boundary),
);
