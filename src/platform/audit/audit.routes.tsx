import { Type } from 'typebox';
import { forbidden, unauthorized } from '../http/errors.ts';
import { viewContext } from '../http/request-context.ts';
import { formatDateTime } from '../i18n/i18n.ts';
import type { App, Deps } from '../module.ts';
import { policy } from '../policy/policy.ts';
import { withQuery } from '../views/context.ts';
import { Layout } from '../views/layout.tsx';
import { sendPage } from '../views/render.ts';
import { listAudit } from './audit.ts';

const PAGE_SIZE = 50;

export function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/admin/audit',
    {
      schema: {
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
          entity_type: Type.Optional(Type.String({ maxLength: 64 })),
          entity_id: Type.Optional(Type.String({ maxLength: 64 })),
          lang: Type.Optional(Type.String()),
          notice: Type.Optional(Type.String()),
        }),
      },
    },
    async (request, reply) => {
      const decision = policy.readAuditTrail(request.actor);
      if (!decision.allowed) throw decision.reason === 'sign_in' ? unauthorized() : forbidden(decision.detail);
      const page = request.query.page ?? 1;
      const rows = await listAudit(deps.handle.db, {
        entityType: request.query.entity_type,
        entityId: request.query.entity_id,
        limit: PAGE_SIZE + 1,
        offset: (page - 1) * PAGE_SIZE,
      });
      const ctx = viewContext(request, reply, deps);
      const { t } = ctx;
      return sendPage(
        reply,
        <Layout ctx={ctx} meta={{ title: t('audit.title') }}>
          <h1 safe>{t('audit.title')}</h1>
          <div class="krds-table-wrap">
            <table class="tbl col data audit-table">
              <caption class="sr-only" safe>
                {t('audit.title')}
              </caption>
              <thead>
                <tr>
                  <th scope="col" safe>{t('audit.when')}</th>
                  <th scope="col" safe>{t('audit.who')}</th>
                  <th scope="col" safe>{t('audit.action')}</th>
                  <th scope="col" safe>{t('audit.record')}</th>
                  <th scope="col" safe>{t('audit.before')}</th>
                  <th scope="col" safe>{t('audit.after')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, PAGE_SIZE).map((r) => (
                  <tr>
                    <td safe>{formatDateTime(ctx.locale, r.occurred_at)}</td>
                    <td safe>{r.actor_label}</td>
                    <td>
                      <code safe>{r.action}</code>
                    </td>
                    <td safe>{`${r.entity_type} #${r.entity_id}${r.entity_label ? ` · ${r.entity_label}` : ''}`}</td>
                    <td>
                      <code class="json" safe>
                        {r.before_json ?? ''}
                      </code>
                    </td>
                    <td>
                      <code class="json" safe>
                        {r.after_json ?? ''}
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav class="pager" aria-label={t('site.pagination')}>
            {page > 1 ? (
              <a class="krds-btn small tertiary" href={withQuery(ctx.url, 'page', String(page - 1))} safe>
                {t('audit.previous')}
              </a>
            ) : (
              ''
            )}
            {rows.length > PAGE_SIZE ? (
              <a class="krds-btn small tertiary" href={withQuery(ctx.url, 'page', String(page + 1))} safe>
                {t('audit.next')}
              </a>
            ) : (
              ''
            )}
          </nav>
        </Layout>,
      );
    },
  );
}
