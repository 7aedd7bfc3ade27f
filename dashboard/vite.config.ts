import { fileURLToPath } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const apiTarget = process.env.API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`;

export default defineConfig({
  plugins: [
    react(),
    // A brotli (.br) and a gzip (.gz) copy of every text asset, at the highest levels: compressed once
    // at build, served by what the browser accepts (api/src/http/static.ts).
    compression({
      algorithms: [defineAlgorithm('brotliCompress', { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }), defineAlgorithm('gzip', { level: 9 })],
      include: /\.(js|css|html|svg|json|txt|map)$/,
      exclude: /\.vite\//,
      threshold: 512,
    }),
  ],
  resolve: {
    // The shared schemas from source: ESM, tree-shaken, and hot-reloaded while a colleague edits them.
    alias: { '@handover/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.DASHBOARD_PORT ?? 5173),
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    // dist/.vite/manifest.json tells `npm run size` which chunks the first page loads.
    manifest: true,
    rolldownOptions: {
      output: {
        // Zod and the line that turns its `new Function` probe off (src/lib/zod-jitless.ts) share a
        // chunk, which runs before any chunk that builds a schema (docs/architecture.md#content-security-policy-and-zod).
        codeSplitting: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]lib[\\/]zod-jitless\.ts$/ }] },
      },
    },
  },
});
