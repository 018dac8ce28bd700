import { COUNTRY_CODES } from '../../domain/countries';
import { factLabel } from '../../domain/labels';
import { closestNames } from '../../domain/suggest';
import type { EndUse } from '../../domain/transaction';
import type { PartyRole, PartyType } from '../../domain/party';
import { currentLang, t } from './i18n';
import { jsonErrorAt } from './json-error-at';
import { END_USE_LABEL, PARTY_TYPE_LABEL, ROLE_LABEL } from './vocab';
import { blankForm, newItem, newParty, type CheckForm, type ItemRow, type PartyRow } from './transaction-form';

/**
 * A transaction pasted or uploaded as JSON (the shape POST /v1/check takes, contract.md): read,
 * and mapped onto the Check form. Whether the engine accepts it is the server's word (a 400 with
 * `problems`); here only what the form itself needs is checked, each problem naming its field.
 */

/** One thing wrong, where (a JSON path) and what; `suggestions` are values close to the one given. */
export interface FieldProblem {
  path: string;
  message: string;
  suggestions?: string[];
}

/** Bad input found in the page, listed like the server's 400 problems. */
export class FieldProblems extends Error {
  constructor(
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }
}

/** The top-level fields of a transaction (src/domain/transaction.ts; transaction-json.test.ts keeps them in step). */
export const TRANSACTION_KEYS = ['id', 'date', 'from', 'to', 'exporter', 'items', 'parties', 'endUse', 'facility', 'certifications', 'services', 'observedRedFlags', 'notifications', 'value', 'currency'] as const;
/** A party's fields (src/domain/party.ts). */
export const PARTY_KEYS = ['role', 'name', 'country', 'headquarters', 'ultimateParent', 'address', 'type', 'aliases', 'listedOwnership', 'owners'] as const;

const FORM_KEYS = new Set(['id', 'date', 'from', 'to', 'items', 'parties', 'endUse']);
const PARTY_FORM_KEYS = new Set(['role', 'name', 'country', 'headquarters', 'ultimateParent', 'type', 'owners']);
/** Fields a catalogue row of the form holds; an item with any other field is edited as JSON. */
const CATALOGUE_ROW_KEYS = new Set(['model', 'kind', 'quantity', 'value']);

export type TransactionJson = { kind: 'one'; tx: Record<string, unknown> } | { kind: 'many'; count: number; txs: unknown[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where JSON.parse gave up, as words: " (line 3, column 14)". */
function whereInText(text: string): string {
  const at = jsonErrorAt(text);
  return at ? t('check.json.at', at) : '';
}

/**
 * The text as one transaction, or as a list of them. An array of one is that one; an array of
 * several is returned as such (the page takes one at a time and lets the analyst pick).
 */
export function readTransactionJson(text: string): TransactionJson {
  if (!text.trim()) throw new FieldProblems(t('check.json.empty'));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new FieldProblems(t('check.json.notJson', { error: (e as Error).message, where: whereInText(text) }));
  }
  if (Array.isArray(value)) {
    if (value.length === 0) throw new FieldProblems(t('check.json.emptyList'));
    if (value.length > 1) return { kind: 'many', count: value.length, txs: value };
    value = value[0];
  }
  if (!isObject(value)) throw new FieldProblems(t('check.json.notObject'));
  return { kind: 'one', tx: value };
}

function unknownKey(path: string, key: string, valid: readonly string[]): FieldProblem {
  const close = closestNames(key, valid, 3);
  return { path, message: close.length ? t('check.json.unknownFieldSuggest', { names: close.join(', ') }) : t('check.json.unknownField') };
}

function unknownValue(path: string, value: string, valid: readonly string[]): FieldProblem {
  const close = closestNames(value, valid, 3);
  return { path, message: close.length ? t('check.json.unknownValueSuggest', { value, names: close.join(', ') }) : t('check.json.unknownValue', { value }) };
}

/** Reads text fields and codes for the form, collecting what is wrong instead of stopping at the first. */
class Reader {
  readonly problems: FieldProblem[] = [];
  text(v: unknown, path: string): string {
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    this.problems.push({ path, message: t('check.json.notText') });
    return '';
  }
  country(v: unknown, path: string): string {
    const s = this.text(v, path).trim();
    if (s && !COUNTRY_CODES.has(s)) this.problems.push({ path, message: t('check.json.notCountry', { value: s }) });
    return COUNTRY_CODES.has(s) ? s : '';
  }
  code<K extends string>(v: unknown, path: string, valid: readonly K[]): K | '' {
    const s = this.text(v, path);
    if (!s) return '';
    if ((valid as readonly string[]).includes(s)) return s as K;
    this.problems.push(unknownValue(path, s, valid));
    return '';
  }
  list(v: unknown, path: string): unknown[] {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    this.problems.push({ path, message: t('check.json.notList') });
    return [];
  }
}

const numberText = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

function itemRowOf(item: unknown, path: string, r: Reader): ItemRow {
  if (!isObject(item)) {
    r.problems.push({ path, message: t('check.json.mustBeObject') });
    return newItem();
  }
  const { quantity, value, ...rest } = item;
  const counts = { quantity: numberText(quantity), value: numberText(value) };
  // A number the row cannot show stays in the item's JSON, for the server to judge.
  const kept = { ...rest, ...(quantity !== undefined && !counts.quantity ? { quantity } : {}), ...(value !== undefined && !counts.value ? { value } : {}) };
  const catalogueOnly = typeof item.model === 'string' && (item.kind === undefined || item.kind === 'catalogue') && Object.keys(kept).every((k) => CATALOGUE_ROW_KEYS.has(k));
  if (catalogueOnly) return newItem({ model: item.model as string, ...counts });
  return newItem({ mode: 'json', json: JSON.stringify(kept, null, 2), ...counts });
}

function partyRowOf(party: unknown, path: string, r: Reader): PartyRow {
  if (!isObject(party)) {
    r.problems.push({ path, message: t('check.json.mustBeObject') });
    return newParty();
  }
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(party)) {
    if (!(PARTY_KEYS as readonly string[]).includes(k)) r.problems.push(unknownKey(`${path}.${k}`, k, PARTY_KEYS));
    else if (!PARTY_FORM_KEYS.has(k)) extra[k] = v;
  }
  // A party's role is a fact of the order: never assumed.
  if (party.role === undefined) r.problems.push({ path: `${path}.role`, message: t('check.json.noRole') });
  const role = r.code(party.role, `${path}.role`, Object.keys(ROLE_LABEL) as PartyRole[]);
  return newParty({
    ...(role ? { role } : {}),
    name: r.text(party.name, `${path}.name`),
    country: r.country(party.country, `${path}.country`),
    headquarters: r.country(party.headquarters, `${path}.headquarters`),
    ultimateParent: r.country(party.ultimateParent, `${path}.ultimateParent`),
    type: r.code(party.type, `${path}.type`, Object.keys(PARTY_TYPE_LABEL) as PartyType[]),
    owners: party.owners === undefined ? '' : JSON.stringify(party.owners),
    extra,
  });
}

