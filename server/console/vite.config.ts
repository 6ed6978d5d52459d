// Vite build of the agent console: a static Preact app served by the server at /console/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  // The console may import shared/ from outside its root; the dev server must be allowed to read it.
  server: {
    fs: { allow: [repoRoot] },
    // `vite --config server/console/vite.config.ts` against a server started on the default port.
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
