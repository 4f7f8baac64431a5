import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '../i18n/i18n.ts';
import { JoinedText, langOfText, MarkedText } from './lang.tsx';

const ko = { locale: 'ko' as const, t: translator('ko') };
const en = { locale: 'en' as const, t: translator('en') };

test("langOfText names the page's other language only for text written wholly in it", () => {
  assert.equal(langOfText(ko, 'Ministry of Environment'), 'en');
  assert.equal(langOfText(ko, '환경부'), undefined);
  assert.equal(langOfText(ko, 'OGP 실행계획'), undefined, 'mixed text keeps the page language');
  assert.equal(langOfText(ko, '2018-2020'), undefined, 'no words, no language');
  assert.equal(langOfText(en, '광화문 1번가'), 'ko');
  assert.equal(langOfText(en, 'Gwanghwamoon 1st Street (광화문 1번가)'), undefined);
  assert.equal(langOfText(en, 'Ministry of Environment'), undefined);
  assert.equal(langOfText(ko, null), undefined);
});

test('MarkedText marks an English name inside a Korean sentence, and escapes both', () => {
  const html = String(<MarkedText ctx={ko} k="proposals.queue_title" params={{ org: 'Ministry <of> Environment' }} />);
  assert.equal(html, '<span lang="en">Ministry &lt;of> Environment</span>에 전달된 제안');
  assert.equal(String(<MarkedText ctx={ko} k="proposals.queue_title" params={{ org: '환경부' }} />), '환경부에 전달된 제안');
  assert.equal(String(<MarkedText ctx={en} k="proposals.queue_title" params={{ org: 'Ministry of Environment' }} />), 'Proposals routed to Ministry of Environment');
});

test('JoinedText joins the parts it is given, each foreign one in its own span', () => {
  const html = String(<JoinedText ctx={ko} parts={['Ministry of Environment', '', '보건', null, 'A & B']} />);
  assert.equal(html, '<span lang="en">Ministry of Environment</span> · 보건 · A &amp; B');
});

test('MarkedText keeps a name holding its own marker character whole, instead of failing the page', () => {
  assert.equal(String(<MarkedText ctx={ko} k="proposals.queue_title" params={{ org: '환경\u00001\u0000부' }} />), '환경1부에 전달된 제안');
  assert.equal(String(<MarkedText ctx={ko} k="proposals.queue_title" params={{ org: '{{org}}' }} />), '<span lang="en">{{org}}</span>에 전달된 제안');
});
