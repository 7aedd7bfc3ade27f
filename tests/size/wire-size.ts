/**
 * `npm run size:wire`: the JavaScript the dashboard sends, measured on the wire. It starts the built
 * server and requests, with `Accept-Encoding: br, gzip` as a browser does, (1) what the first page
 * loads: index.html's entry script and modulepreload links, and (2) what the overview adds: its
 * route chunk and the chunks it imports (from Vite's build manifest). It adds up the bytes the
 * server actually sends and exits 1 when either is above 250 KB. The chart drawing (Recharts) is a
 * lazy chunk loaded when a chart comes into view, so it is in neither (docs/architecture.md#deferred-rendering).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, ServerProcess } from '../support/launcher';

const LIMIT_BYTES = 250 * 1000;
/** The overview's total is a limit too, now that its charts' drawing loads lazily. */
const ENFORCE_OVERVIEW = true;

/** The overview route's chunk and every chunk it imports statically, as URLs. */
function overviewChunks(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'dashboard/dist/.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; imports?: string[] }
  >;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit('src/app/routes/overview.tsx');
  if (!files.size) throw new Error('The build manifest has no overview route.');
  return [...files].map((file) => `/${file}`);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-wire-'));
  const server = await ServerProcess.launch({
    databaseUrl: `sqlite:${path.join(dir, 'wire.db')}`,
    env: { ADMIN_EMAIL: 'wire@example.com', ADMIN_PASSWORD: 'wire-size-password', LOG_LEVEL: 'warn' },
    baseEnv: 'minimal',
  });
  try {
    const html = await (await fetch(`${server.url}/`)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)]
      .map((m) => m[1]!)
      .filter((src, i, all) => all.indexOf(src) === i);
    if (!scripts.length) throw new Error('index.html names no script: build the dashboard first (npm run build).');
    const onWire = async (src: string): Promise<number> => {
      const res = await fetch(new URL(src, server.url), { headers: { 'Accept-Encoding': 'br, gzip' } });
      if (!res.ok) throw new Error(`${src}: ${res.status}`);
      // The header is what was sent; fetch hands back the body decoded, so it cannot be counted instead.
      const bytes = Number(res.headers.get('content-length') ?? (await res.arrayBuffer()).byteLength);
      console.log(`  ${src}  ${res.headers.get('content-encoding') ?? 'identity'}  ${(bytes / 1000).toFixed(1)} kB`);
      return bytes;
    };
    const sum = async (label: string, files: string[], enforced: boolean) => {
      console.log(label);
      let total = 0;
      for (const file of files) total += await onWire(file);
      console.log(`  = ${(total / 1000).toFixed(1)} kB on the wire (${enforced ? 'limit' : 'target'} ${LIMIT_BYTES / 1000} kB)`);
      if (enforced && total > LIMIT_BYTES) process.exitCode = 1;
      return total;
    };
    await sum('First page JavaScript:', scripts, true);
    await sum('Overview JavaScript (first page + the overview route):', [...new Set([...scripts, ...overviewChunks()])], ENFORCE_OVERVIEW);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
