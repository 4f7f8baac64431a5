import type { Generated } from 'kysely';

export interface NotifyRecipientsTable {
  id: Generated<number>;
  user_id: number | null;
  identity_id: number | null;
  locale: string;
  /** immediate, daily, weekly or off (the inbox only). */
  frequency: string;
  last_digest_at: string;
  created_at: string;
  updated_at: string;
}

export interface FollowsTable {
  id: Generated<number>;
  recipient_id: number;
  subject_type: string;
  subject_id: number;
  created_at: string;
  confirmed_at: string | null;
  confirm_nonce_hash: string | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  recipient_id: number;
  audit_event_id: number;
  subject_type: string;
  subject_id: number;
  subject_label: string;
  link: string;
  message: string;
  detail: string | null;
  occurred_at: string;
  created_at: string;
  read_at: string | null;
  mail_state: string;
}
