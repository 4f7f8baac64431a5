// A structural check of the catalog's JSON-LD, standing in for a JSON-LD processor (the `jsonld`
// package is not installed): it expands every compact IRI against @context the way the
// JSON-LD 1.1 expansion algorithm does for this document's subset (prefixes, @id, @type, @value,
// @language), and throws on anything a processor would reject or drop.
const KEYWORDS = new Set(['@context', '@id', '@type', '@value', '@language']);

function expandIri(term: string, context: Record<string, string>, where: string): string {
  const i = term.indexOf(':');
  if (i <= 0) throw new Error(`${where}: "${term}" is neither a compact IRI nor an absolute IRI`);
  const prefix = term.slice(0, i);
  if (context[prefix]) return context[prefix] + term.slice(i + 1);
  if (/^[a-z][a-z0-9+.-]*$/i.test(prefix) && term.slice(i + 1).startsWith('//')) return term;
  throw new Error(`${where}: the prefix "${prefix}" is not defined in @context`);
}

/** Returns every expanded IRI (properties, types, ids); throws with the path of the first problem. */
export function assertExpandable(doc: unknown): string[] {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('the document must be a JSON object');
  const ctx = (doc as Record<string, unknown>)['@context'];
  if (!ctx || typeof ctx !== 'object') throw new Error('the document has no @context object');
  const context: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx)) {
    if (typeof v !== 'string' || !/^https?:\/\/\S+[#/]$/.test(v)) throw new Error(`@context.${k} must be an IRI ending in # or /`);
    context[k] = v;
  }
  const out: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (node === null) throw new Error(`${path}: null values are dropped by expansion; leave the key out`);
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
    if (typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if ('@value' in o) {
      const extra = Object.keys(o).filter((k) => !KEYWORDS.has(k));
      if (extra.length) throw new Error(`${path}: a value object may not have ${extra.join(', ')}`);
      if ('@language' in o && '@type' in o) throw new Error(`${path}: a value object may not have both @language and @type`);
      if (typeof o['@type'] === 'string') out.push(expandIri(o['@type'], context, `${path}.@type`));
      return;
    }
    for (const [k, v] of Object.entries(o)) {
      if (k === '@context') continue;
      if (k === '@id') {
        if (typeof v !== 'string' || !/^https?:\/\/[^\s]+$/.test(v)) throw new Error(`${path}.@id: "${String(v)}" is not an absolute IRI`);
        out.push(v);
      } else if (k === '@type') {
        out.push(expandIri(String(v), context, `${path}.@type`));
      } else if (k.startsWith('@')) {
        throw new Error(`${path}: unexpected keyword ${k}`);
      } else {
        out.push(expandIri(k, context, `${path}.${k}`));
        walk(v, `${path}.${k}`);
      }
    }
  };
  walk(doc, '$');
  return out;
}
