// HTML to text: readable text, the heading case and the line break choice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runModule } from '../../../test/support/module-context.ts';
import { htmlToText } from './html-to-text.ts';

const HTML =
  '<h2>Weekly news</h2><p>Read <a href="https://example.com/a">this</a> &amp; that.</p>' +
  '<ul><li>one</li><li>two</li></ul><table><tr><th>Name</th><th>Qty</th></tr><tr><td>Apple</td><td>3</td></tr></table>';

test('converts HTML to text with upper-case headings and LF line breaks', async () => {
  const [bundle] = await runModule(htmlToText, { mapper: { html: HTML, newline: 'lf', uppercaseHeadings: true } });
  assert.deepEqual(bundle, { text: 'WEEKLY NEWS\n\nRead this [https://example.com/a] & that.\n\n * one\n * two\n\nNAME    QTY\nApple   3' });
});

test('keeps the headings case when the checkbox is off, and writes CRLF or CR line breaks', async () => {
  const [crlf] = await runModule(htmlToText, { mapper: { html: '<h1>Hi there</h1><p>a<br>b</p>', newline: 'crlf', uppercaseHeadings: false } });
  assert.deepEqual(crlf, { text: 'Hi there\r\n\r\na\r\nb' });
  const [cr] = await runModule(htmlToText, { mapper: { html: '<p>a</p><p>b</p>', newline: 'cr', uppercaseHeadings: true } });
  assert.deepEqual(cr, { text: 'a\r\rb' });
});

test('blank HTML gives empty text; an unknown line break fails validation', async () => {
  assert.deepEqual(await runModule(htmlToText, { mapper: { html: null } }), [{ text: '' }]);
  await assert.rejects(runModule(htmlToText, { mapper: { html: '<p>x</p>', newline: 'windows' } }), { name: 'BundleValidationError' });
});
