#!/usr/bin/env node
// The JavaScript a first visit downloads: the entry script of dist/index.html and every chunk it
// imports statically (modulepreload links and static imports, followed transitively), gzipped.
// Route chunks loaded later with import() are listed apart and not counted.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const LIMIT_KB = Number(process.env.BUNDLE_LIMIT_KB ?? 250);
const indexHtml = path.join(dist, 'index.html');
if (!fs.existsSync(indexHtml)) {
  console.error('dashboard/dist/index.html not found: run `npm run build -w dashboard` first.');
  process.exit(1);
}
const html = fs.readFileSync(indexHtml, 'utf8');
const fromHtml = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
].map((m) => m[1]);

const fileOf = (url) => path.join(dist, url.replace(/^\//, ''));
const seen = new Set();
const queue = [...fromHtml.map(fileOf)];
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file) || !fs.existsSync(file)) continue;
  seen.add(file);
  const code = fs.readFileSync(file, 'utf8');
  // Static imports only: `import ... from "./x.js"` and `import "./x.js"`, not `import("./x.js")`.
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g)) {
    queue.push(path.resolve(path.dirname(file), m[1]));
  }
  for (const m of code.matchAll(/\bfrom\s*["'](\.\/[^"']+\.js)["']/g)) {
    queue.push(path.resolve(path.dirname(file), m[1]));
  }
}

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);
let total = 0;
console.log('Initial JavaScript (loaded by index.html):');
for (const file of [...seen].sort()) {
  const size = gz(file);
  total += size;
  console.log(`  ${path.relative(dist, file).padEnd(48)} ${kb(size).padStart(8)} KB gzip`);
}
const cssFiles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => fileOf(m[1]));
const css = cssFiles.reduce((sum, f) => sum + (fs.existsSync(f) ? gz(f) : 0), 0);
const lazy = fs
  .readdirSync(path.join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => path.join(dist, 'assets', f))
  .filter((f) => !seen.has(f));
console.log(`Loaded later by route (${lazy.length} chunks): ${kb(lazy.reduce((s, f) => s + gz(f), 0))} KB gzip in all; the largest:`);
for (const f of lazy.sort((a, b) => gz(b) - gz(a)).slice(0, 5)) console.log(`  ${path.relative(dist, f).padEnd(48)} ${kb(gz(f)).padStart(8)} KB gzip`);
console.log(`CSS: ${kb(css)} KB gzip`);
console.log(`Initial JS total: ${kb(total)} KB gzip (limit ${LIMIT_KB} KB)`);
if (total > LIMIT_KB * 1024) {
  console.error(`Initial JavaScript is over the ${LIMIT_KB} KB budget.`);
  process.exit(1);
}