/**
 * A transaction as the Check form: the order reference (`id`), date, countries, items, parties
 * and end uses in their controls; every other field carried and sent as it came. Throws
 * FieldProblems naming each field the form cannot hold as given.
 */
export function formOf(tx: Record<string, unknown>, today: string): CheckForm {
  const r = new Reader();
  const carried: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(tx)) {
    if (!(TRANSACTION_KEYS as readonly string[]).includes(k)) r.problems.push(unknownKey(k, k, TRANSACTION_KEYS));
    else if (!FORM_KEYS.has(k)) carried[k] = v;
  }
  const endUses = Object.keys(END_USE_LABEL) as EndUse[];
  const form: CheckForm = {
    ...blankForm(today),
    orderRef: r.text(tx.id, 'id'),
    date: r.text(tx.date, 'date') || today,
    from: r.country(tx.from, 'from'),
    to: r.country(tx.to, 'to'),
    endUse: r.list(tx.endUse, 'endUse').flatMap((u, i) => r.code(u, `endUse[${i}]`, endUses) || []),
    carried,
  };
  const items = r.list(tx.items, 'items').map((it, i) => itemRowOf(it, `items[${i}]`, r));
  const parties = r.list(tx.parties, 'parties').map((p, i) => partyRowOf(p, `parties[${i}]`, r));
  if (items.length) form.items = items;
  if (parties.length) form.parties = parties;
  if (r.problems.length) throw new FieldProblems(t('check.json.cannotLoad'), r.problems);
  return form;
}

/** The fields a loaded transaction carries that the form shows no control for, in words (for the notice under the form). */
export function carriedFieldsOf(form: CheckForm): string[] {
  const lang = currentLang() === 'zh-CN' ? 'zh' : 'en';
  const top = Object.keys(form.carried).map((k) => t(`check.json.fields.${k}`));
  const party = form.parties.flatMap((p, i) => Object.keys(p.extra).map((k) => factLabel(`parties[${i}].${k}`, lang)));
  return [...top, ...party];
}

/** A problem's field in the form's words ("Item 1 model", "Destination"); the JSON path itself belongs in a details toggle. */
export function problemLabel(path: string): string {
  if (!path || path === 'body') return '';
  const label = factLabel(path, currentLang() === 'zh-CN' ? 'zh' : 'en');
  // A field the labels do not know (a nested one, or a key the JSON misspelt) is named as the
  // JSON names it, numbered from 1 like the form.
  return label === path ? path.replace(/\[(\d+)\]/g, (_, n: string) => ` ${Number(n) + 1}`).replace(/\./g, ' › ') : label;
}

/** The item row a problem's path points at (`items[2].model` → 2), for a suggestion to fill. */
export function itemIndexOf(path: string): number | undefined {
  const m = /^items\[(\d+)\]\.model$/.exec(path);
  return m ? Number(m[1]) : undefined;
}
