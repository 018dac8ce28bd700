import type { ListEntry } from '../../domain/index.js';
import { countryCode } from './countries.js';
import { parseDate } from './fields.js';
import { assignIds } from './ids.js';
import { isoDatePart, listFileError, type ParsedListSource } from './source.js';
import { child, children, parseXml, text, texts, type XmlNode } from './xml.js';

/**
 * The UN Security Council Consolidated List XML (scsanctions.un.org
 * `consolidated.xml`): `CONSOLIDATED_LIST@dateGenerated`, then
 * `INDIVIDUALS/INDIVIDUAL` and `ENTITIES/ENTITY`, each with `REFERENCE_NUMBER`
 * (the UN's permanent reference, e.g. `KPe.001`), `UN_LIST_TYPE` (the
 * sanctions regime), `LISTED_ON`, names, aliases and addresses. All of it is
 * one list, `un.sc.consolidated`; the regime is each entry's `programs`.
 */
export const UN_LIST_ID = 'un.sc.consolidated';

const REPEATED = ['INDIVIDUAL', 'ENTITY', 'INDIVIDUAL_ALIAS', 'ENTITY_ALIAS', 'INDIVIDUAL_ADDRESS', 'ENTITY_ADDRESS', 'VALUE', 'NATIONALITY', 'DESIGNATION', 'TITLE'];

function addressText(a: XmlNode): string | undefined {
  const parts = ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY'].map((k) => text(a[k])).filter(Boolean);
  const note = text(a.NOTE);
  const line = parts.join(', ');
  return line ? (note ? `${line} (${note})` : line) : undefined;
}

function entryFrom(node: XmlNode, kind: 'individual' | 'entity', where: string, source: string): ListEntry {
  const name = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((k) => text(node[k])).filter(Boolean).join(' ');
  if (!name) throw listFileError(source, where, 'has no name (FIRST_NAME is empty)');
  const ref = text(node.REFERENCE_NUMBER);
  if (!ref) throw listFileError(source, where, `"${name}" has no REFERENCE_NUMBER`);
  const aliasKey = kind === 'individual' ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS';
  const addressKey = kind === 'individual' ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS';
  const original = text(node.NAME_ORIGINAL_SCRIPT);
  const altNames = [...children(node, aliasKey).map((a) => text(a.ALIAS_NAME)), original].filter((n): n is string => !!n && n !== name);
  const addressNodes = children(node, addressKey);
  const countries = new Set<string>();
  for (const c of [...children(node, 'NATIONALITY').flatMap((n) => texts(n, 'VALUE')), ...addressNodes.map((a) => text(a.COUNTRY))]) {
    const code = countryCode(c);
    if (code) countries.add(code);
  }
  const regime = text(node.UN_LIST_TYPE);
  const listedOn = text(node.LISTED_ON);
  const startDate = parseDate(listedOn);
  if (listedOn && !startDate) throw listFileError(source, `${where} (${ref})`, `LISTED_ON ${JSON.stringify(listedOn)} is not a date`);
  const designation = children(node, 'DESIGNATION').flatMap((d) => texts(d, 'VALUE'));
  return {
    id: '',
    list: UN_LIST_ID,
    name,
    altNames: [...new Set(altNames)],
    type: kind,
    countries: [...countries],
    addresses: addressNodes.map(addressText).filter((a): a is string => !!a),
    citation: `UN Security Council ${regime ? `${regime} ` : ''}sanctions list, ${ref}`,
    startDate,
    programs: regime ? [regime] : [],
    remarks: [designation.join('; '), text(node.COMMENTS1)].filter(Boolean).join(' — ') || undefined,
    sourceId: ref,
  };
}

export function parseUnConsolidatedXml(xml: string, source = 'UN consolidated XML'): ParsedListSource {
  const doc = parseXml(xml, source, REPEATED);
  const root = child(doc, 'CONSOLIDATED_LIST');
  if (!root) throw listFileError(source, 'root element', `expected CONSOLIDATED_LIST, found ${Object.keys(doc).filter((k) => !k.startsWith('?')).join(', ') || 'nothing'}`);
  const entries: ListEntry[] = [];
  children(child(root, 'INDIVIDUALS'), 'INDIVIDUAL').forEach((n, i) => entries.push(entryFrom(n, 'individual', `INDIVIDUAL[${i + 1}]`, source)));
  children(child(root, 'ENTITIES'), 'ENTITY').forEach((n, i) => entries.push(entryFrom(n, 'entity', `ENTITY[${i + 1}]`, source)));
  const generated = text(root['@_dateGenerated']);
  const sourceDate = isoDatePart(generated);
  if (generated && !sourceDate) throw listFileError(source, 'CONSOLIDATED_LIST/@dateGenerated', `${JSON.stringify(generated)} is not a date`);
  // The reference number is the UN's permanent identifier for a listing; it never moves to another party.
  assignIds(entries, (e) => `#${e.sourceId}`);
  return { entries, sourceDate, sourceDateKind: sourceDate ? 'publisher' : undefined, sourceDateField: sourceDate ? 'CONSOLIDATED_LIST/@dateGenerated' : undefined };
}
