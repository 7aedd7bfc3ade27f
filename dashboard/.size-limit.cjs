// `npm run size`: the JavaScript a first visit downloads, gzipped, at most 250 KiB. That is the entry
// script of index.html and every chunk it imports statically (Vite preloads them), as Vite's build
// manifest lists them; route chunks loaded later with import() are not counted.
const fs = require('node:fs');
const path = require('node:path');

const manifestFile = path.join(__dirname, 'dist/.vite/manifest.json');
if (!fs.existsSync(manifestFile)) throw new Error('dashboard/dist/.vite/manifest.json not found: run `npm run build -w dashboard` first.');
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));

const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit('index.html');

module.exports = [
  {
    name: 'First page JavaScript (index.html and its static imports)',
    path: [...initial].map((file) => `dist/${file}`),
    gzip: true,
    limit: '250 KiB',
  },
];
