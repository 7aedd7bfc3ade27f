// The baselines for requests per second: a bare Express 5 app answering a constant JSON body, and
// (for context) the same bare app answering the 50-milestone page the API serves, from BODY_FILE.
import express from 'express';
import fs from 'node:fs';

const page: unknown = process.env.BODY_FILE ? JSON.parse(fs.readFileSync(process.env.BODY_FILE, 'utf8')) : null;
const app = express();
app.get('/api/v1/health', (_req, res) => {
  res.json({ status: 'ok' });
});
app.get('/hello', (_req, res) => {
  res.json({ hello: 'world' });
});
app.get('/page', (_req, res) => {
  res.json(page);
});
app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
