// Errors as RFC 9457 problem details. Expected failures are thrown as HttpProblem with a
// detail written for the person who sent the request; anything else is a 500 and is logged.
// Texts are catalog messages (key and parameters): pages show them in the reader's language,
// the JSON API in English unless it asks for `?lang=ko`.
import type { T } from '../i18n/i18n.ts';
import { english, isMsg, msg, translate, type MessageKey, type Msg, type Params } from '../i18n/message.ts';

export interface FieldError {
  field: string;
  /** English text, for API clients; `key` and `params` give it in any language. */
  message: string;
  key?: MessageKey;
  params?: Params;
}

/** A field error from the catalog: the English `message` is derived from the English texts. */
export function fieldError(field: string, key: MessageKey, params?: Params): FieldError {
  const m = msg(key, params);
  return { field, message: english(m), ...m };
}

/** The error's text in the language of `t` (a message built without a key is shown as written). */
export function errorText(t: T, e: { message: string; key?: MessageKey; params?: Params }): string {
  return e.key ? translate(t, { key: e.key, ...(e.params ? { params: e.params } : {}) }) : e.message;
}

/** The errors for one form field, in the reader's language, joined for its inline message. */
export function errorFor(t: T, errors: FieldError[], field: string): string | undefined {
  return errors.filter((e) => e.field === field).map((e) => errorText(t, e)).join(' ') || undefined;
}

export class HttpProblem extends Error {
  override name = 'HttpProblem';
  readonly detail: string;
  /** The detail as a catalog message, when it was given as one. */
  readonly text: Msg | null;
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string | Msg,
    readonly errors: FieldError[] = [],
  ) {
    const text = isMsg(detail) ? detail : null;
    const english_ = text ? english(text) : (detail as string);
    super(english_);
    this.detail = english_;
    this.text = text;
  }

  /** The detail in the language of `t`. */
  detailIn(t: T): string {
    return this.text ? translate(t, this.text) : this.detail;
  }
}

type Detail = string | Msg;
export const badRequest = (detail: Detail, errors: FieldError[] = []) => new HttpProblem(400, 'Bad Request', detail, errors);
export const unauthorized = (detail: Detail = msg('error.problem.unauthorized')) => new HttpProblem(401, 'Unauthorized', detail);
export const forbidden = (detail: Detail = msg('error.problem.forbidden')) => new HttpProblem(403, 'Forbidden', detail);
export const notFound = (detail: Detail = msg('error.problem.not_found')) => new HttpProblem(404, 'Not Found', detail);
export const payloadTooLarge = (detail: Detail) => new HttpProblem(413, 'Payload Too Large', detail);
export const unsupportedMediaType = (detail: Detail) => new HttpProblem(415, 'Unsupported Media Type', detail);
export const serviceUnavailable = (detail: Detail) => new HttpProblem(503, 'Service Unavailable', detail);

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** The code of the error the per-address rate limit throws (src/platform/http/security.ts). */
export const RATE_LIMITED = 'MADANG_RATE_LIMITED';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  retryAfterSeconds?: number;
  message: string;
  validation?: { instancePath?: string; keyword?: string; message?: string; params?: Record<string, unknown> }[];
  validationContext?: string;
}

/** Turns any error thrown while handling a request into a problem a client can read. */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const e = error as FastifyLikeError;
  if (e && Array.isArray(e.validation)) {
    const errors = e.validation.map((v) => {
      const missing = v.params && typeof v.params.requiredProperties === 'object' ? String((v.params.requiredProperties as string[]).join(', ')) : null;
      const field = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || missing || e.validationContext || 'request';
      return schemaError(field, v.keyword, v.params ?? {});
    });
    const detail = errors.map((x) => `${x.field}: ${x.message}`).join('; ');
    return badRequest(msg('error.problem.invalid', { part: msg(partKey(e.validationContext)), detail }), errors);
  }
  const status = e?.statusCode;
  if (status && status >= 400 && status < 500) {
    const detail: Detail =
      e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET'
        ? msg('error.problem.csrf')
        : e.code === 'FST_REQ_FILE_TOO_LARGE' || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? msg('error.problem.too_large')
          : e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? msg('error.problem.media_type')
            : e.code === RATE_LIMITED
              ? msg('error.problem.rate_limited', { seconds: e.retryAfterSeconds ?? 60 })
              : e.message;
    const finalStatus = e.code === 'FST_REQ_FILE_TOO_LARGE' ? 413 : status;
    return new HttpProblem(finalStatus, TITLES[finalStatus] ?? 'Error', detail);
  }
  return new HttpProblem(500, 'Internal Server Error', msg('error.problem.internal'));
}

const PARTS: Record<string, MessageKey> = { body: 'error.part.body', querystring: 'error.part.querystring', params: 'error.part.params', headers: 'error.part.headers' };
const partKey = (context: string | undefined): MessageKey => PARTS[context ?? ''] ?? 'error.part.request';

/** A typebox/Ajv schema failure as a catalog message, by the keyword that failed. */
function schemaError(field: string, keyword: string | undefined, p: Record<string, unknown>): FieldError {
  const n = (v: unknown) => (typeof v === 'number' ? v : Number(v));
  switch (keyword) {
    case 'required':
      return fieldError(field, 'error.validation.required');
    case 'maxLength':
      return fieldError(field, 'error.validation.max_length', { limit: n(p.limit) });
    case 'minLength':
      return n(p.limit) <= 1 ? fieldError(field, 'error.validation.required') : fieldError(field, 'error.validation.min_length', { limit: n(p.limit) });
    case 'maximum':
      return fieldError(field, 'error.validation.maximum', { limit: n(p.limit) });
    case 'minimum':
      return fieldError(field, 'error.validation.minimum', { limit: n(p.limit) });
    case 'maxItems':
      return fieldError(field, 'error.validation.max_items', { limit: n(p.limit) });
    case 'type':
      return fieldError(field, p.type === 'integer' || p.type === 'number' ? 'error.validation.number' : 'error.validation.invalid');
    case 'pattern':
    case 'format':
      return fieldError(field, 'error.validation.format');
    case 'enum':
    case 'const':
    case 'anyOf':
      return fieldError(field, 'error.validation.choice');
    case 'additionalProperties':
      return fieldError(field, 'error.validation.unknown', { name: String(p.additionalProperty ?? '') });
    default:
      return fieldError(field, 'error.validation.invalid');
  }
}

/** The problem as RFC 9457 JSON; errors carry their catalog key as `code`. `t` picks the language (English by default). */
export function problemBody(p: HttpProblem, instance: string, t?: T) {
  const errors = p.errors.map((e) => ({ field: e.field, message: t ? errorText(t, e) : e.message, ...(e.key ? { code: e.key } : {}) }));
  return {
    type: 'about:blank',
    title: p.title,
    status: p.status,
    detail: t ? p.detailIn(t) : p.detail,
    instance,
    ...(errors.length ? { errors } : {}),
  };
}
