import type { PortableMigration } from '../migration-helpers.ts';

/**
 * The search index follows the audit log with the platform's audit follower (row `search` in
 * audit_followers, made at its first rebuild) instead of its own cursor: the setting
 * `search.audit_cursor` is dropped. It does not carry over: an index built before has no format
 * (the setting `search.index_format`), so the next start rebuilds it and starts the follower there.
 */
export const searchFollower: PortableMigration = {
  name: '0015-search-follower',
  async up(db) {
    await db.deleteFrom('settings').where('key', '=', 'search.audit_cursor').execute();
  },
};
