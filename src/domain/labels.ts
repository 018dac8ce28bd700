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

/** The same labels in Simplified Chinese (`--lang zh`, the zh web interface). */
const FIELD_LABEL_ZH: Readonly<Record<string, string>> = {
  name: '名称',
  role: '角色',
  country: '国家',
  headquarters: '总部',
  ultimateParent: '最终母公司',
  type: '业务类型',
  address: '地址',
  aliases: '其他名称',
  owners: '股东',
  'listedOwnership.pct': '名单所列股东的持股比例（%）',
  model: '型号',
  kind: '类别',
  quantity: '数量',
  value: '金额',
  origin: '原产国',
  usContentPct: '美国受控成分比例（%）',
  usTechnologyDirectProduct: '是否使用美国技术或软件制造',
  madeWithUsTools: '是否使用美国设备制造',
  datacenter: '是否为数据中心设计或销售',
  eccn: '出口管制分类编码',
  performance: '性能参数',
  dies: '裸片',
  memoryBandwidthGBs: '内存带宽（GB/s）',
  interconnectGBs: '互连带宽（GB/s）',
  substance: '物质',
  form: '形态',
};

const TRANSACTION_PATH_LABEL_ZH: Readonly<Record<string, string>> = {
  to: '目的国',
  from: '发出国',
  date: '日期',
  endUse: '最终用途',
  value: '订单金额',
  currency: '币种',
  id: '订单编号',
  'exporter.country': '出口商所在国',
  'exporter.headquarters': '出口商总部',
  'exporter.ultimateParent': '出口商最终母公司',
  'exporter.name': '出口商名称',
  'exporter.isItemVendor': '出口商是否为物项供应商',
  'screening (not run)': '交易方名单筛查（未运行）',
  classification: '物项分类',
};

/** The languages labels come in. */
export type LabelLang = 'en' | 'zh';

function who(kind: string, index: number, lang: LabelLang): string {
  const n = index + 1;
  if (lang === 'zh') return kind === 'parties' ? `第 ${n} 方` : `物项 ${n}`;
  return `${kind === 'parties' ? 'Party' : 'Item'} ${n}`;
}

function words(camel: string): string {
  return camel
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._]/g, ' ')
    .toLowerCase()
    .trim();
}

function fieldLabel(field: string, lang: LabelLang = 'en'): string {
  if (!field) return '';
  const table = lang === 'zh' ? FIELD_LABEL_ZH : FIELD_LABEL;
  const direct = table[field];
  if (direct) return direct;
  const indexed = /^(\w+)\[(\d+)\](?:\.(.*))?$/.exec(field);
  if (indexed) {
    const base = table[indexed[1]!] ?? words(indexed[1]!);
    const rest = indexed[3] ? ` ${fieldLabel(indexed[3], lang)}` : '';
    return `${base} ${Number(indexed[2]) + 1}${rest}`;
  }
  return words(field);
}

/**
 * A fact path or a missing-fact note as the engine writes it, in the form's words:
 * `parties[0].headquarters` → "Party 1 headquarters", `items[1]: eccn (…)` → "Item 2: eccn (…)",
 * `exporter.headquarters` → "Exporter headquarters". Unknown shapes pass through unchanged.
 */
export function factLabel(path: string, lang: LabelLang = 'en'): string {
  const noted = /^(parties|items)\[(\d+)\]:\s*(.*)$/s.exec(path);
  if (noted) {
    // "items[0]: eccn (why)": the field before the reason is labelled too in Chinese.
    const note = lang === 'zh' ? noted[3]!.replace(/^(\w+)\b/, (f) => FIELD_LABEL_ZH[f] ?? f) : noted[3];
    return `${who(noted[1]!, Number(noted[2]), lang)}${lang === 'zh' ? '：' : ': '}${note}`;
  }
  const indexed = /^(parties|items)\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (indexed) {
    const w = who(indexed[1]!, Number(indexed[2]), lang);
    return indexed[3] ? `${w}${lang === 'zh' ? '的' : ' '}${fieldLabel(indexed[3], lang)}` : w;
  }
  const direct = (lang === 'zh' ? TRANSACTION_PATH_LABEL_ZH : TRANSACTION_PATH_LABEL)[path];
  if (direct) return direct;
  const endUse = /^endUse\[(\d+)\]$/.exec(path);
  if (endUse) return lang === 'zh' ? `最终用途 ${Number(endUse[1]) + 1}` : `End use ${Number(endUse[1]) + 1}`;
  if (path.startsWith('exporter.')) return lang === 'zh' ? `出口商的${fieldLabel(path.slice('exporter.'.length), lang)}` : `Exporter ${fieldLabel(path.slice('exporter.'.length))}`;
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
export function missingLabel(missing: string, listTitles: Readonly<Record<string, string>> = {}, lang: LabelLang = 'en'): string {
  const list = /^current (\S+) list$/.exec(missing);
  if (list) return lang === 'zh' ? `最新的${listTitles[list[1]!] ?? list[1]}（获取：redline lists update）` : `current ${listTitles[list[1]!] ?? list[1]} (fetch it: redline lists update)`;
  return factLabel(missing, lang);
}
