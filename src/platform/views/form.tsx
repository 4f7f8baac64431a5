import type { Children } from '@kitajs/html';
import { errorText, type FieldError } from '../http/errors.ts';
import type { T } from '../i18n/i18n.ts';

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The error summary KRDS and GOV.UK put at the top of a form: focusable, linked to each field. */
export function ErrorSummary({ t, title, errors }: { t?: T; title: string; errors: FieldError[] }) {
  if (errors.length === 0) return '';
  return (
    <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" safe>
        {title}
      </h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`} safe>
              {t ? errorText(t, e) : e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Field(props: { id: string; label: string; hint?: string; error?: string; children?: Children }) {
  return (
    <div class={`form-group${props.error ? ' is-error' : ''}`}>
      <div class="form-tit">
        <label for={props.id} safe>
          {props.label}
        </label>
      </div>
      {props.hint ? (
        <p class="form-hint" id={`${props.id}-hint`} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      {props.error ? (
        <p class="form-error" id={`${props.id}-error`} safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
      <div class="form-conts">{props.children}</div>
    </div>
  );
}

/** A labelled select whose first option, when `all` is given, means "no filter". */
export function SelectField(props: { id: string; label: string; value: string; options: { value: string; label: string; lang?: string | undefined }[]; all?: string }) {
  return (
    <div class="form-group">
      <div class="form-tit">
        <label for={props.id} safe>
          {props.label}
        </label>
      </div>
      <div class="form-conts">
        <select id={props.id} name={props.id} class="krds-form-select">
          {props.all !== undefined ? (
            <option value="" selected={props.value === ''} safe>
              {props.all}
            </option>
          ) : (
            ''
          )}
          {props.options.map((o) => (
            <option value={o.value} selected={props.value === o.value} lang={o.lang} safe>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** A radio button or checkbox in KRDS's pattern: the input is visually hidden and its label draws the box. */
export function Check(props: { type: 'radio' | 'checkbox'; id: string; name: string; value: string; label: string; checked: boolean }) {
  return (
    <div class="krds-form-check medium">
      <input type={props.type} id={props.id} name={props.name} value={props.value} checked={props.checked} />
      <label for={props.id} safe>
        {props.label}
      </label>
    </div>
  );
}
