/**
 * Import a large CSV of posts straight into the database, with the endpoint's validation and
 * all-or-nothing transaction (it calls the same PostsService.importFile):
 *
 *   npm run import -- --plan <planId> [--as <email>] [--dry-run] <file.csv>
 *   npm run import -- --plan <planId> [--as <email>] [--preset <name> | --mapping <name>]
 *                     [--time-zone <IANA>] [--default-side agency|in_house] [--dry-run] <file.csv|file.xlsx>
 *
 * Without --preset, --mapping, --time-zone or --default-side it is the plain import of Handover's
 * CSV, as before. With any of them it is a mapped import (docs/domain.md#mapped-imports) through
 * the same service as the API's two steps: the file is uploaded, mapped by the preset, the saved
 * mapping or (with only a zone or a default side) the preset the file's header matches, the
 * preview is printed, and unless --dry-run the rows are committed.
 *
 * Reads DATABASE_URL like the server. Acts as the user named by --as (default: the first admin),
 * who must be allowed to record posts in the plan; the import is logged in the plan's activity
 * under that user. Progress goes to stderr, the summary to stdout. Exit codes: 0 imported (or the
 * dry run passed), 1 refused (bad rows are listed), 2 bad usage or configuration.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import pino from 'pino';
import { createApp } from '../app';
import { ConfigError, loadConfig } from '../config';
import { openDatabase, type Db } from '../db/data-source';
import { AppError } from '../core/app-error';
import type { PlanCtx } from '../core/context';
import { roleInPlan } from '../db/repositories/members.repository';
import { findPlan } from '../db/repositories/plans.repository';
import { findFirstAdmin, findUserByEmail } from '../db/repositories/users.repository';
import type { User } from '@handover/shared';
import { runMapped, type MappedArgs } from './import-mapped';

const USAGE =
  'usage: npm run import -- --plan <planId> [--as <email>] [--preset <name> | --mapping <name>] [--time-zone <IANA>] [--default-side agency|in_house] [--dry-run] <file>';

type Args = { plan: string; as: string | null; dryRun: boolean; file: string; mapped: MappedArgs | null };

export class UsageError extends Error {}

const MAPPED_FLAGS = { '--preset': 'preset', '--mapping': 'mapping', '--time-zone': 'timeZone', '--default-side': 'defaultSide' } as const;

export function parseArgs(argv: string[]): Args {
  let plan: string | null = null;
  let as: string | null = null;
  let dryRun = false;
  const files: string[] = [];
  const mapped: MappedArgs = {};
  let isMapped = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--plan') plan = value();
    else if (a.startsWith('--plan=')) plan = a.slice('--plan='.length);
    else if (a === '--as') as = value();
    else if (a.startsWith('--as=')) as = a.slice('--as='.length);
    else if (a === '--dry-run') dryRun = true;
    else if (a in MAPPED_FLAGS) {
      mapped[MAPPED_FLAGS[a as keyof typeof MAPPED_FLAGS]] = value();
      isMapped = true;
    }
    else if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (!plan) throw new UsageError('--plan <planId> is required');
  if (files.length !== 1) throw new UsageError(files.length ? 'give exactly one file' : 'the CSV file is missing');
  if (mapped.preset && mapped.mapping) throw new UsageError('give --preset or --mapping, not both');
  if (mapped.defaultSide && !['agency', 'in_house'].includes(mapped.defaultSide)) throw new UsageError('--default-side takes agency or in_house');
  return { plan, as, dryRun, file: files[0]!, mapped: isMapped ? mapped : null };
}

/** Newlines in the file: the row count to expect, for the progress bar (quoted line breaks make it an overestimate). */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    if (chunk.length) last = chunk[chunk.length - 1]!;
  }
  return Math.max(0, lines + (last === 10 ? 0 : 1) - 1); // less the header
}

