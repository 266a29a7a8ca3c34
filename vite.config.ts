import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import electron from 'vite-plugin-electron';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import pkg from './package.json' with { type: 'json' };

/** Runtime dependencies stay outside the bundles: native modules and big clients load from node_modules. */
const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies ?? {}),
];

const root = import.meta.dirname;

const nodeBuild = (file: string, fileName: string, format: 'es' | 'cjs' = 'es', externals = external) => ({
  entry: resolve(root, file),
  vite: {
    root,
    build: {
      outDir: resolve(root, 'dist-electron'),
      emptyOutDir: false,
      sourcemap: true,
      minify: false,
      lib: { entry: resolve(root, file), formats: [format], fileName: () => fileName },
      rollupOptions: { external: externals },
    },
  },
});

/**
 * One config builds everything: the renderer (React, to dist/renderer) and, through vite-plugin-electron,
 * the Electron main process, the preload script (CommonJS: sandboxed preloads cannot be ES modules) and the
 * `sched-sync` command, all to dist-electron/.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [
    react(),
    electron([
      nodeBuild('main/index.ts', 'main.js'),
      // The sandboxed preload may only require('electron'): everything else is bundled in.
      nodeBuild('preload/index.ts', 'preload.cjs', 'cjs', ['electron']),
      nodeBuild('main/cli/main.ts', 'cli.js'),
    ]),
  ],
  build: { outDir: '../dist/renderer', emptyOutDir: true },
  server: { port: 5173, strictPort: true },
});
