import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { listFileError } from './source.js';

/**
 * XML for the list loaders: validated first (so a truncated download or an
 * HTML error page is refused naming the line), then parsed into plain objects
 * in one linear pass. Attributes are `@_name`; elements that may repeat are
 * always arrays so a list with one entry reads like a list with many.
 */
export type XmlNode = Record<string, unknown>;

export function parseXml(text: string, source: string, repeated: readonly string[]): XmlNode {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw listFileError(source, 'line 1', 'the file is empty; expected XML');
  const valid = XMLValidator.validate(body, { allowBooleanAttributes: true });
  if (valid !== true) throw listFileError(source, `line ${valid.err.line}, column ${valid.err.col}`, `not well-formed XML (${valid.err.msg})`);
  const set = new Set(repeated);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => set.has(name),
  });
  try {
    return parser.parse(body) as XmlNode;
  } catch (err) {
    throw listFileError(source, undefined, `not well-formed XML (${(err as Error).message})`);
  }
}

/** The text of an element or attribute value (elements with attributes keep their text in `#text`). */
export function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    const s = String(v).trim();
    return s || undefined;
  }
  if (typeof v === 'object' && !Array.isArray(v)) return text((v as XmlNode)['#text']);
  return undefined;
}

/** The child nodes named `key` (always an array; text-only children become `{ '#text': … }`). */
export function children(node: unknown, key: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const v = (node as XmlNode)[key];
  const arr = Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v];
  return arr.map((x) => (x && typeof x === 'object' ? (x as XmlNode) : { '#text': x }));
}

/** The first child named `key`, or undefined. */
export function child(node: unknown, key: string): XmlNode | undefined {
  return children(node, key)[0];
}

/** Text of each `key` child. */
export function texts(node: unknown, key: string): string[] {
  return children(node, key)
    .map((c) => text(c))
    .filter((s): s is string => !!s);
}
