// How search results read outside the page.
import type { Segment } from './search-text.ts';

export function plainSnippet(segments: readonly Segment[]): string {
  return segments.map((s) => s.text).join('');
}
