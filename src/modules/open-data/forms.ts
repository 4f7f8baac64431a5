// Reading form bodies that arrive either urlencoded or multipart (@fastify/multipart attaches fields to the body).
import type { FastifyRequest } from 'fastify';
import { badRequest } from '../../platform/http/errors.ts';
import { msg } from '../../platform/i18n/message.ts';

interface MultipartField {
  value?: unknown;
  filename?: string;
  mimetype?: string;
  toBuffer?: () => Promise<Buffer>;
}

export function formBody(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  if (!body || typeof body !== 'object') throw badRequest(msg('error.field.form_empty'));
  return body as Record<string, unknown>;
}

export function field(body: Record<string, unknown>, name: string): string {
  const raw = body[name];
  const one = Array.isArray(raw) ? raw[0] : raw;
  if (typeof one === 'string') return one;
  const v = (one as MultipartField | undefined)?.value;
  return typeof v === 'string' ? v : '';
}

export async function fileField(body: Record<string, unknown>, name: string): Promise<{ filename: string; data: Buffer } | null> {
  const raw = body[name];
  const one = (Array.isArray(raw) ? raw[0] : raw) as MultipartField | undefined;
  if (!one || typeof one !== 'object' || typeof one.toBuffer !== 'function' || !one.filename) return null;
  return { filename: one.filename, data: await one.toBuffer() };
}
