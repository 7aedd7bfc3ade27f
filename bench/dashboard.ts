import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export type DashboardSize = { built: boolean; gzipBytes: number; rawBytes: number; files: string[] };

// `import x from "./a.js"`, `import "./a.js"`, `export {x} from "./a.js"`; not `import("./a.js")`, which loads later.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'();=]*?\bfrom\s*)?["']((?:\.{1,2})?\/[^"']+\.js)["']/g;

/**
 * The JavaScript a first visit must load before the dashboard can run: the entry script(s) of
 * dashboard/dist/index.html (and its modulepreloads), plus everything they import statically,
 * each gzipped (level 9) on its own as a server would send it.
 */
export function dashboardInitialJs(dist: string): DashboardSize {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return { built: false, gzipBytes: 0, rawBytes: 0, files: [] };
  const html = fs.readFileSync(index, 'utf8');
  const entries = [
    ...[...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link\b[^>]*rel=["']modulepreload["'][^>]*href=["']([^"']+)["']/g)].map((m) => m[1]!),
  ].filter((src) => !/^(https?:)?\/\//.test(src));
  const seen = new Set<string>();
  const queue = entries.map((src) => path.join(dist, src.replace(/^\//, '')));
  let gzipBytes = 0;
  let rawBytes = 0;
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(file);
    rawBytes += code.length;
    gzipBytes += zlib.gzipSync(code, { level: 9 }).length;
    for (const m of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      const spec = m[1]!;
      queue.push(spec.startsWith('/') ? path.join(dist, spec.slice(1)) : path.resolve(path.dirname(file), spec));
    }
  }
  return { built: true, gzipBytes, rawBytes, files: [...seen].map((f) => path.relative(dist, f)) };
}
