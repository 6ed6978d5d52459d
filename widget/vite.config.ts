// Build of the embeddable widget: one self-contained IIFE at dist/widget/widget.js, styles inlined in JS.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { widgetBase, widgetOutput } from './vite.base';
import { noWebTransport } from './vite.no-webtransport';

export default defineConfig({
  ...widgetBase,
  plugins: [noWebTransport()],
  build: {
    ...widgetOutput,
    // This build runs first (npm run build); the on-demand build adds its files after it.
    emptyOutDir: true,
    cssCodeSplit: false,
    modulePreload: false,
    rolldownOptions: {
      input: fileURLToPath(new URL('./embed.ts', import.meta.url)),
      output: {
        // An IIFE with no name assigns nothing global: embed.ts owns window.ClassroomSupport itself.
        format: 'iife',
        entryFileNames: 'widget.js',
      },
    },
  },
});
