// Every public shape of the repository: the API's JSON and the Atom feed read the same items.
import { documentHref, itemAnchor, type ItemFile, type Repository, type RepositoryItem } from './repository-load.ts';

const abs = (base: string, f: ItemFile) => (f.external ? f.href : base + f.href);

export function repositoryPageUrl(base: string, slug: string, code?: string | null) {
  return code ? `${base}/plans/${encodeURIComponent(slug)}/commitments/${encodeURIComponent(code)}/repository` : `${base}/plans/${encodeURIComponent(slug)}/repository`;
}

export function presentItem(item: RepositoryItem, base: string, slug: string) {
  const common = {
    type: item.type,
    id: item.id,
    published_at: item.published_at,
    date: item.date,
    stream: item.stream,
    commitment: item.commitment?.code ?? null,
    by: item.by,
    url: `${repositoryPageUrl(base, slug, item.commitment?.code)}#${itemAnchor(item)}`,
  };
  if (item.type === 'document') {
    return {
      ...common,
      kind: item.kind,
      title: item.title,
      description: item.description,
      body: null,
      files: [{ title: item.file.title, url: base + documentHref(slug, item.id), content_type: item.file.content_type, size: item.file.size }],
    };
  }
  return {
    ...common,
    kind: 'progress_update',
    title: null,
    description: null,
    body: item.body,
    files: item.evidence.map((e) => ({ title: e.title, url: abs(base, e), content_type: e.content_type, size: e.size })),
  };
}

export function presentRepository(repo: Repository, base: string) {
  const slug = repo.tree.plan.slug;
  const code = repo.commitment?.code ?? null;
  return {
    plan: slug,
    commitment: code,
    links: { html: repositoryPageUrl(base, slug, code), atom: `${base}/plans/${encodeURIComponent(slug)}/repository.atom` },
    half_years: repo.half_years,
    items: repo.items.map((i) => presentItem(i, base, slug)),
  };
}
