// What a module gives the search index. The search module reads every manifest's sources; a module
// need not know how the index works, only which of its records are public and how they read.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { setSetting } from './settings/settings.repository.ts';

/** One public record, as search shows it. */
export interface SearchDocument {
  /** What the record is, for the kind filter: commitment, milestone, petition, proposal, dataset, meeting, document, … */
  kind: string;
  /** The audit trail's entity type of the record: an audit event on it re-indexes it. */
  entityType: string;
  entityId: string;
  /** The page where a person reads it, a path on this site. */
  url: string;
  title: string;
  body: string;
  /** The responsible organization's key. */
  organization: string | null;
  state: string | null;
  /** The record's date at the precision the module has it: YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string | null;
  /** The plan's slug, when the record belongs to a plan. */
  plan: string | null;
  lang: 'ko' | 'en';
}

/** The public records of one audit entity type. */
export interface SearchSource {
  entityType: string;
  /** The kind its documents carry, and the states they may be in (for the filters). */
  kind: string;
  states?: readonly string[];
  /** The i18n key whose children name the states ("petitions.state" → petitions.state.open). */
  stateLabels?: string;
  /**
   * The public documents of these entities (every public one when ids is undefined). A record that is
   * hidden, a draft or gone is simply not returned: the index then drops it. Reuse the module's own
   * visibility rules here.
   */
  load(db: Kysely<Database>, ids?: readonly string[]): Promise<SearchDocument[]>;
}
// A change in what a source returns or how (its texts, kind, states, which records are public) changes
// the index's format: bump SEARCH_INDEX_FORMAT in src/modules/search/search-index.ts so that the next
// start rebuilds the index (adding or removing a source is noticed without it).

/** The setting that asks the search index for a full rebuild. */
export const SEARCH_REBUILD_KEY = 'search.rebuild_requested';

/**
 * Asks for a full rebuild of the search index, for a write that changes records without an audit event
 * of each (an import records one event for a whole plan). Call it in the write's transaction; the next
 * catch-up of a serving process, or the next start, rebuilds.
 */
export async function requestSearchRebuild(db: Kysely<Database>, reason: string, now: Date): Promise<void> {
  await setSetting(db, SEARCH_REBUILD_KEY, `${now.toISOString()} ${reason}`, now);
}

/** The numeric ids among audit entity ids (undefined stays undefined: every record). */
export function numericIds(ids: readonly string[] | undefined): number[] | undefined {
  return ids?.map(Number).filter((n) => Number.isInteger(n) && n > 0);
}

/** The non-empty parts of a record's text, one a line. */
export function joinText(...parts: (string | null | undefined)[]): string {
  return parts.filter((p): p is string => Boolean(p && p.trim())).join('\n');
}
