// Request and response schemas of search, for validation and the OpenAPI document.
import { Type } from 'typebox';
import { Problem } from '../open-data/open-data.schema.ts';

export { Problem };

const NString = Type.Union([Type.String(), Type.Null()]);
const Day = (description: string) => Type.Optional(Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$', description }));

/** The query string of the page and the API; `kinds` are the kinds the modules' sources declare. */
export function searchQuerystring(kinds: readonly string[], required: boolean) {
  const q = Type.String({ minLength: required ? 1 : 0, maxLength: 200, description: 'Words, each required; a part of a word matches (two characters or more, Korean or English)' });
  return Type.Object({
    q: required ? q : Type.Optional(q),
    kind: Type.Optional(Type.Union([Type.Literal(''), ...kinds.map((k) => Type.Literal(k))], { description: 'Only records of this kind' })),
    organization: Type.Optional(Type.String({ maxLength: 100, pattern: '^[A-Za-z0-9_.-]*$', description: 'Organization key' })),
    state: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z_]*$', description: 'Completion level, petition or proposal state, meeting or document kind' })),
    from: Day('Dated on or after (YYYY-MM-DD)'),
    to: Day('Dated on or before (YYYY-MM-DD)'),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    lang: Type.Optional(Type.String({ maxLength: 5 })),
  });
}

export const SearchResponse = Type.Object({
  query: Type.String(),
  corrected: Type.Union([Type.String(), Type.Null()], { description: 'The query as corrected when it found nothing as typed and a close word did' }),
  ignored: Type.Array(Type.String(), { description: 'Words left out: one character, or past the eighth' }),
  total: Type.Integer(),
  total_is_lower_bound: Type.Boolean({ description: 'true when there are more results than total (counting stops there)' }),
  page: Type.Integer(),
  per_page: Type.Integer(),
  results: Type.Array(
    Type.Object({
      kind: Type.String(),
      title: Type.String(),
      url: Type.String(),
      snippet: Type.String({ description: 'A passage of the text around the first match, plain text' }),
      organization: NString,
      state: NString,
      date: NString,
      plan: NString,
      lang: Type.String(),
    }),
  ),
});
