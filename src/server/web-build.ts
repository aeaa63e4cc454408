/** Builds the web app when its bundle is missing or older than its sources (first `npm start`). */
import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { webDir } from './app.ts';

async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { recursive: true })) {
    if (/\.(tsx?|json|css|html)$/.test(entry) && !entry.includes('node_modules')) newest = Math.max(newest, statSync(path.join(dir, entry)).mtimeMs);
  }
  return newest;
}

export async function ensureWebBuilt(srcDir: string, log: (m: string) => void): Promise<void> {
  const index = path.join(webDir, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= (await newestSource(srcDir))) return;
  log('building the web app…');
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
}
