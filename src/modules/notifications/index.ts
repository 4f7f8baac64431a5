import { ensureCookieSecret } from '../../platform/settings/settings.repository.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { manageRoutes } from './manage.routes.tsx';
import { notificationRoutes, unreadFor } from './notifications.routes.tsx';
import { startNotificationWorker } from './notify-worker.ts';
import { UnsubscribeTokens } from './unsubscribe-token.ts';

/** Follows, the inbox, notification mail and digests, derived from the audit log. */
export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  async routes(app, deps) {
    const secret = deps.config.cookieSecret ?? (await ensureCookieSecret(deps.handle.db, deps.clock.now()));
    const tokens = new UnsubscribeTokens(secret, deps.config.manageLinkTtlDays * 86_400_000);
    notificationRoutes(app, deps, tokens);
    manageRoutes(app, deps, tokens);
    // The header's inbox link and unread count, read only if the page shows the header.
    app.addHook('onRequest', async (request) => {
      request.inboxUnread = () => unreadFor(deps, request);
    });
    // The worker runs in a serving process (not in tests that only inject requests).
    if (deps.config.notifyIntervalSeconds > 0) {
      let stop: (() => Promise<void>) | null = null;
      app.addHook('onListen', async () => {
        stop = startNotificationWorker(deps.handle.db, () => deps.clock.now(), { baseUrl: deps.config.baseUrl, tokens, gapExpiryMs: deps.config.auditGapExpirySeconds * 1000 }, deps.config.notifyIntervalSeconds * 1000, app.log);
      });
      app.addHook('onClose', async () => {
        await stop?.();
      });
    }
  },
};
