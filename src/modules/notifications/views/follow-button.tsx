import { CsrfField } from '../../../platform/views/form.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { FollowKind } from '../notify-rules.ts';

/** What a page needs to show the follow button: the subject, and whether the viewer follows it. */
export interface FollowView {
  kind: FollowKind;
  id: number;
  following: boolean;
}

/**
 * The follow button of a commitment, petition, proposal, data set, organization or body. A person
 * without an account or a confirmed e-mail is taken to a page that asks for an e-mail address.
 */
export function FollowButton({ ctx, f }: { ctx: ViewContext; f: FollowView | null | undefined }) {
  if (!f) return '';
  const { t } = ctx;
  return (
    <div class="follow-box">
      {f.following ? (
        <form method="post" action="/follows/remove" class="inline-form">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="kind" value={f.kind} />
          <input type="hidden" name="id" value={String(f.id)} />
          <span class="follow-state" safe>
            {`✓ ${t('notifications.following')}`}
          </span>{' '}
          <button type="submit" class="krds-btn small tertiary" safe>
            {t('notifications.unfollow')}
          </button>
        </form>
      ) : (
        <form method="post" action="/follows" class="inline-form">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="kind" value={f.kind} />
          <input type="hidden" name="id" value={String(f.id)} />
          <button type="submit" class="krds-btn small secondary" aria-describedby={`follow-hint-${f.kind}-${f.id}`} safe>
            {t('notifications.follow')}
          </button>{' '}
          <span class="muted" id={`follow-hint-${f.kind}-${f.id}`} safe>
            {t('notifications.follow_hint')}
          </span>
        </form>
      )}
    </div>
  );
}
