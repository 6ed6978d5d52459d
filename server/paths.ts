// Where built assets and example pages live, relative to the repository root.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const widgetBundle = join(repoRoot, 'dist', 'widget', 'widget.js');
export const consoleDir = join(repoRoot, 'dist', 'console');
export const examplesDir = join(repoRoot, 'examples');
