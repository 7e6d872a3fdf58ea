// File names of downloads: Content-Disposition (filename*, quoted, bare) and the URL path.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileNameFromDisposition, responseFileName } from './file-name.ts';

test('filename* wins, quoted names are unescaped, bare names trimmed', () => {
  assert.equal(fileNameFromDisposition(`attachment; filename="a.pdf"; filename*=UTF-8''%C4%8Dek.pdf`), 'ček.pdf');
  assert.equal(fileNameFromDisposition('attachment; filename="say \\"hi\\".txt"'), 'say "hi".txt');
  assert.equal(fileNameFromDisposition('inline; filename=report.csv ; size=3'), 'report.csv');
  assert.equal(fileNameFromDisposition('attachment'), undefined);
  assert.equal(fileNameFromDisposition(undefined), undefined);
});

test('without Content-Disposition the URL path names the file, else "file"', () => {
  assert.equal(responseFileName(undefined, 'https://cdn.example.com/img/photo%201.jpg?size=2'), 'photo 1.jpg');
  assert.equal(responseFileName(undefined, 'https://cdn.example.com/'), 'file');
});
