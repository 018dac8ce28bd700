import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckForm } from '../lib/transaction-form';
import { FieldProblems, formOf, problemLabel, readTransactionJson } from '../lib/transaction-json';
import { ErrorNotice, Field, Notice } from '../components/ui';

/** Several transactions pasted at once: the page answers one at a time, and says so. */
interface Many {
  txs: unknown[];
}

function orderRefOf(tx: unknown): string {
  const id = (tx as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '';
}

/**
 * A transaction pasted or uploaded as JSON (the body POST /v1/check takes): checked as it is, or
 * loaded into the form to edit. A list of transactions is offered one at a time.
 */
export function TransactionJsonPanel({ today, onCheck, onLoad }: { today: string; onCheck: (tx: Record<string, unknown>) => void; onLoad: (form: CheckForm) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [info, setInfo] = useState('');
  const [many, setMany] = useState<Many | null>(null);

  /** The transaction to use: the text's one, or the picked one of a list; a problem is shown here, naming the field. */
  function take(pick?: number): Record<string, unknown> | undefined {
    setError(null);
    setInfo('');
    try {
      if (pick !== undefined) {
        // The list stays up, so the next one can be picked.
        const read = readTransactionJson(JSON.stringify(many?.txs[pick] ?? null));
        if (read.kind === 'one') return read.tx;
        throw new FieldProblems(t('check.json.notObject'));
      }
      setMany(null);
      const read = readTransactionJson(text);
      if (read.kind === 'one') return read.tx;
      setMany({ txs: read.txs });
    } catch (e) {
      setError(e);
    }
    return undefined;
  }

  function check(pick?: number): void {
    const tx = take(pick);
    if (tx) onCheck(tx);
  }

  function load(pick?: number): void {
    const tx = take(pick);
    if (!tx) return;
    try {
      onLoad(formOf(tx, today));
      setInfo(t('check.json.loaded'));
    } catch (e) {
      setError(e);
    }
  }

  async function readFile(e: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = e.target.files?.[0];
    if (!file) return;
    setError(null);
    setMany(null);
    try {
      setText(await file.text());
      setInfo(t('check.json.fileRead', { name: file.name }));
    } catch (err) {
      setError(new FieldProblems(t('check.json.fileFailed', { name: file.name, error: (err as Error).message })));
    }
  }

  return (
    <details className="card json-panel" data-testid="json-panel">
      <summary>{t('check.json.title')}</summary>
      <Field label={t('check.json.label')} hint={t('check.json.hint')} wide>
        {(id) => <textarea id={id} className="mono" rows={8} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />}
      </Field>
      <Field label={t('check.json.file')}>{(id) => <input id={id} type="file" accept=".json,application/json" onChange={(e) => void readFile(e)} />}</Field>
      <div className="row-actions">
        <button type="button" className="primary" onClick={() => check()}>
          {t('check.json.checkIt')}
        </button>
        <button type="button" className="secondary" onClick={() => load()}>
          {t('check.json.loadIt')}
        </button>
      </div>
      {info && <Notice kind="ok">{info}</Notice>}
      {error !== null && <ErrorNotice error={error} title={t('check.json.failed')} labelOf={problemLabel} />}
      {many && (
        <Notice kind="warn">
          <p>{t('check.json.many', { count: many.txs.length })}</p>
          <ul className="json-picks">
            {many.txs.map((tx, i) => {
              const ref = orderRefOf(tx);
              return (
                <li key={i}>
                  <span>{ref ? t('check.json.pickRef', { n: i + 1, ref }) : t('check.json.pick', { n: i + 1 })}</span>{' '}
                  <button type="button" className="link" onClick={() => check(i)}>
                    {t('check.json.checkOne', { n: i + 1 })}
                  </button>{' '}
                  <button type="button" className="link" onClick={() => load(i)}>
                    {t('check.json.loadOne', { n: i + 1 })}
                  </button>
                </li>
              );
            })}
          </ul>
        </Notice>
      )}
    </details>
  );
}
