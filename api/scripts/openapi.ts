/**
 * The OpenAPI document, as the API serves it at /api/v1/openapi.json, without a server:
 *
 *   tsx api/scripts/openapi.ts write <file>   write it to a file
 *   tsx api/scripts/openapi.ts lint           write it to a temp file and run `redocly lint` on it
 *                                             (the rules are in redocly.yaml; any warning fails)
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/data-source';

const ROOT = path.resolve(__dirname, '../..');

export async function openApiDocument(): Promise<unknown> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), database: { dialect: 'sqlite' as const, path: ':memory:' } };
  const db = await openDatabase(config.database);
  try {
    return createApp({ db, config, logger: pino({ level: 'silent' }) }).openapi;
  } finally {
    await db.close();
  }
}

async function main([command, file]: string[]): Promise<number> {
  const out = file ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'handover-openapi-')), 'openapi.json');
  fs.writeFileSync(out, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
  if (command === 'write') {
    console.log(out);
    return 0;
  }
  if (command !== 'lint') {
    console.error('usage: tsx api/scripts/openapi.ts write <file> | lint');
    return 2;
  }
  const redocly = path.join(ROOT, 'node_modules/.bin/redocly');
  const run = spawnSync(redocly, ['lint', out, '--config', path.join(ROOT, 'redocly.yaml'), '--max-problems', '1000'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  const output = `${run.stdout}${run.stderr}`;
  process.stdout.write(output);
  // Zero errors and zero warnings: redocly exits 0 on warnings, so count them too.
  const warned = /You have \d+ warnings?/.test(output);
  if (run.status !== 0 || warned) {
    console.error(`OpenAPI lint failed${warned ? ' (warnings count as failures)' : ''}; the document is at ${out}`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
