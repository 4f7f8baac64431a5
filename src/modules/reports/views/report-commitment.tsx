// One commitment in the OGP self-assessment template, as HTML.
import { formatDay } from '../../../platform/i18n/i18n.ts';
import { LEVELS, isLevel, type Level } from '../../action-plans/level.ts';
import { leadAgency, periodText, templateFields, TEMPLATE, type ReportCommitment } from '../report-model.ts';
import { levelName } from '../report-wording.ts';
import { LevelTag, ReportProse } from './report-parts.tsx';

/** The seed's "Level of implementation" row: four columns, the reached one marked. */
function LevelGrid({ level, label }: { level: Level; label: string | null }) {
  return (
    <div class="level-of-implementation">
      <table class="tbl col data report-table level-grid">
        <caption class="sr-only">{TEMPLATE.level}</caption>
        <thead>
          <tr>
            {LEVELS.map((l) => (
              <th scope="col" safe>{levelName(l)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {LEVELS.map((l) => (
              <td class={l === level ? 'reached' : undefined}>
                {l === level ? (
                  <span role="img" aria-label={levelName(l)}>
                    ✔
                  </span>
                ) : (
                  ''
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <p>
        <LevelTag level={level} label={label} />
      </p>
    </div>
  );
}

function Field({ label, text }: { label: string; text: string | null }) {
  if (!text) return '';
  return (
    <section class="template-field">
      <h4 safe>{label}</h4>
      <ReportProse text={text} />
    </section>
  );
}

/** `status: false` is the action plan's template: no completion level, results or progress, written before implementation. */
export function Commitment({ id, item, status }: { id: string; item: ReportCommitment; status: boolean }) {
  const c = item.node;
  const given = (v: string | null) => v ?? TEMPLATE.not_given;
  return (
    <article class="report-commitment" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} safe>{`${c.code}. ${c.title}`}</h3>
      <dl class="facts">
        <div>
          <dt>{TEMPLATE.period}</dt>
          <dd safe>{periodText(c)}</dd>
        </div>
        <div>
          <dt>{TEMPLATE.lead}</dt>
          <dd safe>{leadAgency(c)}</dd>
        </div>
      </dl>
      <h4 class="template-part">{TEMPLATE.description}</h4>
      {templateFields(c).map((f) => (
        <Field label={f.label} text={f.text} />
      ))}
      {status ? (
        <>
          <section class="template-field">
            <h4>{TEMPLATE.level}</h4>
            <LevelGrid level={c.level} label={c.level_label} />
          </section>
          <Field label={TEMPLATE.results} text={c.results} />
          <Field label={TEMPLATE.next_steps} text={c.next_steps} />
        </>
      ) : (
        ''
      )}
      {c.milestones.length > 0 ? (
        <section class="template-field">
          <h4>{TEMPLATE.milestones}</h4>
          {/* Scrolls sideways on a narrow screen, so it takes the keyboard's focus. */}
          <div class="krds-table-wrap" tabindex="0" role="region" aria-label={`${TEMPLATE.milestones}: ${c.code}`}>
            <table class="tbl col data report-table milestones-table">
              <thead>
                <tr>
                  <th scope="col">{TEMPLATE.milestone}</th>
                  <th scope="col">{TEMPLATE.start}</th>
                  <th scope="col">{TEMPLATE.end}</th>
                  {status ? <th scope="col">{TEMPLATE.completion_level}</th> : ''}
                </tr>
              </thead>
              <tbody>
                {c.milestones.map((m) => (
                  <tr>
                    <td safe>{m.title}</td>
                    <td safe>{given(m.start_label)}</td>
                    <td safe>{given(m.end_label)}</td>
                    {status ? (
                      <td>
                        <LevelTag level={isLevel(m.level) ? m.level : null} label={m.level_label} />
                      </td>
                    ) : (
                      ''
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : (
        ''
      )}
      {status && item.timeline.length > 0 ? (
        <section class="template-field progress-updates">
          <h4>{TEMPLATE.progress}</h4>
          <ol>
            {item.timeline.map((e) => (
              <li>
                <p class="timeline-meta" safe>
                  {`${formatDay('en', e.occurred_on)} · ${TEMPLATE.progress_by} ${e.author_organization ?? e.author_label}`}
                </p>
                <ReportProse text={e.body} />
                {e.level_changes.map((ch) => (
                  <p class="level-change" safe>
                    {`${TEMPLATE.level_change}: ${ch.target_label}: ${levelName(isLevel(ch.level_from) ? ch.level_from : null)} → ${levelName(isLevel(ch.level_to) ? ch.level_to : null)}`}
                  </p>
                ))}
                {e.evidence.length > 0 ? <p class="evidence" safe>{`${TEMPLATE.evidence}: ${e.evidence.map((x) => x.url ?? x.title).join(', ')}`}</p> : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : (
        ''
      )}
      <section class="template-field">
        <h4>{TEMPLATE.contacts}</h4>
        {c.contacts.map((p) => (
          <dl class="contact">
            <div>
              <dt>{TEMPLATE.contact_name}</dt>
              <dd safe>{given(p.name)}</dd>
            </div>
            <div>
              <dt>{TEMPLATE.contact_title}</dt>
              <dd safe>{[p.title, p.department].filter(Boolean).join(', ') || TEMPLATE.not_given}</dd>
            </div>
            <div>
              <dt>{TEMPLATE.contact_email_phone}</dt>
              <dd safe>{[p.email, p.phone].filter(Boolean).join(' / ') || TEMPLATE.not_given}</dd>
            </div>
          </dl>
        ))}
        <dl class="contact">
          <div>
            <dt safe>{`${TEMPLATE.other_actors}: ${TEMPLATE.state_actors}`}</dt>
            <dd safe>{given(c.other_actors_state)}</dd>
          </div>
          <div>
            <dt safe>{`${TEMPLATE.other_actors}: ${TEMPLATE.civil_society}`}</dt>
            <dd safe>{given(c.other_actors_civil_society)}</dd>
          </div>
          {c.contact_additional_information ? (
            <div>
              <dt>{TEMPLATE.contact_additional}</dt>
              <dd safe>{c.contact_additional_information}</dd>
            </div>
          ) : (
            ''
          )}
        </dl>
      </section>
    </article>
  );
}
