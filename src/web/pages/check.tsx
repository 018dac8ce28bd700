import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Determination } from '../../domain/determination';
import type { EndUse } from '../../domain/transaction';
import type { PartyRole, PartyType } from '../../domain/party';
import { api } from '../lib/api';
import { CATALOGUE } from '../lib/catalogue';
import { todayIso } from '../lib/format';
import { useAsyncAction, useLoad } from '../lib/use-async';
import { END_USE_LABEL, PARTY_TYPE_LABEL, ROLE_LABEL } from '../lib/vocab';
import { DeterminationView } from '../components/determination';
import { CountrySelect, ErrorNotice, Field, Loading, PageHeader } from '../components/ui';
import { useTranslation } from 'react-i18next';
import { t } from '../lib/i18n';

interface ItemRow {
  key: number;
  mode: 'catalogue' | 'json';
  model: string;
  json: string;
  quantity: string;
  value: string;
}

interface PartyRow {
  key: number;
  role: PartyRole;
  name: string;
  country: string;
  headquarters: string;
  ultimateParent: string;
  type: PartyType | '';
  /** Who owns the party, as JSON (docs/ownership.md); empty = the stored register, if any. */
  owners: string;
}

let nextKey = 1;
const newItem = (model = ''): ItemRow => ({ key: nextKey++, mode: 'catalogue', model, json: '{ "kind": "material", "substance": "gallium", "form": "metal" }', quantity: '', value: '' });
const newParty = (over: Partial<PartyRow> = {}): PartyRow => ({ key: nextKey++, role: 'end_user', name: '', country: 'CN', headquarters: '', ultimateParent: '', type: '', owners: '', ...over });

const ROLES = Object.keys(ROLE_LABEL).filter((r) => r !== 'exporter') as PartyRole[];
const CATALOGUE_BY_NAME = new Map(CATALOGUE.map((c) => [c.name.toLowerCase(), c]));

/** The form as a contract.md transaction; a JSON item that does not parse is reported against its row. */
function transactionOf(f: { orderRef?: string; date: string; from: string; to: string; endUse: EndUse[]; items: ItemRow[]; parties: PartyRow[] }): Record<string, unknown> {
  const items = f.items.map((it, i) => {
    let item: Record<string, unknown>;
    if (it.mode === 'json') {
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
      role: p.role,
      name: p.name.trim(),
      ...(p.country ? { country: p.country } : {}),
      ...(p.headquarters ? { headquarters: p.headquarters } : {}),
      ...(p.ultimateParent ? { ultimateParent: p.ultimateParent } : {}),
      ...(p.type ? { type: p.type } : {}),
      ...(p.owners.trim() ? { owners: ownersOf(p.owners, i) } : {}),
    }));
  const value = items.reduce((s, i) => s + (typeof i.value === 'number' ? i.value : 0), 0);
  return { ...(f.orderRef?.trim() ? { id: f.orderRef.trim() } : {}), date: f.date, from: f.from, to: f.to, items, parties, endUse: f.endUse, ...(value ? { value, currency: 'USD' } : {}) };
}

/** A saved counterparty as GET /v1/saved-counterparties gives it. */
interface SavedParty {
  id: string;
  name: string;
  names: string[];
  country: string | null;
  headquarters: string | null;
  ultimateParent: string | null;
  type: string | null;
}

function ownersOf(text: string, i: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(t('check.badOwners', { n: i + 1, error: (e as Error).message }));
  }
}

