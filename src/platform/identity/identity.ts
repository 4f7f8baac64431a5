// Verified identities for signing and voting. The e-mail provider is the first; a stronger one
// (a certificate, a mobile carrier check) implements the same interface.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { enqueueMail } from '../mail/outbox.ts';

export const IDENTITY_COOKIE = 'madang_identity';

export interface IdentityProvider {
  kind: string;
  /** Starts verification; the person proves control (here: by following a link) before anything counts. */
  requestVerification(trx: Kysely<Database>, input: VerificationRequest): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** Completes it: returns the verified identity, or why not. */
  confirm(db: Kysely<Database>, token: string, now: Date): Promise<ConfirmResult>;
}

export interface VerificationRequest {
  value: string;
  petitionId: number | null;
  returnPath?: string | null;
  now: Date;
  ttlHours: number;
  link: (token: string) => string;
  subject: string;
  text: (link: string) => string;
}

export type ConfirmResult = { ok: true; identityId: number; petitionId: number | null; returnPath: string | null } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export function normalizeEmailAddress(raw: string): string | null {
  const v = raw.trim().toLowerCase();
  if (v.length > 254 || !/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(v)) return null;
  return v;
}

export const emailIdentity: IdentityProvider = {
  kind: 'email',
  async requestVerification(trx, r) {
    const email = normalizeEmailAddress(r.value);
    if (!email) return { ok: false, reason: 'not_an_email' };
    const now = r.now.toISOString();
    await trx
      .insertInto('identities')
      .values({ kind: 'email', value: email, verified_at: null, created_at: now })
      .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
      .execute();
    const identity = await trx.selectFrom('identities').select('id').where('kind', '=', 'email').where('value', '=', email).executeTakeFirstOrThrow();
    const token = randomBytes(24).toString('base64url');
    await trx
      .insertInto('identity_tokens')
      .values({ identity_id: identity.id, token_hash: hash(token), petition_id: r.petitionId, return_path: r.returnPath ?? null, created_at: now, expires_at: new Date(r.now.getTime() + r.ttlHours * 3600_000).toISOString(), used_at: null })
      .execute();
    const link = r.link(token);
    await enqueueMail(trx, { to: email, subject: r.subject, text: r.text(link) }, r.now);
    return { ok: true };
  },

  async confirm(db, token, now) {
    const row = await db.selectFrom('identity_tokens').selectAll().where('token_hash', '=', hash(token)).executeTakeFirst();
    if (!row) return { ok: false, reason: 'invalid' };
    if (row.used_at) return { ok: false, reason: 'used' };
    if (row.expires_at <= now.toISOString()) return { ok: false, reason: 'expired' };
    const used = await db.updateTable('identity_tokens').set({ used_at: now.toISOString() }).where('id', '=', row.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return { ok: false, reason: 'used' };
    await db.updateTable('identities').set({ verified_at: now.toISOString() }).where('id', '=', row.identity_id).where('verified_at', 'is', null).execute();
    return { ok: true, identityId: row.identity_id, petitionId: row.petition_id, returnPath: row.return_path };
  },
};

/** The identity cookie's value: the identity and when the right to sign without confirming again ends. */
export function identityCookieValue(identityId: number, expires: Date): string {
  return `${identityId}.${Math.floor(expires.getTime() / 1000)}`;
}

export function parseIdentityCookie(value: string, now: Date): number | null {
  const m = value.match(/^(\d{1,12})\.(\d{1,12})$/);
  if (!m) return null;
  if (Number(m[2]) * 1000 <= now.getTime()) return null;
  return Number(m[1]);
}

/** Signed identity tokens already checked, by their exact text, oldest forgotten first. */
const VERIFIED_TOKENS_KEPT = 50_000;

/**
 * Checks a signed identity token (cookie or `Authorization: Identity …`) and returns the identity,
 * or null when the signature is wrong or the right to sign has ended. A token whose signature was
 * checked once is remembered by its exact text, so a surge does not pay the HMAC for every request:
 * the same text always carries the same valid signature, and the expiry is still read every time.
 */
export class IdentityTokens {
  private verified = new Map<string, string>();

  constructor(
    private readonly unsign: (signed: string) => { valid: boolean; value: string | null },
    private readonly kept = VERIFIED_TOKENS_KEPT,
  ) {}

  identity(signed: string, now: Date): number | null {
    let value = this.verified.get(signed);
    if (value === undefined) {
      const checked = this.unsign(signed);
      if (!checked.valid || !checked.value) return null;
      value = checked.value;
      if (this.verified.size >= this.kept) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(signed, value);
    }
    return parseIdentityCookie(value, now);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The application's checked identity tokens (see IdentityTokens). */
    identityTokens: IdentityTokens;
  }
}
