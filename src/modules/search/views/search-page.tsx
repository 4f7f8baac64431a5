import type { FieldError } from '../../../platform/http/errors.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, SelectField } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { TextFilter } from '../../open-data/views/parts.tsx';
import type { Segment } from '../search-text.ts';
import type { SearchOutcome } from '../search.load.ts';

export interface SearchForm {
  q: string;
  kind: string;
  organization: string;
  state: string;
  from: string;
  to: string;
}

export interface StateGroup {
  kind: string;
  states: { value: string; label: string }[];
}

function Marked({ segments }: { segments: readonly Segment[] }) {
  return <>{segments.map((s) => (s.hit ? <mark safe>{s.text}</mark> : <span safe>{s.text}</span>))}</>;
}

function StateSelect({ ctx, value, groups }: { ctx: ViewContext; value: string; groups: StateGroup[] }) {
  const { t } = ctx;
  return (
    <div class="form-group">
      <div class="form-tit">
        <label for="state" safe>{t('search.state')}</label>
      </div>
      <div class="form-conts">
        <select id="state" name="state" class="krds-form-select">
          <option value="" selected={value === ''} safe>{t('search.all')}</option>
          {groups.map((g) => (
            <optgroup label={t(`search.kinds.${g.kind}`)}>
              {g.states.map((s) => (
                <option value={s.value} selected={value === s.value} lang={langOfText(ctx, s.label)} safe>{s.label}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    </div>
  );
}

function Pages({ ctx, outcome, query }: { ctx: ViewContext; outcome: SearchOutcome; query: URLSearchParams }) {
  const { t } = ctx;
  const last = Math.max(1, Math.ceil(outcome.total / outcome.perPage));
  if (last === 1) return '';
  const href = (page: number) => {
    const q = new URLSearchParams(query);
    q.set('page', String(page));
    return `/search?${q.toString()}`;
  };
  const first = Math.max(1, Math.min(outcome.page - 4, last - 8));
  const numbers = Array.from({ length: Math.min(9, last - first + 1) }, (_, i) => first + i);
  return (
    <nav class="pagination search-pages" aria-label={t('search.pages')}>
      {outcome.page > 1 ? <a href={href(outcome.page - 1)} rel="prev" safe>{t('search.previous')}</a> : ''}
      {numbers.map((n) =>
        n === outcome.page ? (
          <span aria-current="page" class="current" safe>{String(n)}</span>
        ) : (
          <a href={href(n)} aria-label={t('search.page_of', { page: n })} safe>{String(n)}</a>
        ),
      )}
      {outcome.page < last ? <a href={href(outcome.page + 1)} rel="next" safe>{t('search.next')}</a> : ''}
    </nav>
  );
}

function Results({ ctx, outcome, organizations, stateLabel, query }: { ctx: ViewContext; outcome: SearchOutcome; organizations: Map<string, string>; stateLabel: (kind: string, state: string) => string; query: URLSearchParams }) {
  const { t } = ctx;
  if (!outcome.query) return <p class="empty" safe>{t('search.empty_query')}</p>;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" safe>{outcome.more ? t('search.results_more', { count: outcome.total }) : t('search.results', { count: outcome.total })}</h2>
      {outcome.corrected ? <p class="notice" role="status" safe>{t('search.corrected', { query: outcome.query, corrected: outcome.corrected })}</p> : ''}
      {outcome.ignored.length ? <p class="muted small" safe>{t('search.ignored', { words: outcome.ignored.join(', ') })}</p> : ''}
      {outcome.results.length === 0 ? (
        <div class="empty">
          <p safe>{t('search.none', { query: outcome.query })}</p>
          <p class="muted small" safe>{t('search.none_hint')}</p>
        </div>
      ) : (
        <ol class="search-results" start={String((outcome.page - 1) * outcome.perPage + 1)}>
          {outcome.results.map((r) => (
            <li class="search-result" lang={r.lang}>
              <p class="search-kind small" safe>{t(`search.kinds.${r.kind}`)}</p>
              <h3>
                <a href={r.url}>
                  <Marked segments={r.titleSegments} />
                </a>
              </h3>
              <p class="search-snippet">
                <Marked segments={r.snippet} />
              </p>
              <p class="muted small" safe>
                {[r.organization ? (organizations.get(r.organization) ?? r.organization) : null, r.state ? stateLabel(r.kind, r.state) : null, r.date].filter(Boolean).join(' · ')}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pages ctx={ctx} outcome={outcome} query={query} />
      <p class="small">
        <a href={`/api/v1/search?${query.toString()}`} safe>{t('search.json')}</a>
      </p>
    </section>
  );
}

export function SearchPage(props: {
  ctx: ViewContext;
  form: SearchForm;
  outcome: SearchOutcome | null;
  errors: FieldError[];
  kinds: string[];
  organizations: { key: string; name: string }[];
  stateGroups: StateGroup[];
  stateLabel: (kind: string, state: string) => string;
}) {
  const { ctx, form } = props;
  const { t } = ctx;
  const query = new URLSearchParams(Object.entries(form).filter(([, v]) => v !== ''));
  return (
    <Layout ctx={ctx} meta={{ title: form.q ? `${form.q} · ${t('search.title')}` : t('search.title') }}>
      <h1 safe>{t('search.title')}</h1>
      <p class="lead" safe>{t('search.lead')}</p>
      <ErrorSummary t={t} title={t('search.error_title')} errors={props.errors} />
      <form method="get" action="/search" class="filters search-form" role="search" aria-label={t('search.title')}>
        <TextFilter id="q" label={t('search.query')} value={form.q} type="search" />
        <SelectField id="kind" label={t('search.kind')} value={form.kind} all={t('search.all')} options={props.kinds.map((k) => ({ value: k, label: t(`search.kinds.${k}`) }))} />
        <SelectField id="organization" label={t('search.organization')} value={form.organization} all={t('search.all')} options={props.organizations.map((o) => ({ value: o.key, label: o.name, lang: langOfText(ctx, o.name) }))} />
        <StateSelect ctx={ctx} value={form.state} groups={props.stateGroups} />
        <TextFilter id="from" label={t('search.from')} value={form.from} type="date" hint={t('search.date_hint')} />
        <TextFilter id="to" label={t('search.to')} value={form.to} type="date" hint={t('search.date_hint')} />
        <button type="submit" class="krds-btn primary" safe>{t('search.submit')}</button>
      </form>
      <p class="muted small" safe>{t('search.query_hint')}</p>
      {props.outcome ? <Results ctx={ctx} outcome={props.outcome} organizations={new Map(props.organizations.map((o) => [o.key, o.name]))} stateLabel={props.stateLabel} query={query} /> : ''}
    </Layout>
  );
}
