import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import swaggerUi from 'swagger-ui-dist';
import { randomUUID } from 'node:crypto';
import type { Config } from './config';
import { systemClock, type Clock } from './core/clock';
import type { RequestCtx } from './core/context';
import { AppError, notFound } from './core/app-error';
import type { Db } from './db/data-source';
import { authenticate } from './http/auth.middleware';
import { errorHandler, sendProblem } from './http/error-handler';
import { buildOpenApiDocument } from './http/openapi';
import { mountRoutes } from './http/pipeline';
import { allRoutes } from './http/routes';
import { compressResponses, dashboardAssets } from './http/static';
import type { Deps } from './modules/deps';
import { createServices, type Services } from './modules/services';
import type { JobReport } from './modules/snapshots/scheduler';

export type { Services };

export type AppOptions = { db: Db; config: Config; logger: Logger; clock?: Clock };

export type App = {
  app: Express;
  services: Services;
  openapi: unknown;
  /** Run the scheduled jobs due at `now` (docs/domain.md#status-over-time); tests drive time through it. */
  runDueJobs: (now: Date) => Promise<JobReport>;
};

const JSON_LIMIT = '1mb';

/** The composition root: wires services and routes; never listens. */
export function createApp(options: AppOptions): App {
  const deps: Deps = { ...options, clock: options.clock ?? systemClock };
  const services = createServices(deps);
  // The document route serves the document built from every route, itself included.
  const routes = allRoutes(services, deps.db, deps.config, () => openapi);
  const openapi = buildOpenApiDocument(routes);
  const api = mountRoutes(routes, deps.db, deps.clock, services.idempotency);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', deps.config.trustProxy);
  app.set('query parser', 'simple');

  app.use((req, res, next) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    // Behind a trusted proxy, the address it names (docs/architecture.md#behind-a-proxy); kept short for the rate-limit keys.
    const ctx: RequestCtx = { requestId, clientAddress: (req.ip ?? 'unknown').slice(0, 64), user: null, credential: null };
    res.locals.ctx = ctx;
    res.locals.requestId = requestId;
    res.set('X-Request-Id', requestId);
    next();
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: false,
    }),
  );

  // No API answer is kept by a browser or a shared cache: they hold plan data and tokens.
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  app.use('/api', (req, res, next) => {
    const origin = req.get('origin');
    if (origin && deps.config.corsOrigins.includes(origin)) {
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-Match, Idempotency-Key',
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
        'Access-Control-Expose-Headers': 'ETag, X-Request-Id, Retry-After',
        Vary: 'Origin',
      });
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
    }
    next();
  });

  app.use(compressResponses());
  app.use('/api', express.json({ limit: JSON_LIMIT, type: ['application/json', 'application/*+json'] }));
  const ownOrigins = [...(deps.config.publicUrl ? [deps.config.publicUrl] : []), ...deps.config.corsOrigins];
  app.use('/api', authenticate(services.auth, ownOrigins, deps.db.dialect === 'postgres'));

  const docsDir = swaggerUi.getAbsoluteFSPath();
  // Express routing is not strict: '/api/v1/docs' also matches '/api/v1/docs/', so tell them apart here.
  app.get('/api/v1/docs', (req, res) => {
    if (!req.originalUrl.split('?')[0]!.endsWith('/')) return res.redirect(301, '/api/v1/docs/');
    return res.type('html').send(DOCS_HTML);
  });
  app.get('/api/v1/docs/init.js', (_req, res) =>
    res.type('js').send("window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui' });"),
  );
  app.use('/api/v1/docs', express.static(docsDir, { index: false }));

  app.use('/api/v1', api);
  app.use('/api', (req, res) => sendProblem(req, res, notFound('route')));

  const dashboardDir = deps.config.dashboardDir ?? path.resolve(__dirname, '../../dashboard/dist');
  const indexHtml = path.join(dashboardDir, 'index.html');
  app.use(dashboardAssets(dashboardDir));
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendProblem(req, res, notFound('route'));
      return;
    }
    if (!fs.existsSync(indexHtml)) {
      res.type('html').send(PLACEHOLDER_HTML);
      return;
    }
    res.set('Cache-Control', 'no-cache');
    res.sendFile(indexHtml, (err) => err && next(err));
  });

  app.use(errorHandler(deps.logger));
  return { app, services, openapi, runDueJobs: (now) => services.scheduler.runDueJobs(now) };
}

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Handover API</title>
<link rel="stylesheet" href="./swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="./swagger-ui-bundle.js"></script><script src="./init.js"></script></body></html>`;

const PLACEHOLDER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Handover</title></head>
<body><div id="root"><main><h1>Handover</h1>
<p>The dashboard has not been built. Run <code>npm run build</code>, or read the API docs at
<a href="/api/v1/docs/">/api/v1/docs/</a>.</p></main></div></body></html>`;

export { AppError };
