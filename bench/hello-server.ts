// The baseline for requests per second: a bare Express 5 app answering a constant JSON body.
import express from 'express';

const app = express();
app.get('/api/v1/health', (_req, res) => {
  res.json({ status: 'ok' });
});
app.get('/hello', (_req, res) => {
  res.json({ hello: 'world' });
});
app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
