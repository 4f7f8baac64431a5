// The only reader of process.env. Every key is documented here and in the README;
// the whole configuration is validated at boot and a bad value stops the process
// with a message that names the key.

export type Environment = 'development' | 'production' | 'test';

export interface Config {
  env: Environment;
  host: string;
  port: number;
  databaseUrl: string;
  /** Public base URL, used in links inside documents and feeds. */
  baseUrl: string;
  /** Secret for signing cookies; generated and kept in the database when absent (not in production). */
  cookieSecret: string | null;
  /** Send cookies with the Secure flag. Defaults to true in production. */
  cookieSecure: boolean;
  sessionTtlHours: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Load the demo data set (the 2018-2020 plan) into an empty database at start. */
  loadDemoData: boolean;
  /** Create demo accounts with random passwords, printed once, at first start. */
  createDemoAccounts: boolean;
  uploadMaxBytes: number;
  /** Days an organization has to publish a reasoned response to a proposal; a database setting can override it. */
  proposalResponseDays: number;
  uploadAllowedTypes: string[];
  chromiumPath: string;
  defaultLocale: 'ko' | 'en';
  /** Show the KRDS official-site masthead ("이 누리집은 대한민국 공식 전자정부 누리집입니다"). */
  officialMasthead: boolean;
  rateLimitPerMinute: number;
  /** Sign-in attempts a client may make per minute. */
  signInRateLimitPerMinute: number;
  /** SMTP server for outgoing mail (smtp://user:pass@host:port); without it mail waits in the outbox. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Show the outbox page (the demo's mailbox). Off in production. */
  showOutbox: boolean;
  /** How long an e-mail confirmation link stays valid. */
  verifyTokenTtlHours: number;
  /** How long a confirmed identity stays signed in to sign and vote, in days. */
  identityTtlDays: number;
  /** Days after a petition closes before its signers' identities are removed (the counts stay). */
  anonymiseAfterDays: number;
  /** Signatures a client address may submit per minute. */
  signRateLimitPerMinute: number;
  /** Signing attempts one identity may make per minute. */
  signRateLimitPerIdentity: number;
  /** Signing window of a petition whose channel sets none, in days. */
  petitionWindowDays: number;
  /** Days an organization has to answer a data error report (overridable in the settings table). */
  errorReportDeadlineDays: number;
  /** Most rows accepted in one searchable-table upload. */
  tableMaxRows: number;
  /** Days a report stays open for public comment (overridable in the settings table). */
  reportCommentDays: number;
  /** Days the link to what a person follows, in every notification mail, keeps working (unsubscribe links never expire). */
  manageLinkTtlDays: number;
  /** Seconds between runs of the notification worker (audit log → notifications, digests); 0 turns it off. */
  notifyIntervalSeconds: number;
  /** Seconds a reader of the audit log keeps looking for an id below its cursor (a transaction committing late on PostgreSQL). */
  auditGapExpirySeconds: number;
  /** Seconds between two looks for the audit ids the search index still awaits (a search between them does not look). */
  searchGapRecheckSeconds: number;
  /** How close to its threshold (percent of it) an open petition must be to be shown on the home page. */
  homeNearThresholdPercent: number;
  /** Most items each list of the home page shows. */
  homeListLimit: number;
}

export interface ConfigKeyDoc {
  key: string;
  default: string;
  doc: string;
}

