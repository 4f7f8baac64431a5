// The home page. Validate → load (through the other modules' repositories) → present; it reads only public records.
import { Type } from 'typebox';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { sendPage } from '../../platform/views/render.ts';
import { loadHome } from './home-data.ts';
import { HomePage } from './views/home-page.tsx';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String()), notice: Type.Optional(Type.String({ maxLength: 40 })) });

export function homeRoutes(app: App, deps: Deps) {
  app.get('/', { schema: { querystring: PageQuery } }, async (request, reply) => {
    const d = await loadHome(deps.handle.db, deps.config, deps.clock.now());
    return sendPage(reply, <HomePage ctx={viewContext(request, reply, deps)} d={d} />);
  });
}
