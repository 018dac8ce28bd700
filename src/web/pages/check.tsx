import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Determination } from '../../domain/determination';
import type { EndUse } from '../../domain/transaction';
import type { PartyRole, PartyType } from '../../domain/party';
import { api } from '../lib/api';
import { CATALOGUE } from '../lib/catalogue';
import { todayIso } from '../lib/format';
import { useAsyncAction, useLoad } from '../lib/use-async';
import { END_USE_LABEL, PARTY_TYPE_LABEL, ROLE_LABEL } from '../lib/vocab';
import { blankForm, exampleForm, ITEM_JSON_EXAMPLE, namesOf, newItem, newParty, transactionOf, type CheckForm, type ItemRow, type PartyRow } from '../lib/transaction-form';
import { carriedFieldsOf, formOf, itemIndexOf, problemLabel } from '../lib/transaction-json';
import { DeterminationView } from '../components/determination';
import { CountrySelect, ErrorNotice, Field, Loading, Notice, PageHeader, type Problem } from '../components/ui';
import { TransactionJsonPanel } from './check-json';
import { useTranslation } from 'react-i18next';

const ROLES = Object.keys(ROLE_LABEL).filter((r) => r !== 'exporter') as PartyRole[];
const CATALOGUE_BY_NAME = new Map(CATALOGUE.map((c) => [c.name.toLowerCase(), c]));

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

