import type { Generated } from 'kysely';

/** One public record of any module, as the search index holds it (see src/platform/search-source.ts). */
export interface SearchDocumentsTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: string;
  kind: string;
  url: string;
  title: string;
  body: string;
  /** The organization's key. */
  organization: string | null;
  state: string | null;
  /** YYYY-MM-DD, or a shorter prefix of it (YYYY-MM, YYYY) when the source is less precise. */
  date: string | null;
  plan: string | null;
  lang: string;
  /** Hangul bigrams and short words, space-separated: what two-character queries match. */
  grams: string;
  /** Private-use tokens of kind, organization, state and year, what filters match inside the index (facetTokens). */
  facets: string;
  indexed_at: string;
}

/** Words of the indexed texts (four letters or more), for typo correction. Insert-only. */
export interface SearchTermsTable {
  term: string;
}
