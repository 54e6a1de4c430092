import { cpSync, readdirSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';

/**
 * Copies what tsc does not emit (corpus JSON, knowledge articles, page scripts and styles) next to the
 * compiled files, so every path a module builds from its own `__dirname` holds in dist/ as in the sources.
 */
// This file runs compiled, from dist/scripts/.
const root = resolve(__dirname, '..', '..');
const outDir = join(root, 'dist');
const sourceDirs = ['src', 'dialogs', 'intents'];

function copyAssets(dir: string): number {
  let copied = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copied += copyAssets(path);
    else if (extname(entry.name) !== '.ts') {
      cpSync(path, join(outDir, relative(root, path)));
      copied += 1;
    }
  }
  return copied;
}

const copied = sourceDirs.reduce((total, dir) => total + copyAssets(join(root, dir)), 0);
process.stdout.write(`copied ${copied} assets to ${relative(process.cwd(), outDir) || '.'}\n`);
