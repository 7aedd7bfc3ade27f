import zlib from 'node:zlib';
import compression from 'compression';
import type { RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * Responses built on the fly (JSON, CSV, index.html) are compressed above 1 KB: brotli at a quality
 * cheap enough per request, else gzip. Streams stay streams (zlib emits as it goes). Bodies that
 * already carry a Content-Encoding (the precompressed assets below) and types that do not compress
 * (images, fonts) are left alone.
 */
export function compressResponses(): RequestHandler {
  const compress = compression({ threshold: 1024, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });
  // A client that accepts no encoding (scripts, load tools) skips the response hooks entirely; the
  // answer still says it varies by Accept-Encoding, as a cache needs to know.
  return (req, res, next) => {
    if (req.headers['accept-encoding']) return compress(req, res, next);
    res.vary('Accept-Encoding');
    next();
  };
}

/**
 * The built dashboard. Vite names every file under assets/ by its content hash, so those are cached
 * for a year and never revalidated; the build writes a brotli and a gzip copy of each beside it
 * (dashboard/vite.config.ts), served by what the browser accepts. Anything else at the top (icons)
 * is revalidated after an hour; index.html is served by the app's fallback with `no-cache`.
 */
export function dashboardAssets(dashboardDir: string): RequestHandler[] {
  const precompressed = { enableBrotli: true, orderPreference: ['br', 'gz'] };
  return [
    (req, res, next) => {
      res.setHeader('Cache-Control', cachePolicy(req.path));
      next();
    },
    expressStaticGzip(dashboardDir, { ...precompressed, index: false, serveStatic: { index: false, cacheControl: false } }),
  ];
}

function cachePolicy(urlPath: string): string {
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  if (urlPath.endsWith('.html')) return 'no-cache';
  return 'public, max-age=3600';
}
