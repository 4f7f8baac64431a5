import type { ViewContext } from '../../../platform/views/context.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import type { Figure } from '../open-data.presenter.ts';

export { SelectField as Select } from '../../../platform/views/form.tsx';

export function TextFilter(props: { id: string; label: string; value: string; hint?: string; type?: string }) {
  return (
    <div class="form-group">
      <div class="form-tit">
        <label for={props.id} safe>
          {props.label}
        </label>
      </div>
      <div class="form-conts">
        <input id={props.id} name={props.id} type={props.type ?? 'text'} class="krds-input" value={props.value} placeholder={props.hint} maxlength="200" />
      </div>
    </div>
  );
}

export function StateBadge({ ctx, state }: { ctx: ViewContext; state: string }) {
  return (
    <span class={`state-badge state-${state}`} safe>
      {ctx.t(`open_data.state.${state}`)}
    </span>
  );
}

/** A theme's name in the page's language, or the theme as stored when there is no translation. */
export function themeLabel(ctx: ViewContext, theme: string): string {
  const key = `open_data.themes.${theme}`;
  const v = ctx.t(key);
  return v === key ? theme : v;
}

/** The figures the source gives, with the date each holds for and its section. */
export function FiguresTable({ ctx, figures }: { ctx: ViewContext; figures: Figure[] }) {
  const { t } = ctx;
  return (
    <div class="krds-table-wrap">
      <table class="tbl col data figures-table">
        <caption class="sr-only" safe>
          {t('open_data.figures')}
        </caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('open_data.figure')}</th>
            <th scope="col" safe>{t('open_data.value')}</th>
            <th scope="col" safe>{t('open_data.as_of')}</th>
            <th scope="col" safe>{t('open_data.source')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr>
              <td lang={langOfText(ctx, f.label)} safe>{f.label}</td>
              <td lang={langOfText(ctx, f.value)} safe>{f.value}</td>
              <td safe>{f.as_of ?? t('open_data.not_given')}</td>
              <td lang={langOfText(ctx, f.source)} safe>{f.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
