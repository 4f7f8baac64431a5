import type { Generated } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface OrganizationsTable {
  id: Generated<number>;
  key: string;
  name: string;
  name_ko: string | null;
  abbreviation: string | null;
  kind: string;
  sector: string;
  parent_id: number | null;
  source: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  organization_id: number | null;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

/** A reader of the audit log and where it has got to (see platform/audit/audit-follower.ts). */
export interface AuditFollowersTable {
  name: string;
  last_id: number;
  gaps_json: string;
  version: number;
  updated_at: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: string;
  actor_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  entity_label: string | null;
  public: number;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
}
