import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { hashPassword, passwordProblem, randomPassword } from './passwords.ts';
import { isRole, type Role } from './roles.ts';
import { countUsers, insertUser, normalizeEmail } from './users.repository.ts';

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  organizationKey?: string | null;
  password: string;
}

export type CreateAccountResult = { ok: true; id: number } | { ok: false; error: string };

/** Creates an account: checks role, organization and password, writes the user and its audit event together. */
export async function createAccount(db: Kysely<Database>, a: NewAccount, now: Date, by = 'cli'): Promise<CreateAccountResult> {
  if (!isRole(a.role)) return { ok: false, error: `Unknown role "${a.role}": use admin, officer, forum_member or citizen.` };
  if (!/^[^\s@]+@[^\s@]+$/.test(a.email)) return { ok: false, error: `"${a.email}" is not an e-mail address.` };
  const problem = passwordProblem(a.password);
  if (problem) return { ok: false, error: problem };
  let organizationId: number | null = null;
  if (a.role === 'officer') {
    if (!a.organizationKey) return { ok: false, error: 'An officer belongs to one organization: give its key (see GET /api/v1/organizations).' };
    const org = await db.selectFrom('organizations').select('id').where('key', '=', a.organizationKey).executeTakeFirst();
    if (!org) return { ok: false, error: `There is no organization "${a.organizationKey}".` };
    organizationId = org.id;
  }
  const exists = await db.selectFrom('users').select('id').where('email', '=', normalizeEmail(a.email)).executeTakeFirst();
  if (exists) return { ok: false, error: `An account for ${a.email} exists already.` };
  const passwordHash = await hashPassword(a.password);
  const id = await db.transaction().execute(async (trx) => {
    const userId = await insertUser(trx, { email: a.email, name: a.name, password_hash: passwordHash, role: a.role, organization_id: organizationId, created_at: now.toISOString() });
    await recordAudit(trx, { actor: null, systemActor: by, action: 'user.created', entityType: 'user', entityId: userId, entityLabel: normalizeEmail(a.email), public: false, after: { email: normalizeEmail(a.email), role: a.role, organization: a.organizationKey ?? null }, at: now });
    return userId;
  });
  return { ok: true, id };
}

/**
 * Demo accounts for a first start outside production: an admin, an officer for each lead
 * organization, a forum member and a citizen, each with a random password that is printed once.
 */
export async function createDemoAccounts(db: Kysely<Database>, now: Date): Promise<{ email: string; role: Role; organization: string | null; password: string }[]> {
  if ((await countUsers(db)) > 0) return [];
  const leads = await db
    .selectFrom('organizations')
    .select(['key', 'name'])
    .where('parent_id', 'is', null)
    .orderBy('key')
    .execute();
  const wanted: Omit<NewAccount, 'password'>[] = [
    { email: 'admin@demo.madang.local', name: 'OGP point of contact', role: 'admin' },
    ...leads.map((o) => ({ email: `officer.${o.key}@demo.madang.local`, name: `Officer, ${o.name}`, role: 'officer' as const, organizationKey: o.key })),
    { email: 'forum@demo.madang.local', name: 'Forum member', role: 'forum_member' },
    { email: 'citizen@demo.madang.local', name: 'Citizen', role: 'citizen' },
  ];
  const created = [];
  for (const w of wanted) {
    const password = randomPassword();
    const r = await createAccount(db, { ...w, password }, now, 'demo');
    if (r.ok) created.push({ email: w.email, role: w.role, organization: w.organizationKey ?? null, password });
  }
  return created;
}
