// The `madang` command: serve, migrate, import, report, user, config.
import { Command, InvalidArgumentError } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildApp } from './app.ts';
import { importAll, prepareDatabase } from './bootstrap.ts';
import { searchSources } from './modules.ts';
import { rebuildSearchIndex } from './modules/search/index.ts';
import { CONFIG_KEYS, ConfigError, loadConfig, type Config } from './config.ts';
import { createDb, type Db } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { REPORT_FORMATS, renderReportFile, type ReportFormat } from './modules/reports/index.ts';
import { importOgpCsv } from './modules/ogp-data/commands/import-ogp.ts';
import { ogpCsv } from './modules/ogp-data/ogp-export.ts';
import { loadPlanTree } from './modules/action-plans/plan-tree.ts';
import { createAccount } from './platform/auth/accounts.ts';
import { hashPassword, passwordProblem, randomPassword } from './platform/auth/passwords.ts';
import { isRole } from './platform/auth/roles.ts';
import { listUsers, setPasswordHash } from './platform/auth/users.repository.ts';
import { systemClock } from './platform/clock.ts';
import { startMailWorker } from './platform/mail/outbox.ts';
import { anonymiseEnded, closeExpired, reconcileCounts } from './modules/petitions/commands/maintenance.ts';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { startPoller } from './platform/poller.ts';

/** Every minute: close petitions whose window ended, anonymise signers of petitions ended long enough ago. */
function startPetitionJobs(db: Kysely<Database>, cfg: Config, log: { warn(o: object, m: string): void }): () => Promise<void> {
  return startPoller('petition jobs', 60_000, async () => {
    const now = new Date();
    await closeExpired(db, now);
    await anonymiseEnded(db, now, cfg.anonymiseAfterDays);
  }, log);
}

function config(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}

async function withDb<T>(fn: (handle: Db, cfg: Config) => Promise<T>): Promise<T> {
  const cfg = config();
  const handle = createDb(cfg.databaseUrl);
  try {
    return await fn(handle, cfg);
  } finally {
    await handle.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function serve() {
  const cfg = config();
  const handle = createDb(cfg.databaseUrl);
  const prepared = await prepareDatabase(cfg, handle, systemClock);
  const app = await buildApp({ config: cfg, handle });
  if (prepared.migrations.length) app.log.info({ migrations: prepared.migrations }, 'database migrated');
  for (const r of prepared.imported) app.log.info({ plan: r.plan, created: r.created }, 'demo data loaded');
  app.log.info(prepared.search, prepared.search.rebuilt ? 'search index rebuilt' : 'search index caught up');
  if (prepared.demoAccounts.length) {
    const lines = prepared.demoAccounts.map((a) => `  ${a.role.padEnd(13)} ${a.email.padEnd(40)} ${a.password}`);
    process.stdout.write(`\nDemo accounts (passwords are shown this once; change them with \`madang user set-password\`):\n${lines.join('\n')}\n\n`);
  }
  const stopMail = cfg.smtpUrl ? startMailWorker(handle.db, cfg.smtpUrl, cfg.mailFrom, app.log) : async () => {};
  const stopJobs = startPetitionJobs(handle.db, cfg, app.log);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await Promise.all([stopMail(), stopJobs()]);
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: cfg.host, port: cfg.port });
  process.stdout.write(`Madang is serving ${cfg.baseUrl} (listening on ${cfg.host}:${cfg.port}, database: ${handle.dialect})\n`);
}

// `madang user list | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program = new Command();
program.name('madang').description('Madang: the open-government platform').version('0.1.0');

program.command('serve').description('migrate, load the demo data into an empty database, and serve HTTP').action(serve);

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() =>
    withDb(async (handle) => {
      const done = await migrateToLatest(handle);
      process.stdout.write(done.length ? `Applied: ${done.join(', ')}\n` : 'The database is up to date.\n');
    }),
  );

