import type { EndUse } from '../../domain/transaction';
import type { PartyRole, PartyType } from '../../domain/party';
import { t } from './i18n';

/**
 * The Check page's form as data: its rows, a blank form, the worked example, and the form as a
 * contract.md transaction. Transaction fields the form has no control for (an exporter, a
 * facility, a party's address …, loaded from JSON) ride along in `carried` / `extra` and are sent
 * as they came, so loading a transaction into the form never drops a fact.
 */

export interface ItemRow {
  key: number;
  mode: 'catalogue' | 'json';
  model: string;
  json: string;
  quantity: string;
  value: string;
}

export interface PartyRow {
  key: number;
  role: PartyRole;
  name: string;
  country: string;
  headquarters: string;
  ultimateParent: string;
  type: PartyType | '';
  /** Who owns the party, as JSON (docs/ownership.md); empty = the stored register, if any. */
  owners: string;
  /** The party's fields with no control in the form (address, aliases …), sent as loaded. */
  extra: Record<string, unknown>;
}

export interface CheckForm {
  orderRef: string;
  date: string;
  from: string;
  to: string;
  endUse: EndUse[];
  items: ItemRow[];
  parties: PartyRow[];
  /** Transaction fields with no control in the form (exporter, facility …), sent as loaded. */
  carried: Record<string, unknown>;
}

/** The shape a described item takes, shown as the empty JSON row's placeholder: an example, never sent as a fact. */
export const ITEM_JSON_EXAMPLE = '{ "kind": "material", "substance": "gallium", "form": "metal" }';

let nextKey = 1;
export const newItem = (over: Partial<ItemRow> = {}): ItemRow => ({ key: nextKey++, mode: 'catalogue', model: '', json: '', quantity: '', value: '', ...over });
export const newParty = (over: Partial<PartyRow> = {}): PartyRow => ({ key: nextKey++, role: 'end_user', name: '', country: '', headquarters: '', ultimateParent: '', type: '', owners: '', extra: {}, ...over });

/**
 * The form as it opens: nothing assumed. The destination is left to choose (the schema requires
 * one), no end use is ticked (the schema defaults to none), the date is today.
 */
export function blankForm(today: string): CheckForm {
  return { orderRef: '', date: today, from: '', to: '', endUse: [], items: [newItem()], parties: [newParty()], carried: {} };
}

/** The worked example behind the "Load example" button: an H100 from the US to 华为技术有限公司 in China for AI training. */
export function exampleForm(today: string): CheckForm {
  return {
    ...blankForm(today),
    from: 'US',
    to: 'CN',
    endUse: ['ai_training'],
    items: [newItem({ model: 'NVIDIA H100 SXM5 80GB' })],
    parties: [newParty({ name: '华为技术有限公司', country: 'CN', headquarters: 'CN', ultimateParent: 'CN', type: 'manufacturer' })],
  };
}

function ownersOf(text: string, i: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(t('check.badOwners', { n: i + 1, error: (e as Error).message }));
  }
}

/** The form as a contract.md transaction; a JSON item or owners list that does not parse is reported against its row. */
export function transactionOf(f: CheckForm): Record<string, unknown> {
  if (!f.to) throw new Error(t('check.noDestination'));
  const items = f.items.map((it, i) => {
    let item: Record<string, unknown>;
    if (it.mode === 'json') {
      if (!it.json.trim()) throw new Error(t('check.noModel', { n: i + 1 }));
      try {
        item = JSON.parse(it.json) as Record<string, unknown>;
      } catch (e) {
        throw new Error(t('check.badItemJson', { n: i + 1, error: (e as Error).message }));
      }
    } else {
      if (!it.model.trim()) throw new Error(t('check.noModel', { n: i + 1 }));
      item = { model: it.model.trim() };
    }
    if (it.quantity) item.quantity = Number(it.quantity);
    if (it.value) item.value = Number(it.value);
    return item;
  });
  const parties = f.parties
    .filter((p) => p.name.trim())
    .map((p, i) => ({
      ...p.extra,
      role: p.role,
      name: p.name.trim(),
      ...(p.country ? { country: p.country } : {}),
      ...(p.headquarters ? { headquarters: p.headquarters } : {}),
      ...(p.ultimateParent ? { ultimateParent: p.ultimateParent } : {}),
      ...(p.type ? { type: p.type } : {}),
      ...(p.owners.trim() ? { owners: ownersOf(p.owners, i) } : {}),
    }));
  const value = items.reduce((s, i) => s + (typeof i.value === 'number' ? i.value : 0), 0);
  return {
    ...f.carried,
    ...(f.orderRef.trim() ? { id: f.orderRef.trim() } : {}),
    date: f.date,
    ...(f.from ? { from: f.from } : {}),
    to: f.to,
    items,
    parties,
    endUse: f.endUse,
    // The item values are in USD (the form's column says so); a total loaded from JSON stays as it came.
    ...(value ? { value, currency: 'USD' } : {}),
  };
}

/** The names of what a transaction sends, for the answer's tables: each item's model (or "described item") and each party's name. */
export function namesOf(tx: Record<string, unknown>): { items: string[]; parties: string[] } {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const field = (v: unknown, k: string): unknown => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined);
  return {
    items: list(tx.items).map((it) => {
      const model = field(it, 'model');
      return typeof model === 'string' ? model : t('check.describedItem');
    }),
    parties: list(tx.parties).map((p) => String(field(p, 'name') ?? '')),
  };
}