/** Documentation of every environment key, printed by `madang config` and copied into the README. */
export const CONFIG_KEYS: ConfigKeyDoc[] = [
  { key: 'NODE_ENV', default: 'development', doc: 'development, production or test. Production refuses demo passwords and requires COOKIE_SECRET.' },
  { key: 'HOST', default: '127.0.0.1', doc: 'Address to listen on (0.0.0.0 to accept outside connections).' },
  { key: 'PORT', default: '3000', doc: 'Port to listen on.' },
  { key: 'DATABASE_URL', default: 'sqlite:./data/madang.db', doc: 'sqlite:PATH (embedded, the default) or postgres://user:pass@host/db.' },
  { key: 'BASE_URL', default: 'http://localhost:PORT', doc: 'Public address of the site, used in generated documents.' },
  { key: 'COOKIE_SECRET', default: '(generated, kept in the database)', doc: 'Secret that signs cookies, at least 32 characters. Required in production.' },
  { key: 'COOKIE_SECURE', default: 'true in production, else false', doc: 'Mark cookies Secure (sent over HTTPS only).' },
  { key: 'SESSION_TTL_HOURS', default: '12', doc: 'How long a sign-in lasts.' },
  { key: 'LOG_LEVEL', default: 'info (silent in test)', doc: 'pino log level.' },
  { key: 'LOAD_DEMO_DATA', default: 'true', doc: 'Load the 2018-2020 plan from data/ into an empty database at start.' },
  { key: 'DEMO_ACCOUNTS', default: 'true outside production', doc: 'Create demo accounts (admin, one officer per organization, forum member, citizen) with random passwords printed once.' },
  { key: 'UPLOAD_MAX_BYTES', default: '10485760', doc: 'Largest evidence file accepted, in bytes.' },
  { key: 'PROPOSAL_RESPONSE_DAYS', default: '30', doc: 'Days an organization has to publish a reasoned response to a proposal (the database setting proposals.response_days overrides it; a call may set its own).' },
  { key: 'UPLOAD_ALLOWED_TYPES', default: 'application/pdf,image/png,image/jpeg,text/csv,text/plain,…', doc: 'Comma-separated MIME types accepted as evidence.' },
  { key: 'CHROMIUM_PATH', default: '/usr/bin/chromium', doc: 'Chromium used to print the PDF report.' },
  { key: 'DEFAULT_LOCALE', default: 'ko', doc: 'ko or en: the language of a first visit.' },
  { key: 'OFFICIAL_MASTHEAD', default: 'false', doc: 'Show the KRDS official government site masthead.' },
  { key: 'RATE_LIMIT_PER_MINUTE', default: '600', doc: 'Requests a client may make per minute.' },
  { key: 'SIGN_IN_RATE_LIMIT_PER_MINUTE', default: '10', doc: 'Sign-in attempts a client may make per minute.' },
  { key: 'SMTP_URL', default: '(none: mail waits in the outbox)', doc: 'SMTP server for outgoing mail, smtp://user:pass@host:port or smtps://….' },
  { key: 'MAIL_FROM', default: 'Madang <no-reply@madang.local>', doc: 'Sender of outgoing mail.' },
  { key: 'SHOW_OUTBOX', default: 'true outside production', doc: 'Show /outbox, the demo mailbox with every mail the platform wrote.' },
  { key: 'VERIFY_TOKEN_TTL_HOURS', default: '24', doc: 'How long an e-mail confirmation link stays valid.' },
  { key: 'IDENTITY_TTL_DAYS', default: '30', doc: 'How long a confirmed e-mail identity may sign and vote without confirming again.' },
  { key: 'ANONYMISE_AFTER_DAYS', default: '30', doc: 'Days after a petition closes before its signers are anonymised; counts are kept.' },
  { key: 'SIGN_RATE_LIMIT_PER_MINUTE', default: '120', doc: 'Signatures and votes one client address may submit per minute.' },
  { key: 'PETITION_WINDOW_DAYS', default: '30', doc: 'Signing window of a petition whose channel sets none.' },
  { key: 'SIGN_RATE_LIMIT_PER_IDENTITY', default: '30', doc: 'Signing and voting attempts one identity may make per minute.' },
  { key: 'ERROR_REPORT_DEADLINE_DAYS', default: '10', doc: 'Days an organization has to answer a data error report; the setting open_data.error_report_deadline_days in the database overrides it.' },
  { key: 'REPORT_COMMENT_DAYS', default: '14', doc: 'Days an action plan or self-assessment report stays open for public comment; the setting reports.comment_days in the database overrides it.' },
  { key: 'MANAGE_LINK_TTL_DAYS', default: '60', doc: 'Days the link to what a person follows and their mail settings, in every notification mail, keeps working (each mail carries a fresh one); the one-click unsubscribe link never expires.' },
  { key: 'NOTIFY_INTERVAL_SECONDS', default: '10', doc: 'Seconds between runs of the notification worker, which turns public changes into notifications for their followers and writes due digests to the outbox; 0 turns it off.' },
  { key: 'AUDIT_GAP_EXPIRY_SECONDS', default: '3600', doc: 'Seconds the notification worker keeps looking for an audit event whose id it skipped (on PostgreSQL a transaction may commit after a later one); an id still missing then belonged to a transaction that rolled back.' },
  { key: 'SEARCH_GAP_RECHECK_SECONDS', default: '5', doc: 'While the search index awaits an audit id below its position (on PostgreSQL, a transaction still open or rolled back), it looks for it again at most this often, not before every search; new changes are read at once.' },
  { key: 'HOME_NEAR_THRESHOLD_PERCENT', default: '50', doc: 'An open petition with at least this share of its threshold (in percent) is "near its threshold" on the home page; the setting home.near_threshold_percent in the database overrides it.' },
  { key: 'HOME_LIST_LIMIT', default: '5', doc: 'Most items each list of the home page shows (open calls, petitions near their threshold, commitments updated this month, overdue answers).' },
  { key: 'TABLE_MAX_ROWS', default: '200000', doc: 'Most rows accepted in one searchable-table CSV upload (the upload size is bounded by UPLOAD_MAX_BYTES too).' },
];

