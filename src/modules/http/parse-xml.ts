// Parses an XML response the way Make's HTTP and XML apps present it: the root element is a collection, every child
// element is an array, attributes sit under `_attributes`, and text beside attributes or children under `_value`.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MakeError } from '../../executor/make-error.ts';

// Corpus evidence: `{{541.data.response.operation[].result[].data[].`_attributes`.totalcount}}` and leaf elements
// mapped as arrays (`status[]`, `RECORDNO[]`) [corpus: InduArul checkflo-Intacct flow]. GUESS: `_value` for text.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '_attributes',
  textNodeName: '_value',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  isArray: (_name, jpath, _isLeaf, isAttribute) => !isAttribute && String(jpath).includes('.'),
});

/** The parsed document; malformed XML is a DataError naming the line. */
export function parseXml(text: string): unknown {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new MakeError('DataError', `The response is not valid XML: ${valid.err.msg} (line ${valid.err.line}).`);
  return parser.parse(text);
}
