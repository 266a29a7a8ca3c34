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
  'google-auth-library',
  '@microsoft/*',
  '@azure/*',
  '@napi-rs/*',
  'better-sqlite3',
  'node-cron',
  'electron-store',
  'conf',
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
              message: 'The renderer reaches the agent only through renderer/src/api and the contract.',
            },
            {
              regex: '^\\.\\./\\.\\./(\\.\\./)?preload/(?!contract$)',
              message: 'The renderer may import only preload/contract (types and schemas).',
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
  {
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/cli/run-cli.ts', 'main/agent-wiring.ts', 'main/cli/headless-agent.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../sandbox/*', '../../sandbox/*', '../../../sandbox/*'],
              message: 'Only composition roots import the sandbox.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ioModules, message: 'main/sync is the pure core: no I/O imports.' },
            { group: ['../*', '!../sync/*'], message: 'main/sync imports only its own files.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'main/sync does no I/O.' },
        { name: 'process', message: 'main/sync does no I/O.' },
      ],
    },
  },
);
