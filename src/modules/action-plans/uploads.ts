// What a file is, read from its first bytes: the type a browser claims is not trusted.

const ZIP_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);

function isUtf8Text(data: Buffer): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/** The content type a file really has, or null when its bytes match no accepted kind. */
export function sniffContentType(data: Buffer, claimed: string): string | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return ZIP_TYPES.has(claimed) ? claimed : null;
  if (isUtf8Text(data)) {
    // Text that is really markup would run as a page if it were ever served inline.
    const head = data.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
    if (head.startsWith('<') && /<(html|script|svg|!doctype)/.test(head)) return null;
    return claimed === 'text/csv' ? 'text/csv' : 'text/plain';
  }
  return null;
}
