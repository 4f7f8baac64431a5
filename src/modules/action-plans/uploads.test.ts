import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sniffContentType } from './uploads.ts';

test('a file is what its bytes say, not what the browser claims', () => {
  assert.equal(sniffContentType(Buffer.from('%PDF-1.7\n...'), 'image/png'), 'application/pdf');
  assert.equal(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'application/pdf'), 'image/png');
  assert.equal(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'), 'image/jpeg');
  assert.equal(sniffContentType(Buffer.from('a,b\n1,2\n'), 'text/csv'), 'text/csv');
  assert.equal(sniffContentType(Buffer.from('회의록 요약'), 'text/plain'), 'text/plain');
});

test('executables, markup and unknown zips are refused', () => {
  assert.equal(sniffContentType(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'application/pdf'), null);
  assert.equal(sniffContentType(Buffer.from('<!doctype html><script>alert(1)</script>'), 'text/plain'), null);
  assert.equal(sniffContentType(Buffer.from('<svg onload=alert(1)>'), 'image/png'), null);
  assert.equal(sniffContentType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'application/zip'), null);
});
