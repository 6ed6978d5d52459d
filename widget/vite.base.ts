// What both widget builds share: the repository root, JSX for Preact, no `process` on host pages, dist/widget.
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';

export const widgetBase = {
  root: fileURLToPath(new URL('..', import.meta.url)),
  // Host pages run no bundler, so no `process` exists there.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  publicDir: false,
} satisfies UserConfig;

export const widgetOutput = {
  outDir: 'dist/widget',
  target: 'es2020',
  minify: true,
  sourcemap: false,
  copyPublicDir: false,
} as const;