function progressBar(expected: number, out: NodeJS.WriteStream) {
  const started = Date.now();
  let lastDraw = 0;
  let lastPercentLine = -1;
  const draw = (rows: number, final = false) => {
    const now = Date.now();
    const seconds = Math.max(0.001, (now - started) / 1000);
    const rate = Math.round(rows / seconds);
    const share = expected ? Math.min(1, rows / expected) : 1;
    const percent = Math.floor(share * 100);
    const text = `${rows.toLocaleString('en')}/${expected.toLocaleString('en')} rows  ${rate.toLocaleString('en')} rows/s`;
    if (out.isTTY) {
      if (!final && now - lastDraw < 100) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round(share * width);
      out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}%  ${text}   `);
      if (final) out.write('\n');
    } else if (final || (percent < 100 && Math.floor(percent / 10) > lastPercentLine)) {
      lastPercentLine = Math.floor(percent / 10);
      out.write(`${String(percent).padStart(3)}%  ${text}\n`);
    }
  };
  return { update: (rows: number) => draw(rows), done: (rows: number) => draw(rows, true), seconds: () => (Date.now() - started) / 1000 };
}

async function findActor(db: Db, email: string | null): Promise<User | null> {
  return db.read((m) => (email ? findUserByEmail(m, email.trim().toLowerCase()) : findFirstAdmin(m)));
}

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(`error: ${error.message}`);
    console.error(USAGE);
    return 2;
  }
  if (!fs.existsSync(args.file) || !fs.statSync(args.file).isFile()) {
    console.error(`error: no such file: ${args.file}`);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const db = await openDatabase(config.database);
  try {
    const actor = await findActor(db, args.as);
    if (!actor) {
      console.error(args.as ? `error: no user with the email ${args.as}` : 'error: there is no admin user yet (start the server once)');
      return 2;
    }
    // A deactivated user cannot act, here as through the API (docs/domain.md#access-lifecycle).
    if (!actor.active) {
      console.error(`error: ${actor.email} is deactivated`);
      return 2;
    }
    const user = { id: actor.id, email: actor.email, name: actor.name, isAdmin: Boolean(actor.isAdmin) };
    const found = await db.read(async (m) => ({
      role: await roleInPlan(db, m, user, args.plan, new Date().toISOString().slice(0, 10)),
      plan: await findPlan(m, args.plan).catch(() => null),
    }));
    if (!found.role || !found.plan) {
      console.error(`error: no plan ${args.plan} that ${actor.email} belongs to`);
      return 2;
    }
    const { services } = createApp({ db, config, logger: pino({ level: 'silent' }) });
    const ctx: PlanCtx = {
      requestId: `cli-import-${Date.now()}`,
      clientAddress: 'cli',
      user,
      credential: { kind: 'api-token', id: 'cli' },
      planId: args.plan,
      role: found.role,
    };
    if (args.mapped) return await runMapped(services, ctx, { ...args.mapped, file: args.file, dryRun: args.dryRun, planName: found.plan.name });
    const expected = await countLines(args.file);
    console.error(`${args.dryRun ? 'Checking' : 'Importing'} ${args.file} into "${found.plan.name}" as ${actor.email} (${found.role}) ...`);
    const bar = progressBar(expected, process.stderr);
    let rows = 0;
    try {
      const result = await services.posts.importFile(ctx, args.file, {
        dryRun: args.dryRun,
        onProgress: (n) => {
          rows = n;
          bar.update(n);
        },
      });
      bar.done(rows);
      const seconds = bar.seconds();
      const rate = Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en');
      if (result.dryRun) {
        console.log(
          `Dry run: ${rows.toLocaleString('en')} rows checked in ${seconds.toFixed(1)} s (${rate} rows/s); ` +
            `${result.valid.toLocaleString('en')} would be inserted, ${result.duplicates.toLocaleString('en')} duplicates would be skipped. Nothing was stored.`,
        );
      } else {
        console.log(
          `Imported into "${found.plan.name}" (${args.plan}): ${result.inserted.toLocaleString('en')} inserted, ` +
            `${result.duplicates.toLocaleString('en')} duplicates skipped, ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${rate} rows/s).`,
        );
      }
      return 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (process.stderr.isTTY) process.stderr.write('\n');
      console.error(`Import refused (${error.status} ${error.title}): ${error.detail ?? ''}`);
      for (const e of error.errors ?? []) console.error(`  ${e.line !== undefined ? `line ${e.line}` : (e.path ?? '')}: ${e.message}`);
      return 1;
    }
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