export function CheckPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<CheckForm>(() => blankForm(todayIso()));
  const { orderRef, date, from, to, endUse, items, parties } = form;
  const set = (patch: Partial<CheckForm>) => setForm((f) => ({ ...f, ...patch }));
  const [formError, setFormError] = useState<unknown>(null);
  const replaceForm = (f: CheckForm) => {
    setFormError(null);
    setForm(f);
  };
  /** What was last sent, from the form or as JSON: names for the answer, and where a suggestion goes. */
  const [sent, setSent] = useState<{ tx: Record<string, unknown>; fromJson: boolean } | null>(null);
  const [state, run] = useAsyncAction((tx: Record<string, unknown>) => api<Determination>('/v1/check', { body: tx }));
  const submitted = useMemo(() => namesOf(sent?.tx ?? {}), [sent]);

  // The answer lands below the form on a phone: take keyboard and screen-reader users to it.
  useEffect(() => {
    if (state.status === 'done') document.getElementById('determination-title')?.focus();
  }, [state]);

  function send(tx: Record<string, unknown>, fromJson: boolean): void {
    setSent({ tx, fromJson });
    void run(tx);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    let tx: Record<string, unknown>;
    try {
      tx = transactionOf(form);
    } catch (err) {
      setFormError(err);
      return;
    }
    send(tx, false);
  }

  /** A suggested catalogue name goes into the item's model field (a JSON transaction is loaded into the form first). */
  function applySuggestion(p: Problem, name: string): void {
    const i = itemIndexOf(p.path);
    if (i === undefined) return;
    let base = form;
    if (sent?.fromJson) {
      try {
        base = formOf(sent.tx, todayIso());
      } catch (err) {
        setFormError(err);
        return;
      }
    }
    setForm({ ...base, items: base.items.map((it, k) => (k === i ? { ...it, mode: 'catalogue', model: name } : it)) });
    setTimeout(() => document.querySelector<HTMLInputElement>(`[data-item-model="${i}"]`)?.focus(), 0);
  }

  const suggestionsOf = (p: Problem) => {
    const i = itemIndexOf(p.path);
    if (i === undefined || !p.suggestions?.length) return null;
    return (
      <span className="suggestions">
        {' '}
        {t('check.didYouMean')}{' '}
        {p.suggestions.map((name) => (
          <button key={name} type="button" className="chip" aria-label={t('check.useSuggestion', { name, n: i + 1 })} onClick={() => applySuggestion(p, name)}>
            {name}
          </button>
        ))}
      </span>
    );
  };
  const carried = carriedFieldsOf(form);

  const setItems = (fn: (xs: ItemRow[]) => ItemRow[]) => setForm((f) => ({ ...f, items: fn(f.items) }));
  const setParties = (fn: (xs: PartyRow[]) => PartyRow[]) => setForm((f) => ({ ...f, parties: fn(f.parties) }));
  const setItem = (key: number, patch: Partial<ItemRow>) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const setParty = (key: number, patch: Partial<PartyRow>) => setParties((xs) => xs.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const [saved] = useLoad(() => api<{ counterparties: SavedParty[] }>('/v1/saved-counterparties'), []);
  const savedParties = saved.status === 'done' ? saved.value.counterparties : [];
  const pickSaved = (key: number, id: string) => {
    const c = savedParties.find((x) => x.id === id);
    // Another counterparty: what a loaded JSON said about the party before (an address …) does not carry over.
    if (c) setParty(key, { name: c.name, country: c.country ?? '', headquarters: c.headquarters ?? '', ultimateParent: c.ultimateParent ?? '', type: (c.type ?? '') as PartyType | '', extra: {} });
  };

  return (
    <>
      <PageHeader title={t('check.title')}>{t('check.lede')}</PageHeader>
      <div className="split">
        <div>
          <TransactionJsonPanel today={todayIso()} onCheck={(tx) => send(tx, true)} onLoad={replaceForm} />
          <form className="card form" onSubmit={submit} aria-label={t('check.form')}>
            <div className="row-actions start-with">
              <span className="muted">{t('check.startWith')}</span>
              <button type="button" className="secondary" title={t('check.loadExampleHint')} onClick={() => replaceForm(exampleForm(todayIso()))}>
                {t('check.loadExample')}
              </button>
              <button type="button" className="link" onClick={() => replaceForm(blankForm(todayIso()))}>
                {t('check.clearForm')}
              </button>
            </div>
            <fieldset>
              <legend>{t('check.shipment')}</legend>
              <div className="row">
                <Field label={t('check.orderRef')}>{(id) => <input id={id} value={orderRef} onChange={(e) => set({ orderRef: e.target.value })} placeholder={t('check.orderRefPlaceholder')} autoComplete="off" />}</Field>
                <Field label={t('check.date')}>{(id) => <input id={id} type="date" value={date} onChange={(e) => set({ date: e.target.value })} required />}</Field>
                <Field label={t('check.from')}>{(id) => <CountrySelect id={id} value={from} onChange={(v) => set({ from: v })} optional />}</Field>
                <Field label={t('check.to')}>{(id) => <CountrySelect id={id} value={to} onChange={(v) => set({ to: v })} placeholder={t('check.chooseCountry')} required />}</Field>
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
                          {(id) => <input id={id} data-item-model={i} list="catalogue-names" value={it.model} onChange={(e) => setItem(it.key, { model: e.target.value })} placeholder={t('check.modelPlaceholder')} autoComplete="off" />}
                        </Field>
                      ) : (
                        <Field label={t('check.itemJson', { n: i + 1 })} hint={t('check.itemJsonHint')} wide>
                          {(id) => <textarea id={id} className="mono" rows={3} value={it.json} placeholder={ITEM_JSON_EXAMPLE} onChange={(e) => setItem(it.key, { json: e.target.value })} spellCheck={false} />}
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
                          {(ROLES.includes(p.role) ? ROLES : [...ROLES, p.role]).map((r) => (
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
                    <input type="checkbox" checked={endUse.includes(u)} onChange={(e) => setForm((f) => ({ ...f, endUse: e.target.checked ? [...f.endUse, u] : f.endUse.filter((x) => x !== u) }))} />
                    {END_USE_LABEL[u]}
                  </label>
                ))}
              </div>
            </fieldset>

            {carried.length > 0 && <Notice>{t('check.json.carried', { fields: carried.join(', ') })}</Notice>}
            {formError !== null && <ErrorNotice error={formError} title={t('check.formError')} labelOf={problemLabel} />}
            <button type="submit" className="primary" disabled={state.status === 'loading'}>
              {state.status === 'loading' ? t('check.checking') : t('check.submit')}
            </button>
          </form>
        </div>

        <div className="result" aria-live="polite">
          {state.status === 'idle' && <p className="muted placeholder">{t('check.placeholder')}</p>}
          {state.status === 'loading' && <Loading label={t('check.determining')} />}
          {state.status === 'error' && <ErrorNotice error={state.error} title={t('check.failed')} labelOf={problemLabel} after={suggestionsOf} />}
          {state.status === 'done' && <DeterminationView d={state.value} itemNames={submitted.items} partyNames={submitted.parties} />}
        </div>
      </div>
    </>
  );
}
