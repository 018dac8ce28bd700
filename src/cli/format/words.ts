import type { Outcome } from '../../domain/index.js';
import type { HumanLang } from '../../domain/summary.js';

/**
 * The words of the CLI's human output in English and Simplified Chinese (`--lang`, or the
 * locale: src/cli/lang.ts). Both tables have the same keys (words.test.ts checks it); `{x}`
 * is filled in.
 */
const EN = {
  outcome: 'Outcome',
  asOf: 'as of {date}',
  order: 'order {id}',
  assumedBanner: 'ASSUMED',
  assumedWhy: 'rests on a status the rule pack does not know on this date',
  assumption: 'assumption ({jurisdiction}): {text}',
  assumed: '(assumed)',
  deciding: 'Deciding rules',
  nextStep: 'Next step',
  items: 'Items',
  colItem: 'item',
  colName: 'name',
  colJur: 'jur.',
  colClassification: 'classification',
  colBecause: 'because',
  missingInline: 'missing: {list}',
  reviewPolicy: 'licence review policy: {policy}',
  licencePolicy: 'licence policy: {policy}',
  colRule: 'rule',
  colEffect: 'effect',
  colCitation: 'citation',
  noMeasure: 'no measure applies',
  colException: 'exception',
  colAvailable: 'available',
  colWhy: 'why',
  colStillRequired: 'still required',
  yes: 'yes',
  no: 'no',
  notYet: 'not yet',
  cannotTell: 'cannot tell',
  notApplied: 'not applied: {title} — {why}',
  ownership: 'Ownership (50 percent rules)',
  screening: 'Screening',
  colParty: 'party',
  colNameGiven: 'name given',
  colList: 'list',
  colListedName: 'listed name',
  colScore: 'score',
  redFlags: 'Red flags',
  missingFacts: 'Missing facts',
  listsTooOld: 'Lists too old',
  listsTooOldText: '{n} restricted-party list(s) are older than allowed (see the list-freshness rule above)',
  footer: 'rule set {version} ({hash}…; --details for the full hash and the identifiers)',
  footerLists: ' · lists: {lists}',
  details: 'Details (identifiers)',
  transaction: 'transaction {n}',
  colShare: 'share',
  colPaths: 'paths and missing facts',
  ownersFrom: 'owners from the {source}',
  unknown: 'unknown',
  noListedOwner: 'no listed owner found for any rule',
  bisAffiliates: 'BIS Affiliates rule (Entity List + MEU List)',
  ofac50: 'OFAC 50 % rule (SDN)',
  cn50: 'MOFCOM No. 61 (Control / Watch List)',
  screeningQuery: 'Screening "{query}"',
  noHits: 'no hits on the {n} lists in the store',
  colMatchedAs: 'matched as',
  colCountry: 'country',
  nameItself: '(name)',
  whyTop: 'Why the top hit matched',
  threshold: 'alert threshold {threshold}: hits at or above it become findings in `redline check`; `redline lists status` shows how current the lists are',
};

const ZH: Record<keyof typeof EN, string> = {
  outcome: '结论',
  asOf: '截至 {date}',
  order: '订单 {id}',
  assumedBanner: '假定',
  assumedWhy: '依赖规则包在该日期并不掌握的状态',
  assumption: '假定（{jurisdiction}）：{text}',
  assumed: '（假定）',
  deciding: '决定性规则',
  nextStep: '下一步',
  items: '物项',
  colItem: '物项',
  colName: '名称',
  colJur: '法域',
  colClassification: '分类',
  colBecause: '理由',
  missingInline: '缺少：{list}',
  reviewPolicy: '许可审查政策：{policy}',
  licencePolicy: '许可政策：{policy}',
  colRule: '规则',
  colEffect: '效果',
  colCitation: '出处',
  noMeasure: '没有适用的措施',
  colException: '许可例外',
  colAvailable: '可否使用',
  colWhy: '原因',
  colStillRequired: '尚需满足',
  yes: '是',
  no: '否',
  notYet: '尚不可',
  cannotTell: '无法判断',
  notApplied: '不适用：{title} — {why}',
  ownership: '股权（50% 规则）',
  screening: '名单筛查',
  colParty: '交易方',
  colNameGiven: '提供的名称',
  colList: '名单',
  colListedName: '名单上的名称',
  colScore: '得分',
  redFlags: '风险信号',
  missingFacts: '缺少的信息',
  listsTooOld: '名单过旧',
  listsTooOldText: '{n} 份限制方名单超过允许的时效（见上面的名单时效规则）',
  footer: '规则集 {version}（{hash}…；--details 显示完整哈希和标识符）',
  footerLists: ' · 名单：{lists}',
  details: '详情（标识符）',
  transaction: '第 {n} 笔交易',
  colShare: '持股',
  colPaths: '持股路径和缺少的信息',
  ownersFrom: '股东信息来自 {source}',
  unknown: '未知',
  noListedOwner: '没有任何规则下的名单所列股东',
  bisAffiliates: 'BIS 关联方规则（实体清单 + MEU 清单）',
  ofac50: 'OFAC 50% 规则（SDN）',
  cn50: '商务部第 61 号（管控名单 / 关注名单）',
  screeningQuery: '筛查“{query}”',
  noHits: '在库中 {n} 份名单上没有命中',
  colMatchedAs: '匹配为',
  colCountry: '国家',
  nameItself: '（名称本身）',
  whyTop: '最高命中的匹配原因',
  threshold: '预警阈值 {threshold}：达到或超过该值的命中会成为 `redline check` 的发现；`redline lists status` 显示名单的时效',
};

export type WordKey = keyof typeof EN;
export const WORDS: Record<HumanLang, Record<WordKey, string>> = { en: EN, zh: ZH };

export function word(lang: HumanLang, key: WordKey, vars: Record<string, string | number> = {}): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

const OUTCOME_ZH: Record<Outcome, string> = {
  prohibited: '禁止',
  license_required: '需要许可证',
  review: '需复核',
  exception_available: '可用许可例外',
  no_license_required: '无需许可证',
};

const EFFECT_ZH: Record<string, string> = {
  prohibited: '禁止',
  license_required: '需要许可证',
  presumption_of_denial: '推定拒绝',
  notification_required: '需要通报',
  red_flag: '风险信号',
  informational: '仅供参考',
};

/** An outcome code in words: "LICENSE REQUIRED" or 需要许可证. */
export function outcomeWords(o: Outcome, lang: HumanLang): string {
  return lang === 'zh' ? OUTCOME_ZH[o] : o.replace(/_/g, ' ').toUpperCase();
}

/** An outcome in running text (lower case in English). */
export function outcomeText(o: Outcome, lang: HumanLang): string {
  return lang === 'zh' ? OUTCOME_ZH[o] : o.replace(/_/g, ' ');
}

export function effectText(e: string, lang: HumanLang): string {
  return (lang === 'zh' ? EFFECT_ZH[e] : undefined) ?? e.replace(/_/g, ' ');
}

const JURISDICTION_ZH: Record<string, string> = { US: '美国', JP: '日本', NL: '荷兰', CN: '中国', EU: '欧盟' };

/** The jurisdiction code as headings show it: the code in English (as before), the name in Chinese. */
export function jurisdictionWords(j: string, lang: HumanLang): string {
  return lang === 'zh' ? `${JURISDICTION_ZH[j] ?? j}（${j}）` : j;
}
