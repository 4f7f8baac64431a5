// A text to show a person, held as a catalog key and its parameters rather than as words, so
// that each reader gets it in their own language: pages translate it in the request's locale,
// and the JSON API keeps an English rendering derived from the English catalog.
import { translator, type T } from './i18n.ts';
import type { Messages } from './locales/en.ts';

/** Every dotted path to a text in the catalog: a key that is not in it fails the type check. */
type Leaves<M, P extends string = ''> = {
  [K in keyof M & string]: M[K] extends string ? `${P}${K}` : Leaves<M[K], `${P}${K}.`>;
}[keyof M & string];
export type MessageKey = Leaves<Messages>;

/** Values put into a text: numbers and dates stay values (formatted by the catalog's `{{n, number}}`). */
export type Params = { [name: string]: string | number | Msg };

export interface Msg {
  key: MessageKey;
  params?: Params;
}

export const msg = (key: MessageKey, params?: Params): Msg => (params ? { key, params } : { key });

export function isMsg(v: unknown): v is Msg {
  return typeof v === 'object' && v !== null && typeof (v as Msg).key === 'string';
}

/** The text in the language of `t`; a parameter that is itself a message is translated first. */
export function translate(t: T, m: Msg): string {
  if (!m.params) return t(m.key);
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params)) values[k] = isMsg(v) ? translate(t, v) : v;
  return t(m.key, values);
}

const en = translator('en');

/** The English text, for API clients, logs and anything that is not a page. */
export function english(m: Msg): string {
  return translate(en, m);
}
