/**
 * Words for people in place of the identifiers the engine works with (issue 15, "words for
 * people"): fact paths (`parties[0].headquarters`), classification codes (`NOT_3A090`) and the
 * like. The identifiers stay in the JSON; these labels are what the CLI tables and the web app
 * print. Numbering starts at 1, as the form and the CSV do ("Party 1", "Item 1").
 *
 * No imports: the web app bundles this module as it is.
 */

/** Labels of the fields a transaction path can end in (the form's own words). */
export const FIELD_LABEL: Readonly<Record<string, string>> = {
  name: 'name',
  role: 'role',
  country: 'country',
  headquarters: 'headquarters',
  ultimateParent: 'ultimate parent',
  type: 'type of business',
  address: 'address',
  aliases: 'other names',
  owners: 'owners',
  'listedOwnership.pct': 'share held by listed owners (%)',
  model: 'model',
  kind: 'kind',
  quantity: 'quantity',
  value: 'value',
  origin: 'country of origin',
  usContentPct: 'US-controlled content (%)',
  usTechnologyDirectProduct: 'made from US technology or software',
  madeWithUsTools: 'made with US tools',
  datacenter: 'designed or marketed for data centres',
  eccn: 'export control classification',
  performance: 'performance figures',
  dies: 'dies',
  memoryBandwidthGBs: 'memory bandwidth (GB/s)',
  interconnectGBs: 'interconnect bandwidth (GB/s)',
  substance: 'substance',
  form: 'form',
};

/** Labels of whole-transaction paths. */
export const TRANSACTION_PATH_LABEL: Readonly<Record<string, string>> = {
  to: 'Destination',
  from: 'Shipped from',
  date: 'Date',
  endUse: 'End use',
  value: 'Order value',
  currency: 'Currency',
  id: 'Order reference',
  'exporter.country': 'Exporter country',
  'exporter.headquarters': 'Exporter headquarters',
  'exporter.ultimateParent': 'Exporter ultimate parent',
  'exporter.name': 'Exporter name',
  'exporter.isItemVendor': 'Whether the exporter is the item’s vendor',
  'screening (not run)': 'Screening of the parties (not run)',
  classification: 'Classification of the item',
};

function words(camel: string): string {
  return camel
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._]/g, ' ')
    .toLowerCase()
    .trim();
}

function fieldLabel(field: string): string {
  if (!field) return '';
  const direct = FIELD_LABEL[field];
  if (direct) return direct;
  const indexed = /^(\w+)\[(\d+)\](?:\.(.*))?$/.exec(field);
  if (indexed) {
    const base = FIELD_LABEL[indexed[1]!] ?? words(indexed[1]!);
    const rest = indexed[3] ? ` ${fieldLabel(indexed[3])}` : '';
    return `${base} ${Number(indexed[2]) + 1}${rest}`;
  }
  return words(field);
}

/**
 * A fact path or a missing-fact note as the engine writes it, in the form's words:
 * `parties[0].headquarters` → "Party 1 headquarters", `items[1]: eccn (…)` → "Item 2: eccn (…)",
 * `exporter.headquarters` → "Exporter headquarters". Unknown shapes pass through unchanged.
 */
export function factLabel(path: string): string {
  const noted = /^(parties|items)\[(\d+)\]:\s*(.*)$/s.exec(path);
  if (noted) return `${noted[1] === 'parties' ? 'Party' : 'Item'} ${Number(noted[2]) + 1}: ${noted[3]}`;
  const indexed = /^(parties|items)\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (indexed) {
    const who = `${indexed[1] === 'parties' ? 'Party' : 'Item'} ${Number(indexed[2]) + 1}`;
    return indexed[3] ? `${who} ${fieldLabel(indexed[3])}` : who;
  }
  const direct = TRANSACTION_PATH_LABEL[path];
  if (direct) return direct;
  const endUse = /^endUse\[(\d+)\]$/.exec(path);
  if (endUse) return `End use ${Number(endUse[1]) + 1}`;
  if (path.startsWith('exporter.')) return `Exporter ${fieldLabel(path.slice('exporter.'.length))}`;
  return path;
}

/** Classification codes that are not control-list entries, in words. */
const CODE_LABEL: Readonly<Record<string, string>> = {
  INDETERMINATE: 'cannot classify',
  NOT_LISTED: 'not listed',
  EAR99: 'EAR99 (subject to the EAR, not on the Commerce Control List)',
};

/** A classification code for people: `NOT_3A090` → "not 3A090"; control-list entries stay as they are. */
export function codeLabel(code: string): string {
  const direct = CODE_LABEL[code];
  if (direct) return direct;
  const not = /^NOT_(.+)$/.exec(code);
  if (not) return `not ${not[1]!.replace(/_/g, ' ')}`;
  return code;
}

/** Numbers of the form (from 1) for an engine index (from 0). */
export function ordinal(index: number): number {
  return index + 1;
}

/**
 * One entry of a determination's `missing` for people: fact paths in the form's words, and
 * "current <list id> list" with the list's title.
 */
export function missingLabel(missing: string, listTitles: Readonly<Record<string, string>> = {}): string {
  const list = /^current (\S+) list$/.exec(missing);
  if (list) return `current ${listTitles[list[1]!] ?? list[1]} (load it: redline lists load <file>)`;
  return factLabel(missing);
}