program
  .command('import')
  .description('load the plans under a data folder (idempotent: existing records are left as they are)')
  .argument('[dir]', 'data folder with plans/<slug>/ inside', undefined)
  .action((dir?: string) =>
    withDb(async (handle) => {
      await migrateToLatest(handle);
      const results = await importAll(handle, systemClock, dir);
      for (const r of results) {
        const created = Object.entries(r.created).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
        process.stdout.write(`${r.plan}: ${created.length ? `created ${created.join(', ')}` : 'nothing new'}; ${r.unchanged} records already present\n`);
      }
    }),
  );

program
  .command('search-rebuild')
  .description('rebuild the search index from every module now (a start rebuilds it only when its format changed, an import asked for it, or it is empty)')
  .action(() =>
    withDb(async (handle) => {
      await migrateToLatest(handle);
      const started = performance.now();
      const n = await rebuildSearchIndex(handle, searchSources(), systemClock.now());
      process.stdout.write(`Indexed ${n} records in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    }),
  );

program
  .command('import-ogp')
  .description("import a plan from OGP's commitment data (CSV); every error names its row and column, and nothing is written unless the whole file is valid")
  .argument('<file>', 'CSV file with the columns OGP publishes for commitments')
  .option('--slug <slug>', 'slug of the new plan (default: country code and period, e.g. kr-2018-2020)')
  .option('--country <code>', 'ISO country code, when no IRM id in the file gives it')
  .option('--period-end <year>', "the plan's last year (default: two years after submission)")
  .action((file: string, opts: { slug?: string; country?: string; periodEnd?: string }) =>
    withDb(async (handle) => {
      await migrateToLatest(handle);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        process.stderr.write(`${(e as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      const r = await importOgpCsv(handle.db, text, systemClock.now(), { ...opts, filename: basename(file) });
      if (!r.ok) {
        for (const e of r.errors) process.stderr.write(`${e.row ? `row ${e.row}` : 'file'}${e.column ? `, column "${e.column}"` : ''}: ${e.message}\n`);
        process.stderr.write('Nothing was imported.\n');
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`Imported plan ${r.slug}: ${r.commitments} commitments, ${r.irm_commitments} IRM commitments.\n`);
    }),
  );

program
  .command('export-ogp')
  .description("write a plan's commitments in the columns OGP publishes (CSV)")
  .argument('<slug>', 'plan slug, e.g. kr-2018-2020')
  .option('-o, --out <file>', 'file to write (default: standard output)')
  .action((slug: string, opts: { out?: string }) =>
    withDb(async (handle, cfg) => {
      const tree = await loadPlanTree(handle.db, slug);
      if (!tree) {
        process.stderr.write(`There is no plan "${slug}".\n`);
        process.exitCode = 1;
        return;
      }
      const csv = await ogpCsv(handle.db, tree, cfg.baseUrl);
      if (opts.out) writeFileSync(opts.out, csv);
      else process.stdout.write(csv);
    }),
  );

function formatOption(v: string): ReportFormat {
  if (!(REPORT_FORMATS as readonly string[]).includes(v)) throw new InvalidArgumentError(`use one of ${REPORT_FORMATS.join(', ')}`);
  return v as ReportFormat;
}

program
  .command('report')
  .description('write the end-of-term self-assessment report of a plan')
  .argument('<slug>', 'plan slug, e.g. kr-2018-2020')
  .option('-f, --format <format>', `one of ${REPORT_FORMATS.join(', ')}`, formatOption, 'md' as ReportFormat)
  .option('-o, --out <file>', 'file to write (default: standard output for md, html and json)')
  .action((slug: string, opts: { format: ReportFormat; out?: string }) =>
    withDb(async (handle, cfg) => {
      let file;
      try {
        file = await renderReportFile(handle, cfg, slug, opts.format);
      } catch (e) {
        process.stderr.write(`${(e as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      if (!file) {
        process.stderr.write(`There is no plan "${slug}".\n`);
        process.exitCode = 1;
        return;
      }
      if (opts.out) {
        writeFileSync(opts.out, file.body);
        process.stdout.write(`Wrote ${opts.out} (${file.body.length} bytes)\n`);
      } else if (typeof file.body === 'string') process.stdout.write(file.body);
      else {
        process.stderr.write('This format is binary: give --out FILE.\n');
        process.exitCode = 1;
      }
    }),
  );

const user = program.command('user').description('manage accounts');
user
  .command('create')
  .description('create an account; the password is read from standard input, or generated and printed')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--role <role>', 'admin, officer, forum_member or citizen')
  .option('--organization <key>', 'the organization of an officer')
  .option('--password-stdin', 'read the password from standard input')
  .action((opts: { email: string; name: string; role: string; organization?: string; passwordStdin?: boolean }) =>
    withDb(async (handle) => {
      await migrateToLatest(handle);
      if (!isRole(opts.role)) throw new InvalidArgumentError('role must be admin, officer, forum_member or citizen');
      const password = opts.passwordStdin ? await readStdin() : randomPassword();
      const r = await createAccount(handle.db, { email: opts.email, name: opts.name, role: opts.role, organizationKey: opts.organization ?? null, password }, systemClock.now());
      if (!r.ok) {
        process.stderr.write(`${r.error}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(opts.passwordStdin ? `Created ${opts.email}.\n` : `Created ${opts.email} with password ${password}\n`);
    }),
  );
user
  .command('set-password')
  .description('set the password of an account (read from standard input, or generated and printed)')
  .requiredOption('--email <email>')
  .option('--password-stdin', 'read the password from standard input')
  .action((opts: { email: string; passwordStdin?: boolean }) =>
    withDb(async (handle) => {
      const password = opts.passwordStdin ? await readStdin() : randomPassword();
      const problem = passwordProblem(password);
      if (problem) {
        process.stderr.write(`${problem}\n`);
        process.exitCode = 1;
        return;
      }
      const ok = await setPasswordHash(handle.db, opts.email, await hashPassword(password));
      if (!ok) {
        process.stderr.write(`There is no account for ${opts.email}.\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(opts.passwordStdin ? 'Password changed.\n' : `New password for ${opts.email}: ${password}\n`);
    }),
  );
user
  .command('list')
  .description('list accounts')
  .action(() =>
    withDb(async (handle) => {
      for (const u of await listUsers(handle.db)) {
        process.stdout.write(`${String(u.id).padStart(4)}  ${u.role.padEnd(13)} ${u.email.padEnd(40)} ${u.organization_name ?? ''}${u.disabled_at ? ' (disabled)' : ''}\n`);
      }
    }),
  );

const petitions = program.command('petitions').description('petition jobs');
petitions
  .command('reconcile')
  .description('compare every petition count with its signature rows; exit 1 on any drift')
  .action(() =>
    withDb(async (handle) => {
      const r = await reconcileCounts(handle.db, systemClock.now());
      process.stdout.write(`${JSON.stringify(r)}\n`);
      if (r.drift.length) process.exitCode = 1;
    }),
  );
petitions
  .command('maintain')
  .description('close petitions whose window ended and anonymise signers of petitions that ended long enough ago')
  .action(() =>
    withDb(async (handle, cfg) => {
      const now = systemClock.now();
      const closed = await closeExpired(handle.db, now);
      const anonymised = await anonymiseEnded(handle.db, now, cfg.anonymiseAfterDays);
      process.stdout.write(`closed ${closed}, anonymised ${anonymised}\n`);
    }),
  );

program
  .command('config')
  .description('list every configuration key with its default')
  .action(() => {
    for (const k of CONFIG_KEYS) process.stdout.write(`${k.key.padEnd(22)} ${k.default}\n${' '.repeat(23)}${k.doc}\n`);
  });

await program.parseAsync(process.argv);
