import { isCountryCode, type ListEntry } from '../../domain/index.js';
import { countryCode } from './countries.js';
import { parseDate } from './fields.js';
import { assignIds } from './ids.js';
import { isoDatePart, listFileError, type ParsedListSource } from './source.js';
import { child, children, parseXml, text, type XmlNode } from './xml.js';

/**
 * The EU Financial Sanctions Files (FSF) full list, XML 1.1
 * (`xmlFullSanctionsList_1_1`, namespace `http://eu.europa.ec/fpi/fsd/export`):
 * `export@generationDate`, then one `sanctionEntity` per designation with
 * `@logicalId` (the EU's stable id), `@euReferenceNumber`, `@unitedNationId`,
 * `subjectType@code` (person / enterprise), `regulation` elements
 * (`@numberTitle`, `@publicationDate`, `@programme`), `nameAlias@wholeName`,
 * `citizenship@countryIso2Code` and `address` (`@street`, `@city`,
 * `@zipCode`, `@countryIso2Code`, `@countryDescription`). One list: `eu.fsf`.
 */
export const EU_FSF_LIST_ID = 'eu.fsf';

const REPEATED = ['sanctionEntity', 'regulation', 'nameAlias', 'citizenship', 'address', 'birthdate', 'identification', 'remark'];
const TYPES: Record<string, ListEntry['type']> = { person: 'individual', enterprise: 'entity', vessel: 'vessel', aircraft: 'aircraft' };

const attr = (n: XmlNode | undefined, name: string): string | undefined => (n ? text(n[`@_${name}`]) : undefined);

function country(n: XmlNode): string | undefined {
  const iso = attr(n, 'countryIso2Code')?.toUpperCase();
  // "00" is the FSF's "unknown country".
  if (iso && isCountryCode(iso)) return iso;
  return countryCode(attr(n, 'countryDescription'));
}

function addressText(a: XmlNode): string | undefined {
  const parts = ['street', 'poBox', 'city', 'zipCode', 'region', 'place'].map((k) => attr(a, k)).filter(Boolean);
  const c = attr(a, 'countryDescription');
  if (c && c !== 'UNKNOWN') parts.push(c);
  return parts.join(', ') || undefined;
}

function entryFrom(n: XmlNode, where: string, source: string): ListEntry {
  const logicalId = attr(n, 'logicalId');
  if (!logicalId) throw listFileError(source, where, 'has no logicalId');
  const names = children(n, 'nameAlias')
    .map((a) => attr(a, 'wholeName') ?? [attr(a, 'firstName'), attr(a, 'middleName'), attr(a, 'lastName')].filter(Boolean).join(' '))
    .filter((s) => !!s);
  if (names.length === 0) throw listFileError(source, `${where} (logicalId ${logicalId})`, 'has no nameAlias with a wholeName');
  const regulations = children(n, 'regulation');
  const dates = regulations.map((r) => parseDate(attr(r, 'publicationDate'))).filter((d): d is string => !!d).sort();
  const countries = new Set<string>();
  for (const c of [...children(n, 'citizenship'), ...children(n, 'address')].map(country)) if (c) countries.add(c);
  const code = attr(child(n, 'subjectType'), 'code') ?? '';
  const refs = [attr(n, 'euReferenceNumber'), attr(n, 'unitedNationId') ? `UN ${attr(n, 'unitedNationId')}` : undefined].filter(Boolean);
  return {
    id: '',
    list: EU_FSF_LIST_ID,
    name: names[0]!,
    altNames: [...new Set(names.slice(1))].filter((a) => a !== names[0]),
    type: TYPES[code.toLowerCase()] ?? 'entity',
    countries: [...countries],
    addresses: children(n, 'address').map(addressText).filter((a): a is string => !!a),
    citation: [...new Set(regulations.map((r) => attr(r, 'numberTitle')).filter(Boolean))].join('; ') || undefined,
    startDate: parseDate(attr(n, 'designationDate')) ?? dates[0],
    programs: [...new Set(regulations.map((r) => attr(r, 'programme')).filter((p): p is string => !!p))],
    remarks: [refs.join(', '), ...children(n, 'remark').map((r) => text(r))].filter(Boolean).join(' — ') || undefined,
    sourceId: logicalId,
  };
}

export function parseEuFsfXml(xml: string, source = 'EU FSF XML'): ParsedListSource {
  const doc = parseXml(xml, source, REPEATED);
  const root = child(doc, 'export');
  if (!root) throw listFileError(source, 'root element', `expected export (the FSF full list), found ${Object.keys(doc).filter((k) => !k.startsWith('?')).join(', ') || 'nothing'}`);
  const entries = children(root, 'sanctionEntity').map((n, i) => entryFrom(n, `sanctionEntity[${i + 1}]`, source));
  const generated = attr(root, 'generationDate');
  const sourceDate = isoDatePart(generated);
  if (generated && !sourceDate) throw listFileError(source, 'export/@generationDate', `${JSON.stringify(generated)} is not a date`);
  assignIds(entries, (e) => `#${e.sourceId}`);
  return { entries, sourceDate, sourceDateKind: sourceDate ? 'publisher' : undefined, sourceDateField: sourceDate ? 'export/@generationDate' : undefined };
}
