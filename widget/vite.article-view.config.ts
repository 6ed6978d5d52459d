// Second widget build: the parts loaded on demand, as ES modules next to widget.js (the article reader at
// dist/widget/article-view.js, the tickets view at tickets-view.js, the notice renderer at notices.js, the panel's
// texts at i18n-en.js and i18n-zh-CN.js and its styles at panel-styles.js). The widget imports each with import() the
// first time it is needed (lazy.ts), so they stay out of the start-up bundle (npm run size).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { widgetBase, widgetOutput } from './vite.base';

export default defineConfig({
  ...widgetBase,
  build: {
    ...widgetOutput,
    // The first widget build just wrote widget.js here.
    emptyOutDir: false,
    lib: {
      entry: {
        'article-view': fileURLToPath(new URL('./help/article-view.ts', import.meta.url)),
        'tickets-view': fileURLToPath(new URL('./tickets/tickets-view.tsx', import.meta.url)),
        notices: fileURLToPath(new URL('./notices.ts', import.meta.url)),
        quality: fileURLToPath(new URL('./quality/quality-view.tsx', import.meta.url)),
        'i18n-en': fileURLToPath(new URL('./i18n/en.ts', import.meta.url)),
        'panel-styles': fileURLToPath(new URL('./ui/panel-styles.ts', import.meta.url)),
        'i18n-zh-CN': fileURLToPath(new URL('./i18n/zh-CN.ts', import.meta.url)),
        satisfaction: fileURLToPath(new URL('./satisfaction/satisfaction-view.tsx', import.meta.url)),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    // Code both modules use lands in a shared file beside them, loaded by whichever needs it first. Lib mode
    // keeps the whitespace of ES output; these files are served as they are, so they are minified fully.
    rolldownOptions: { output: { chunkFileNames: 'lazy-[hash].js', minify: true } },
  },
});
