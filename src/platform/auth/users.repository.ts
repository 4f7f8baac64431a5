import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor, Role } from './roles.ts';

export interface NewUser {
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  organization_id: number | null;
  created_at: string;
}

const actorColumns = [
  'users.id',
  'users.email',
  'users.name',
  'users.role',
  'users.organization_id',
  'organizations.name as organization_name',
] as const;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserForSignIn(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled_at'])
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
}

export async function findActor(db: Kysely<Database>, userId: number): Promise<Actor | null> {
  const row = await db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select(actorColumns)
    .where('users.id', '=', userId)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? { ...row, role: row.role as Role } : null;
}

export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ ...user, email: normalizeEmail(user.email) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setPasswordHash(db: Kysely<Database>, email: string, passwordHash: string): Promise<boolean> {
  const r = await db.updateTable('users').set({ password_hash: passwordHash }).where('email', '=', normalizeEmail(email)).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listUsers(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([...actorColumns, 'users.created_at', 'users.disabled_at'])
    .orderBy('users.id')
    .execute();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