const DEFAULT_UPLOAD_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function bool(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${key} must be true or false, got "${raw}"`);
}

function int(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${key} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${key} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function oneOf<T extends string>(env: Env, key: string, values: readonly T[], fallback: T): T {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(`${key} must be one of ${values.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function smtpUrl(env: Env): string | null {
  const raw = env.SMTP_URL;
  if (!raw) return null;
  if (!/^smtps?:\/\//.test(raw)) throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, got "${raw}"`);
  return raw;
}

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const production = nodeEnv === 'production';
  const port = int(env, 'PORT', 3000, 0, 65535);
  const databaseUrl = env.DATABASE_URL || 'sqlite:./data/madang.db';
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres://, got "${databaseUrl}"`);
  }
  const cookieSecret = env.COOKIE_SECRET || null;
  if (cookieSecret !== null && cookieSecret.length < 32) {
    throw new ConfigError('COOKIE_SECRET must be at least 32 characters long');
  }
  if (production && cookieSecret === null) {
    throw new ConfigError('COOKIE_SECRET is required when NODE_ENV=production');
  }
  const createDemoAccounts = bool(env, 'DEMO_ACCOUNTS', !production);
  if (production && createDemoAccounts) {
    throw new ConfigError('DEMO_ACCOUNTS cannot be on when NODE_ENV=production: create accounts with `madang user create`');
  }
  const baseUrl = (env.BASE_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(baseUrl)) throw new ConfigError(`BASE_URL must be an http(s) address, got "${baseUrl}"`);
  const types = env.UPLOAD_ALLOWED_TYPES
    ? env.UPLOAD_ALLOWED_TYPES.split(',').map((s) => s.trim()).filter(Boolean)
    : DEFAULT_UPLOAD_TYPES;
  const config: Config = {
    env: nodeEnv,
    host: env.HOST || '127.0.0.1',
    port,
    databaseUrl,
    baseUrl,
    cookieSecret,
    cookieSecure: bool(env, 'COOKIE_SECURE', production),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, nodeEnv === 'test' ? 'silent' : 'info'),
    loadDemoData: bool(env, 'LOAD_DEMO_DATA', true),
    createDemoAccounts,
    uploadMaxBytes: int(env, 'UPLOAD_MAX_BYTES', 10 * 1024 * 1024, 1024, 512 * 1024 * 1024),
    proposalResponseDays: int(env, 'PROPOSAL_RESPONSE_DAYS', 30, 1, 365),
    uploadAllowedTypes: types,
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    defaultLocale: oneOf(env, 'DEFAULT_LOCALE', ['ko', 'en'] as const, 'ko'),
    officialMasthead: bool(env, 'OFFICIAL_MASTHEAD', false),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    signInRateLimitPerMinute: int(env, 'SIGN_IN_RATE_LIMIT_PER_MINUTE', 10, 1, 1_000_000),
    smtpUrl: smtpUrl(env),
    mailFrom: env.MAIL_FROM || 'Madang <no-reply@madang.local>',
    showOutbox: bool(env, 'SHOW_OUTBOX', !production),
    verifyTokenTtlHours: int(env, 'VERIFY_TOKEN_TTL_HOURS', 24, 1, 24 * 30),
    identityTtlDays: int(env, 'IDENTITY_TTL_DAYS', 30, 1, 3650),
    anonymiseAfterDays: int(env, 'ANONYMISE_AFTER_DAYS', 30, 0, 3650),
    signRateLimitPerMinute: int(env, 'SIGN_RATE_LIMIT_PER_MINUTE', 120, 1, 100_000_000),
    signRateLimitPerIdentity: int(env, 'SIGN_RATE_LIMIT_PER_IDENTITY', 30, 1, 100_000_000),
    petitionWindowDays: int(env, 'PETITION_WINDOW_DAYS', 30, 1, 3650),
    errorReportDeadlineDays: int(env, 'ERROR_REPORT_DEADLINE_DAYS', 10, 1, 365),
    tableMaxRows: int(env, 'TABLE_MAX_ROWS', 200_000, 1, 10_000_000),
    reportCommentDays: int(env, 'REPORT_COMMENT_DAYS', 14, 1, 365),
    manageLinkTtlDays: int(env, 'MANAGE_LINK_TTL_DAYS', 60, 1, 3650),
    notifyIntervalSeconds: int(env, 'NOTIFY_INTERVAL_SECONDS', 10, 0, 86_400),
    auditGapExpirySeconds: int(env, 'AUDIT_GAP_EXPIRY_SECONDS', 3600, 1, 30 * 86_400),
    searchGapRecheckSeconds: int(env, 'SEARCH_GAP_RECHECK_SECONDS', 5, 0, 3600),
    homeNearThresholdPercent: int(env, 'HOME_NEAR_THRESHOLD_PERCENT', 50, 1, 99),
    homeListLimit: int(env, 'HOME_LIST_LIMIT', 5, 1, 50),
  };
  return { ...config, ...overrides };
}