export function CheckPage() {
  const { t } = useTranslation();
  const [orderRef, setOrderRef] = useState('');
  const [date, setDate] = useState(todayIso());
  const [from, setFrom] = useState('US');
  const [to, setTo] = useState('CN');
  const [endUse, setEndUse] = useState<EndUse[]>(['ai_training']);
  const [items, setItems] = useState<ItemRow[]>(() => [newItem('NVIDIA H100 SXM5 80GB')]);
  const [parties, setParties] = useState<PartyRow[]>(() => [newParty({ name: '华为技术有限公司', headquarters: 'CN', ultimateParent: 'CN', type: 'manufacturer' })]);
  const [formError, setFormError] = useState<unknown>(null);
  const [state, run] = useAsyncAction((tx: Record<string, unknown>) => api<Determination>('/v1/check', { body: tx }));
  const submitted = useMemo(() => ({ items: items.map((i) => (i.mode === 'catalogue' ? i.model : t('check.describedItem'))), parties: parties.filter((p) => p.name.trim()).map((p) => p.name) }), [state]); // eslint-disable-line react-hooks/exhaustive-deps

  // The answer lands below the form on a phone: take keyboard and screen-reader users to it.
  useEffect(() => {
    if (state.status === 'done') document.getElementById('determination-title')?.focus();
  }, [state]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    let tx: Record<string, unknown>;
    try {
      tx = transactionOf({ orderRef, date, from, to, endUse, items, parties });
    } catch (err) {
      setFormError(err);
      return;
    }
    void run(tx);
  }
  const setItem = (key: number, patch: Partial<ItemRow>) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const setParty = (key: number, patch: Partial<PartyRow>) => setParties((xs) => xs.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const [saved] = useLoad(() => api<{ counterparties: SavedParty[] }>('/v1/saved-counterparties'), []);
  const savedParties = saved.status === 'done' ? saved.value.counterparties : [];
  const pickSaved = (key: number, id: string) => {
    const c = savedParties.find((x) => x.id === id);
    if (c) setParty(key, { name: c.name, country: c.country ?? '', headquarters: c.headquarters ?? '', ultimateParent: c.ultimateParent ?? '', type: (c.type ?? '') as PartyType | '' });
  };

  return (
    <>
      <PageHeader title={t('check.title')}>{t('check.lede')}</PageHeader>
      <div className="split">
        <form className="card form" onSubmit={submit} aria-label={t('check.form')}>
          <fieldset>
            <legend>{t('check.shipment')}</legend>
            <div className="row">
              <Field label={t('check.orderRef')}>{(id) => <input id={id} value={orderRef} onChange={(e) => setOrderRef(e.target.value)} placeholder={t('check.orderRefPlaceholder')} autoComplete="off" />}</Field>
              <Field label={t('check.date')}>{(id) => <input id={id} type="date" value={date} onChange={(e) => setDate(e.target.value)} required />}</Field>
              <Field label={t('check.from')}>{(id) => <CountrySelect id={id} value={from} onChange={setFrom} />}</Field>
              <Field label={t('check.to')}>{(id) => <CountrySelect id={id} value={to} onChange={setTo} />}</Field>
            </div>
          </fieldset>

          <fieldset>
            <legend>{t('check.items')}</legend>
            <datalist id="catalogue-names">
              {CATALOGUE.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.vendor} · {c.detail}
                </option>
              ))}
            </datalist>
            {items.map((it, i) => {
              const known = CATALOGUE_BY_NAME.get(it.model.trim().toLowerCase());
              return (
                <div className="item-row" key={it.key}>
                  <div className="row">
                    {it.mode === 'catalogue' ? (
                      <Field label={t('check.itemCatalogue', { n: i + 1 })} hint={known ? `${known.vendor} · ${known.kind === 'ic' ? t('check.knownChip') : t('check.knownTool')} · ${known.detail}` : it.model ? t('check.notCatalogue') : t('check.typeToSearch')} wide>
                        {(id) => <input id={id} list="catalogue-names" value={it.model} onChange={(e) => setItem(it.key, { model: e.target.value })} placeholder={t('check.modelPlaceholder')} autoComplete="off" />}
                      </Field>
                    ) : (
                      <Field label={t('check.itemJson', { n: i + 1 })} hint={t('check.itemJsonHint')} wide>
                        {(id) => <textarea id={id} className="mono" rows={3} value={it.json} onChange={(e) => setItem(it.key, { json: e.target.value })} spellCheck={false} />}
                      </Field>
                    )}
                    <Field label={t('check.quantity')} narrow>{(id) => <input id={id} type="number" min="0" inputMode="numeric" value={it.quantity} onChange={(e) => setItem(it.key, { quantity: e.target.value })} />}</Field>
                    <Field label={t('check.value')} narrow>{(id) => <input id={id} type="number" min="0" inputMode="decimal" value={it.value} onChange={(e) => setItem(it.key, { value: e.target.value })} />}</Field>
                  </div>
                  <div className="row-actions">
                    <button type="button" className="link" onClick={() => setItem(it.key, { mode: it.mode === 'catalogue' ? 'json' : 'catalogue' })}>
                      {it.mode === 'catalogue' ? t('check.describeInstead') : t('check.pickInstead')}
                    </button>
                    {items.length > 1 && (
                      <button type="button" className="link danger" onClick={() => setItems((xs) => xs.filter((x) => x.key !== it.key))}>
                        {t('check.removeItem', { n: i + 1 })}
                      </button>
                    )}
                  </div>
                </div>
              );
            })}
            <button type="button" className="secondary" onClick={() => setItems((xs) => [...xs, newItem()])}>
              {t('check.addItem')}
            </button>
          </fieldset>

          <fieldset>
            <legend>{t('check.parties')}</legend>
            {parties.map((p, i) => (
              <div className="party-row" key={p.key}>
                {savedParties.length > 0 && (
                  <Field label={t('check.savedFor', { n: i + 1 })} hint={t('check.savedHint')}>
                    {(id) => (
                      <select id={id} value="" onChange={(e) => pickSaved(p.key, e.target.value)}>
                        <option value="">{t('check.pickSaved')}</option>
                        {savedParties.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.names.join(' / ')}
                            {c.country ? ` (${c.country})` : ''}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                )}
                <div className="row">
                  <Field label={t('check.role')}>
                    {(id) => (
                      <select id={id} value={p.role} onChange={(e) => setParty(p.key, { role: e.target.value as PartyRole })}>
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {ROLE_LABEL[r]}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field label={t('check.partyName', { n: i + 1 })} hint={t('check.partyNameHint')} wide>
                    {(id) => <input id={id} value={p.name} lang="zh" onChange={(e) => setParty(p.key, { name: e.target.value })} autoComplete="off" />}
                  </Field>
                </div>
                <div className="row">
                  <Field label={t('check.country')}>{(id) => <CountrySelect id={id} value={p.country} onChange={(v) => setParty(p.key, { country: v })} optional />}</Field>
                  <Field label={t('check.headquarters')}>{(id) => <CountrySelect id={id} value={p.headquarters} onChange={(v) => setParty(p.key, { headquarters: v })} optional />}</Field>
                  <Field label={t('check.ultimateParent')}>{(id) => <CountrySelect id={id} value={p.ultimateParent} onChange={(v) => setParty(p.key, { ultimateParent: v })} optional />}</Field>
                  <Field label={t('check.type')}>
                    {(id) => (
                      <select id={id} value={p.type} onChange={(e) => setParty(p.key, { type: e.target.value as PartyType | '' })}>
                        <option value="">{t('check.notStated')}</option>
                        {Object.entries(PARTY_TYPE_LABEL).map(([k, label]) => (
                          <option key={k} value={k}>
                            {label}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                </div>
                <Field label={t('check.owners', { n: i + 1 })} hint={t('check.ownersHint')} wide>
                  {(id) => <textarea id={id} className="mono" rows={2} value={p.owners} onChange={(e) => setParty(p.key, { owners: e.target.value })} spellCheck={false} />}
                </Field>
                {parties.length > 1 && (
                  <button type="button" className="link danger" onClick={() => setParties((xs) => xs.filter((x) => x.key !== p.key))}>
                    {t('check.removeParty', { n: i + 1 })}
                  </button>
                )}
              </div>
            ))}
            <button type="button" className="secondary" onClick={() => setParties((xs) => [...xs, newParty({ role: 'intermediate_consignee' })])}>
              {t('check.addParty')}
            </button>
          </fieldset>

          <fieldset>
            <legend>{t('check.endUse')}</legend>
            <div className="checks">
              {(Object.keys(END_USE_LABEL) as EndUse[]).map((u) => (
                <label key={u} className="check">
                  <input type="checkbox" checked={endUse.includes(u)} onChange={(e) => setEndUse((xs) => (e.target.checked ? [...xs, u] : xs.filter((x) => x !== u)))} />
                  {END_USE_LABEL[u]}
                </label>
              ))}
            </div>
          </fieldset>

          {formError !== null && <ErrorNotice error={formError} title={t('check.formError')} />}
          <button type="submit" className="primary" disabled={state.status === 'loading'}>
            {state.status === 'loading' ? t('check.checking') : t('check.submit')}
          </button>
        </form>

        <div className="result" aria-live="polite">
          {state.status === 'idle' && <p className="muted placeholder">{t('check.placeholder')}</p>}
          {state.status === 'loading' && <Loading label={t('check.determining')} />}
          {state.status === 'error' && <ErrorNotice error={state.error} title={t('check.failed')} />}
          {state.status === 'done' && <DeterminationView d={state.value} itemNames={submitted.items} partyNames={submitted.parties} />}
        </div>
      </div>
    </>
  );
}
