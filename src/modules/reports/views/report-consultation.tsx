// The public comments on a report and the government's responses, as HTML: on the site and in the
// printable document. English, like the report.
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { consultationWindow, TEMPLATE, type ReportConsultation } from '../report-model.ts';
import { ReportProse } from './report-parts.tsx';

export function Consultation({ id, consultation }: { id: string; consultation: ReportConsultation }) {
  const c = consultation;
  return (
    <section class="report-consultation" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{TEMPLATE.consultation}</h2>
      <p class="consultation-window" safe>{consultationWindow(c)}</p>
      {c.comments.length === 0 ? <p>{TEMPLATE.consultation_none}</p> : ''}
      <ol class="report-comments">
        {c.comments.map((comment) => (
          <li id={`comment-${comment.id}`} class="report-comment">
            <p class="comment-meta">
              <strong safe>{`#${comment.id} · ${TEMPLATE.comment_on}: ${comment.section_label}`}</strong>
              <br />
              <span safe>{`${TEMPLATE.comment_by} ${comment.author_label}, `}</span>
              <time datetime={comment.created_at} safe>{formatDateTime('en', comment.created_at)}</time>
            </p>
            <ReportProse text={comment.body} />
            <div class={`comment-response${comment.response ? '' : ' unanswered'}`}>
              <p class="comment-meta">
                <strong>{TEMPLATE.response}</strong>
                {comment.response && comment.responded_at ? (
                  <>
                    <span safe>{` · ${TEMPLATE.response_by} ${comment.responder_label ?? ''}, `}</span>
                    <time datetime={comment.responded_at} safe>{formatDateTime('en', comment.responded_at)}</time>
                  </>
                ) : (
                  ''
                )}
              </p>
              {comment.response ? <ReportProse text={comment.response} /> : <p class="muted">{TEMPLATE.no_response}</p>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
