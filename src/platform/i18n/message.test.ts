import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badRequest, errorFor, errorText, fieldError, forbidden, problemBody, toProblem } from '../http/errors.ts';
import { translator } from './i18n.ts';
import { en } from './locales/en.ts';
import { ko } from './locales/ko.ts';
import { english, msg, translate, type MessageKey } from './message.ts';

const enT = translator('en');
const koT = translator('ko');

test('a key with parameters reads in both languages; its English is derived from the English catalog', () => {
  const m = msg('error.field.title_too_long', { max: 200 });
  assert.equal(translate(enT, m), 'The title is too long: at most 200 characters.');
  assert.equal(translate(koT, m), '제목이 너무 깁니다. 200자 이내로 입력하세요.');
  assert.equal(english(m), translate(enT, m));
});

test('numbers given to `{{x, number}}` are grouped in the reader’s locale, and counts choose the plural', () => {
  assert.equal(translate(enT, msg('proposals.errors.description_long', { max: 10_000 })), 'The description is too long: at most 10,000 characters.');
  assert.equal(translate(koT, msg('proposals.errors.description_long', { max: 10_000 })), '설명이 너무 깁니다. 10,000자 이내로 입력하세요.');
  assert.equal(enT('open_data.table.results', { count: 1 }), '1 matching row');
  assert.equal(enT('open_data.table.results', { count: 12345 }), '12,345 matching rows');
});

test('a parameter that is itself a message is translated in the same language', () => {
  const m = msg('petitions.errors.too_long', { what: msg('petitions.errors.what_title'), max: 200 });
  assert.equal(translate(enT, m), 'The title is too long: at most 200 characters.');
  assert.equal(translate(koT, m), '제목 항목이 너무 깁니다. 200자 이내로 입력하세요.');
});

test('a field error carries its key and parameters and an English message; views read it in their language', () => {
  const e = fieldError('title', 'error.field.max_chars', { max: 40 });
  assert.deepEqual(e, { field: 'title', message: 'At most 40 characters.', key: 'error.field.max_chars', params: { max: 40 } });
  assert.equal(errorText(koT, e), '40자 이내로 입력하세요.');
  assert.equal(errorText(enT, e), 'At most 40 characters.');
  assert.equal(errorFor(koT, [e, fieldError('body', 'error.field.form_empty')], 'title'), '40자 이내로 입력하세요.');
  assert.equal(errorFor(koT, [e], 'other'), undefined);
  // An error built without a key (free text) is shown as written.
  assert.equal(errorText(koT, { message: 'As written' }), 'As written');
});

test('problem+json keeps the English detail and messages and adds each error’s key as `code`; ?lang=ko gives Korean', () => {
  const p = badRequest(msg('error.problem.listed', { detail: 'At most 40 characters.' }), [fieldError('title', 'error.field.max_chars', { max: 40 })]);
  const body = problemBody(p, '/x');
  assert.equal(body.detail, 'At most 40 characters.');
  assert.deepEqual(body.errors, [{ field: 'title', message: 'At most 40 characters.', code: 'error.field.max_chars' }]);
  const inKorean = problemBody(p, '/x', koT);
  assert.equal(inKorean.errors![0]!.message, '40자 이내로 입력하세요.');
  assert.match(inKorean.detail, /입력한 내용이 올바르지 않습니다/);
  assert.equal(forbidden().detail, 'You are not allowed to do this.');
  assert.equal(forbidden().detailIn(koT), '이 작업을 할 권한이 없습니다.');
});

test('schema-validation failures become catalog messages with their limits as parameters', () => {
  const p = toProblem({ statusCode: 400, message: 'x', validationContext: 'body', validation: [{ instancePath: '/title', keyword: 'maxLength', params: { limit: 200 } }, { instancePath: '', keyword: 'required', params: { missingProperty: 'body' } }] });
  assert.equal(p.status, 400);
  assert.equal(p.errors[0]!.message, 'must be at most 200 characters');
  assert.equal(errorText(koT, p.errors[0]!), '200자 이내로 입력하세요');
  assert.equal(p.errors[1]!.key, 'error.validation.required');
  assert.match(p.detail, /^The body is not valid: title: must be at most 200 characters/);
});

test('both catalogs hold the same keys, every text non-empty, with the same parameters', () => {
  const leaves = (o: object, prefix = ''): Map<string, string> => {
    const out = new Map<string, string>();
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string') out.set(prefix + k, v);
      else for (const [kk, vv] of leaves(v as object, `${prefix}${k}.`)) out.set(kk, vv);
    }
    return out;
  };
  const e = leaves(en);
  const k = leaves(ko);
  assert.deepEqual([...k.keys()].sort(), [...e.keys()].sort());
  const params = (s: string) => [...s.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();
  // Error texts must carry the same values in both languages (a Korean summary may leave out a list it says to read below).
  const mismatched = [...e].filter(([key, text]) => /\.errors\.|^error\.(field|validation|policy)\./.test(key) && JSON.stringify(params(text)) !== JSON.stringify(params(k.get(key)!)));
  assert.deepEqual(mismatched, []);
  for (const [key, text] of k) assert.ok(text.trim() !== '', `empty Korean text for ${key}`);
});

test('a key that is not in the catalog does not type-check', () => {
  // @ts-expect-error: not a key of the catalog
  const bad: MessageKey = 'error.field.no_such_key';
  assert.equal(typeof bad, 'string');
  // @ts-expect-error: a key must lead to a text, not to a group of texts
  fieldError('x', 'error.field');
});
