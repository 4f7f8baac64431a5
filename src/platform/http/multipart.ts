// Reading a form that came as multipart (with files) or urlencoded, the same way for every module.

interface MultipartField {
  value?: unknown;
  filename?: string;
  mimetype?: string;
  toBuffer?: () => Promise<Buffer>;
}

/** A text field: the first value given, '' when absent. */
export function formField(body: Record<string, unknown>, name: string): string {
  const raw = body[name];
  const one = Array.isArray(raw) ? raw[0] : raw;
  if (typeof one === 'string') return one;
  const v = (one as MultipartField | undefined)?.value;
  return typeof v === 'string' ? v : '';
}

/** The files sent under a name, read into memory (the size was bounded by the multipart limits). */
export async function formFiles(body: Record<string, unknown>, name: string): Promise<{ filename: string; mimetype: string; data: Buffer }[]> {
  const raw = body[name];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const out: { filename: string; mimetype: string; data: Buffer }[] = [];
  for (const f of list as MultipartField[]) {
    if (!f || typeof f !== 'object' || typeof f.toBuffer !== 'function' || !f.filename) continue;
    out.push({ filename: f.filename, mimetype: f.mimetype ?? 'application/octet-stream', data: await f.toBuffer() });
  }
  return out;
}
