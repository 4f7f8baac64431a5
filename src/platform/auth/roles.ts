export const ROLES = ['admin', 'officer', 'forum_member', 'citizen'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The signed-in person, as every handler and policy sees them. */
export interface Actor {
  id: number;
  email: string;
  name: string;
  role: Role;
  organization_id: number | null;
  organization_name: string | null;
}
