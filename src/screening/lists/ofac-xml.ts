import type { ListEntry } from '../../domain/index.js';
import { countryCode } from './countries.js';
import { parseDate } from './fields.js';
import { assignIds } from './ids.js';
import { listFileError, type ParsedListSource } from './source.js';
import { child, children, parseXml, text, texts, type XmlNode } from './xml.js';

/**
 * OFAC's legacy XML (`sdn.xml`, and `consolidated.xml` for the non-SDN lists),
 * schema `sdnList.xsd`: `sdnList/publshInformation/Publish_Date` (MM/DD/YYYY,
 * the publisher's spelling of "publish") and one `sdnEntry` per party with
 * `uid` (the same number as `ent_num` in the CSV files), `lastName` and
 * `firstName`, `sdnType`, `programList/program`, `akaList/aka`,
 * `addressList/address`, `idList/id`, nationality and citizenship lists.
 * Names are written "LAST, First" as the CSV files do, and ids come from the
 * uid, so an entry keeps its id whether it was loaded from XML, CSV or the CSL.
 */
const REPEATED = ['sdnEntry', 'program', 'aka', 'address', 'id', 'nationality', 'citizenship', 'dateOfBirthItem', 'placeOfBirthItem'];
const TYPES: Record<string, ListEntry['type']> = { individual: 'individual', entity: 'entity', vessel: 'vessel', aircraft: 'aircraft' };

function personName(n: XmlNode): string {
  const last = text(n.lastName);
  const first = text(n.firstName);
  return last && first ? `${last}, ${first}` : (last ?? first ?? '');
}

function addressText(a: XmlNode): string | undefined {
  return ['address1', 'address2', 'address3', 'city', 'stateOrProvince', 'postalCode', 'country'].map((k) => text(a[k])).filter(Boolean).join(', ') || undefined;
}

function entryFrom(n: XmlNode, list: string, where: string, source: string): ListEntry {
  const uid = text(n.uid);
  if (!uid || !/^\d+$/.test(uid)) throw listFileError(source, where, `uid ${JSON.stringify(uid ?? '')} is not a number`);
  const name = personName(n);
  if (!name) throw listFileError(source, `${where} (uid ${uid})`, 'has neither lastName nor firstName');
  const rawType = text(n.sdnType) ?? '';
  const type = TYPES[rawType.toLowerCase()];
  if (!type) throw listFileError(source, `${where} (uid ${uid})`, `sdnType ${JSON.stringify(rawType)} is not Individual, Entity, Vessel or Aircraft`);
  const addresses = children(child(n, 'addressList'), 'address');
  const countries = new Set<string>();
  const countryTexts = [
    ...addresses.map((a) => text(a.country)),
    ...children(child(n, 'nationalityList'), 'nationality').map((x) => text(x.country)),
    ...children(child(n, 'citizenshipList'), 'citizenship').map((x) => text(x.country)),
  ];
  for (const c of countryTexts) {
    const code = countryCode(c);
    if (code) countries.add(code);
  }
  return {
    id: '',
    list,
    name,
    altNames: children(child(n, 'akaList'), 'aka').map(personName).filter(Boolean),
    type,
    countries: [...countries],
    addresses: addresses.map(addressText).filter((a): a is string => !!a),
    programs: texts(child(n, 'programList'), 'program'),
    remarks: [text(n.title), text(n.remarks)].filter(Boolean).join('; ') || undefined,
    sourceId: uid,
  };
}

/** `list` is the list the file holds: `us.ofac.sdn` for sdn.xml, `us.ofac.consolidated` for consolidated.xml. */
export function parseOfacXml(xml: string, list = 'us.ofac.sdn', source = 'OFAC XML'): ParsedListSource {
  const doc = parseXml(xml, source, REPEATED);
  const root = child(doc, 'sdnList');
  if (!root) throw listFileError(source, 'root element', `expected sdnList, found ${Object.keys(doc).filter((k) => !k.startsWith('?')).join(', ') || 'nothing'}`);
  const entries = children(root, 'sdnEntry').map((n, i) => entryFrom(n, list, `sdnEntry[${i + 1}]`, source));
  const published = text(child(root, 'publshInformation')?.Publish_Date);
  const sourceDate = parseDate(published);
  if (published && !sourceDate) throw listFileError(source, 'publshInformation/Publish_Date', `${JSON.stringify(published)} is not a date (MM/DD/YYYY)`);
  assignIds(entries, (e) => `#${e.sourceId}`);
  return { entries, sourceDate, sourceDateKind: sourceDate ? 'publisher' : undefined, sourceDateField: sourceDate ? 'publshInformation/Publish_Date' : undefined };
}
