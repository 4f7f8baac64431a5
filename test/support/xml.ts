// A small strict XML parser for tests: elements, attributes, text, the five entities and numeric
// references, comments and the XML declaration. It throws on anything not well-formed (a tag not
// closed, a stray "<" or "&", an attribute without quotes), which is what a feed test needs.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, at: number): string {
  if (/<|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`not well-formed text near offset ${at}: ${raw.slice(0, 60)}`);
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (_, e: string) => (e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!));
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const skip = () => {
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i))![0].length;
      i += ws;
      if (xml.startsWith('<?', i)) i = xml.indexOf('?>', i) + 2;
      else if (xml.startsWith('<!--', i)) i = xml.indexOf('-->', i) + 3;
      else return;
    }
  };
  const NAME = /^[A-Za-z_][\w.:-]*/;
  function element(): XmlElement {
    if (xml[i] !== '<') throw new Error(`expected an element at offset ${i}`);
    i += 1;
    const name = NAME.exec(xml.slice(i))?.[0];
    if (!name) throw new Error(`bad element name at offset ${i}`);
    i += name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const m = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(xml.slice(i));
      if (!m) break;
      if (Object.hasOwn(attrs, m[1]!)) throw new Error(`duplicate attribute ${m[1]} on <${name}>`);
      attrs[m[1]!] = decode(m[3] ?? m[4] ?? '', i);
      i += m[0].length;
    }
    i += /^\s*/.exec(xml.slice(i))![0].length;
    const el: XmlElement = { name, attrs, children: [], text: '' };
    if (xml.startsWith('/>', i)) {
      i += 2;
      return el;
    }
    if (xml[i] !== '>') throw new Error(`malformed start tag <${name}> at offset ${i}`);
    i += 1;
    for (;;) {
      const next = xml.indexOf('<', i);
      if (next < 0) throw new Error(`<${name}> is never closed`);
      el.text += decode(xml.slice(i, next), i);
      i = next;
      if (xml.startsWith('</', i)) {
        const close = `</${name}>`;
        if (!xml.startsWith(close, i)) throw new Error(`<${name}> closed by ${xml.slice(i, i + 40)}`);
        i += close.length;
        return el;
      }
      if (xml.startsWith('<!--', i)) {
        i = xml.indexOf('-->', i) + 3;
        continue;
      }
      el.children.push(element());
    }
  }
  skip();
  const root = element();
  skip();
  if (i !== xml.length) throw new Error(`content after the root element at offset ${i}`);
  return root;
}

export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
export const childNamed = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
