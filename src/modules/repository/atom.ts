// The repository's updates as an Atom 1.0 feed (RFC 4287): a feed with id, title, updated, author and
// a self link; one entry per document and per progress update, each with id, title, updated and a link.
import { presentItem, repositoryPageUrl } from './repository.presenter.ts';
import type { Repository } from './repository-load.ts';

export function xmlEscape(text: string): string {
  // Characters XML 1.0 forbids are dropped; the five with a meaning are escaped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${xmlEscape(text)}</${name}>`;

export interface FeedWords {
  feedTitle: string;
  document: (kind: string, title: string) => string;
  update: (code: string, date: string) => string;
  author: string;
}

export function renderAtom(repo: Repository, base: string, words: FeedWords): string {
  const slug = repo.tree.plan.slug;
  const self = `${base}/plans/${encodeURIComponent(slug)}/repository.atom`;
  const updated = repo.items[0]?.published_at ?? repo.tree.plan.updated_at;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    el('id', self),
    el('title', words.feedTitle),
    el('updated', new Date(updated).toISOString()),
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(repositoryPageUrl(base, slug))}"/>`,
    `<author>${el('name', words.author)}</author>`,
  ];
  for (const item of repo.items) {
    const p = presentItem(item, base, slug);
    const title = item.type === 'document' ? words.document(item.kind, item.title) : words.update(item.commitment?.code ?? '', item.date);
    const summary = item.type === 'document' ? (item.description ?? item.title) : item.body;
    lines.push(
      '<entry>',
      el('id', p.url),
      el('title', title),
      el('updated', new Date(item.published_at).toISOString()),
      el('published', new Date(item.published_at).toISOString()),
      `<author>${el('name', item.by)}</author>`,
      `<link rel="alternate" type="text/html" href="${xmlEscape(p.url)}"/>`,
      ...p.files.map((f) => `<link rel="enclosure" href="${xmlEscape(f.url)}" title="${xmlEscape(f.title)}"${f.content_type ? ` type="${xmlEscape(f.content_type)}"` : ''}${f.size !== null ? ` length="${f.size}"` : ''}/>`),
      el('summary', summary, ' type="text"'),
      ...(item.commitment ? [`<category term="${xmlEscape(item.commitment.code)}" label="${xmlEscape(item.commitment.title)}"/>`] : []),
      `<category term="${xmlEscape(item.stream)}" scheme="${xmlEscape(`${base}/repository/streams`)}"/>`,
      '</entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}
