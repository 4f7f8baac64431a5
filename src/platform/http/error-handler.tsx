import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../module.ts';
import { Layout } from '../views/layout.tsx';
import { sendPage } from '../views/render.ts';
import { viewContext } from './request-context.ts';
import { translator } from '../i18n/i18n.ts';
import { errorText, HttpProblem, notFound, problemBody, toProblem } from './errors.ts';

function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

async function respond(request: FastifyRequest, reply: FastifyReply, deps: Deps, problem: HttpProblem) {
  if (wantsJson(request)) {
    // The API answers in English unless the request asks for Korean with ?lang=ko.
    const asked = (request.query as Record<string, unknown> | undefined)?.lang;
    const t = asked === 'ko' ? translator('ko') : undefined;
    return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problemBody(problem, request.url, t));
  }
  // A visitor who must sign in is sent to the sign-in page for a page view.
  if (problem.status === 401 && request.method === 'GET') {
    return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
  }
  let ctx;
  try {
    ctx = viewContext(request, reply, deps);
  } catch {
    return reply.status(problem.status).type('text/plain; charset=utf-8').send(`${problem.title}: ${problem.detail}`);
  }
  const { t } = ctx;
  const heading = problem.status === 404 ? t('error.not_found') : problem.status === 429 ? t('error.too_many') : t('error.title');
  return sendPage(
    reply,
    <Layout ctx={ctx} meta={{ title: heading }}>
      <div class="narrow error-page">
        <p class="error-code" safe>
          {t('error.status', { status: problem.status })}
        </p>
        <h1 safe>{heading}</h1>
        <p safe>{problem.detailIn(t)}</p>
        {problem.errors.length > 0 ? (
          <ul>
            {problem.errors.map((e) => (
              <li safe>{`${e.field}: ${errorText(t, e)}`}</li>
            ))}
          </ul>
        ) : (
          ''
        )}
        <p>
          <a href="/" class="krds-btn secondary" safe>
            {t('error.back_home')}
          </a>
        </p>
      </div>
    </Layout>,
    problem.status,
  );
}

export function registerErrorHandling(app: App, deps: Deps) {
  app.setErrorHandler(async (error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status: problem.status, detail: problem.detail }, 'request refused');
    return respond(request, reply, deps, problem);
  });
  app.setNotFoundHandler(async (request, reply) => respond(request, reply, deps, notFound()));
}
