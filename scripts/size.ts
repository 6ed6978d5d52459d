// Bundle-size budget of the widget: gzip of everything a host page downloads before the panel opens.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 30 * 1024;
const dir = fileURLToPath(new URL('../dist/widget/', import.meta.url));

// widget.js (one IIFE) is what a host page loads up front. Every other script in the folder is a module the
// widget imports later, when it is needed (e.g. article-view.js when an article is opened): listed, not counted.
const STARTUP = ['widget.js'];
const files = readdirSync(dir).filter((name) => name.endsWith('.js'));
if (!files.includes('widget.js')) {
  console.error(`No widget.js in ${dir}: run the widget build first.`);
  process.exit(1);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
let total = 0;
for (const name of [...STARTUP, ...files.filter((file) => !STARTUP.includes(file))]) {
  const source = readFileSync(dir + name);
  const gzipped = gzipSync(source, { level: 9 }).length;
  const upFront = STARTUP.includes(name);
  if (upFront) total += gzipped;
  console.log(`${name}: ${source.length} bytes raw, ${gzipped} bytes gzip (${kb(gzipped)})${upFront ? '' : ' — loaded on demand'}`);
}
console.log(`total before the panel opens: ${total} bytes gzip (${kb(total)}), budget ${BUDGET_BYTES} bytes (${kb(BUDGET_BYTES)})`);
if (total > BUDGET_BYTES) {
  console.error(`Over budget by ${total - BUDGET_BYTES} bytes.`);
  process.exit(1);
}
