// Errors as RFC 9457 problem details. Expected failures are thrown as HttpProblem with a
// detail written for the person who sent the request; anything else is a 500 and is logged.

export interface FieldError {
  field: string;
  message: string;
}

export class HttpProblem extends Error {
  override name = 'HttpProblem';
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors: FieldError[] = []) => new HttpProblem(400, 'Bad Request', detail, errors);
export const unauthorized = (detail = 'Sign in to do this.') => new HttpProblem(401, 'Unauthorized', detail);
export const forbidden = (detail = 'You are not allowed to do this.') => new HttpProblem(403, 'Forbidden', detail);
export const notFound = (detail = 'There is nothing at this address.') => new HttpProblem(404, 'Not Found', detail);
export const payloadTooLarge = (detail: string) => new HttpProblem(413, 'Payload Too Large', detail);
export const unsupportedMediaType = (detail: string) => new HttpProblem(415, 'Unsupported Media Type', detail);
export const serviceUnavailable = (detail: string) => new HttpProblem(503, 'Service Unavailable', detail);

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

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message: string;
  validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[];
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
      return { field, message: v.message ?? 'is not valid' };
    });
    const detail = errors.map((x) => `${x.field}: ${x.message}`).join('; ');
    return badRequest(`The ${e.validationContext ?? 'request'} is not valid: ${detail}`, errors);
  }
  const status = e?.statusCode;
  if (status && status >= 400 && status < 500) {
    const detail =
      e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET'
        ? 'The form has expired or did not come from this site (missing or invalid CSRF token). Reload the page and try again.'
        : e.code === 'FST_REQ_FILE_TOO_LARGE' || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'The upload is larger than this site accepts.'
          : e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'This content type is not accepted here.'
            : e.message;
    const finalStatus = e.code === 'FST_REQ_FILE_TOO_LARGE' ? 413 : status;
    return new HttpProblem(finalStatus, TITLES[finalStatus] ?? 'Error', detail);
  }
  return new HttpProblem(500, 'Internal Server Error', 'Something went wrong on our side. The error has been logged.');
}

export function problemBody(p: HttpProblem, instance: string) {
  return {
    type: 'about:blank',
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance,
    ...(p.errors.length ? { errors: p.errors } : {}),
  };
}
