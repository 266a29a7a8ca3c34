// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Imports that do I/O: forbidden in the pure sync core (ARCHITECTURE.md, "nothing in main/sync/ does I/O"). */
const ioModules = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'http',
  'https',
  'net',
  'tls',
  'os',
  'child_process',
  'electron',
  'googleapis',
  '@googleapis/*',
  'google-auth-library',
  '@microsoft/*',
  '@azure/*',
  '@napi-rs/*',
  'better-sqlite3',
  'node-cron',
  'electron-store',
  'conf',
];

/** Top-level folders and files of main/, as a relative import names them from any depth below main/. */
const up = '^(\\.\\./)+';
const inMain = (names) => `${up}(${names.join('|')})(/|$)`;
/** The composition roots: the Electron entry, its wiring, and the command line (main/cli/, the headless agent). */
const compositionRoots = `${up}(index|agent-wiring|cli)(/|$)`;
const mainFolders = [
  'agent',
  'auth',
  'secrets',
  'store',
  'scheduler',
  'transport',
  'shell',
  'engine',
  'providers',
  'sync',
];
const contract = `${up}preload/contract(-views|-words)?$`;
const otherPreload = `${up}preload/(?!contract(-views|-words)?$)`;
const sandbox = `${up}sandbox(/|$)`;
const renderer = `${up}renderer(/|$)`;

/**
 * One row of ARCHITECTURE.md's layout table as a lint rule: `allowed` are the main/ folders the row may import,
 * `contract` whether it may import the contract (`'types'`: `import type` only). Every message names its row, so a
 * wrong import fails `npm run lint` with the row it breaks.
 */
function layerRow({ row, files, ignores = [], allowed, contract: contractUse, says }) {
  const message = `${row} may import only ${says} (ARCHITECTURE.md layout: ${row})`;
  const forbidden = mainFolders.filter((name) => !allowed.includes(name));
  const patterns = [
    { regex: compositionRoots, message },
    { regex: sandbox, message },
    { regex: renderer, message },
    { regex: otherPreload, message },
  ];
  if (forbidden.length > 0) patterns.push({ regex: inMain(forbidden), message });
  if (contractUse === false) patterns.push({ regex: contract, message });
  if (contractUse === 'types') patterns.push({ regex: contract, message, allowTypeImports: true });
  const io = row === 'main/sync' ? [{ group: ioModules, message }] : [];
  return {
    files,
    ignores,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...patterns, ...io] }] },
  };
}

/** ARCHITECTURE.md's layout table, row by row (composition roots, test/ and bench/ import anything). */
const layerRules = [
  layerRow({
    row: 'main/agent',
    files: ['main/agent/**/*.ts'],
    allowed: ['agent', 'engine', 'store', 'auth', 'secrets', 'providers', 'scheduler', 'sync'],
    contract: true,
    says: 'main/engine, store, auth, secrets, providers, scheduler, sync types and the contract',
  }),
  layerRow({
    row: 'main/sync',
    files: ['main/sync/**/*.ts'],
    allowed: ['sync'],
    contract: false,
    says: 'its own files, with no I/O',
  }),
  layerRow({
    row: 'main/engine',
    files: ['main/engine/**/*.ts'],
    allowed: ['engine', 'sync', 'providers', 'store'],
    contract: false,
    says: 'main/sync, main/providers and main/store',
  }),
  layerRow({
    row: 'main/providers',
    files: ['main/providers/**/*.ts'],
    allowed: ['providers', 'sync'],
    contract: 'types',
    says: 'contract types and main/sync types; auth comes through an injected token source',
  }),
  layerRow({
    row: 'main/auth',
    files: ['main/auth/**/*.ts'],
    allowed: ['auth', 'secrets'],
    contract: false,
    says: 'main/secrets',
  }),
  layerRow({
    row: 'main/secrets',
    files: ['main/secrets/**/*.ts'],
    allowed: ['secrets'],
    contract: false,
    says: 'its own files',
  }),
  layerRow({
    row: 'main/store',
    files: ['main/store/**/*.ts'],
    allowed: ['store'],
    contract: true,
    says: "the contract's zod schemas",
  }),
  layerRow({
    row: 'main/scheduler',
    files: ['main/scheduler/**/*.ts'],
    allowed: ['scheduler', 'agent'],
    contract: 'types',
    says: 'the agent interface (and contract types)',
  }),
  layerRow({
    row: 'main/transport',
    files: ['main/transport/**/*.ts'],
    allowed: ['transport', 'agent'],
    contract: true,
    says: 'main/agent and the contract',
  }),
  layerRow({
    row: 'main/shell',
    files: ['main/shell/**/*.ts'],
    allowed: ['shell', 'agent'],
    contract: 'types',
    says: 'the agent interface and electron',
  }),
  layerRow({
    row: 'main/index.ts',
    files: ['main/index.ts'],
    allowed: mainFolders,
    contract: true,
    says: 'main/ (everything) and the contract',
  }),
  layerRow({
    row: 'main/errors',
    files: ['main/errors/**/*.ts'],
    allowed: [],
    contract: false,
    says: 'nothing: every layer imports the error base, so it imports none',
  }),
  {
    files: ['preload/contract.ts', 'preload/contract-views.ts', 'preload/contract-words.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./contract(-views|-words)?$)',
              message:
                'preload/contract.ts may import only zod (ARCHITECTURE.md layout: preload/contract.ts)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\./contract$)',
              message:
                'preload/index.ts may import only the contract (ARCHITECTURE.md layout: preload/index.ts)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['sandbox/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `${up}(main|preload|renderer|test|bench)(/|$)`,
              message: 'sandbox may import only its own code (ARCHITECTURE.md layout: sandbox)',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      'test-results',
      'playwright-report',
      '.tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../../main/*',
                '../../../main/*',
                '../../sandbox/*',
                '../../../sandbox/*',
                'node:*',
                'electron',
              ],
              message:
                'renderer may import only contract types; it reaches the agent through renderer/src/api (ARCHITECTURE.md layout: renderer)',
            },
            {
              regex: '^\\.\\./\\.\\./(\\.\\./)?preload/(?!contract$)',
              message:
                'renderer may import only contract types from preload/ (ARCHITECTURE.md layout: renderer)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts', 'sandbox/**/*.ts', 'bench/**/*.ts'],
    ignores: ['main/transport/**', 'preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]',
          message: 'Raw ipcMain/ipcRenderer live only in main/transport and preload.',
        },
      ],
    },
  },
  ...layerRules,
  {
    files: ['main/sync/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'main/sync does no I/O (ARCHITECTURE.md layout: main/sync)' },
        { name: 'process', message: 'main/sync does no I/O (ARCHITECTURE.md layout: main/sync)' },
      ],
    },
  },
);
