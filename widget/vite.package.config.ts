// Build of the npm package (packages/classroom-support): widget/npm.ts as one ES module with its dependencies
// inside (the package has none of its own), and the type files written beside it from widget/public-api.ts.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { widgetBase } from './vite.base';

const outDir = fileURLToPath(new URL('../packages/classroom-support/dist/', import.meta.url));

/** public-api.ts is declarations only, so it is a valid .d.ts as it stands: the types shipped are the ones built against. */
const typeFiles: Plugin = {
  name: 'classroom-support-types',
  writeBundle() {
    mkdirSync(outDir, { recursive: true });
    copyFileSync(fileURLToPath(new URL('./public-api.ts', import.meta.url)), `${outDir}public-api.d.ts`);
    writeFileSync(
      `${outDir}widget.d.ts`,
      [
        '// Types of `classroom-support/widget`; see public-api.d.ts.',
        "import type { ClassroomSupportApi } from './public-api.js';",
        "export type * from './public-api.js';",
        'export declare const ClassroomSupport: ClassroomSupportApi;',
        'export default ClassroomSupport;',
        '',
      ].join('\n'),
    );
  },
};

export default defineConfig({
  ...widgetBase,
  plugins: [typeFiles],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2020',
    // The app that imports it minifies; readable code is easier to debug from a host app.
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    lib: {
      entry: fileURLToPath(new URL('./npm.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'widget.js',
    },
  },
});
