import { api } from '../lib/api';
import { href } from '../lib/router';
import { todayIso } from '../lib/format';
import { conditionInWords, historyOf, statusOn, statusWords, type MeasureView } from '../lib/measures';
import { useLoad } from '../lib/use-async';
import { effectLabel, JURISDICTION_LABEL, measureSummary, measureTitle, policyLabel } from '../lib/vocab';
import { t } from '../lib/i18n';
import { useTranslation } from 'react-i18next';
import type { ReviewPolicy } from '../../domain/outcome';
import { ErrorNotice, Loading } from '../components/ui';
import type { Condition } from '../../domain/measure';

/** The body of GET /v1/rules/:id: the measure itself or `{ measure }`. */
function measureOf(body: unknown): MeasureView {
  const o = body as { measure?: MeasureView } & MeasureView;
  return o.measure ?? o;
}

function Conditions({ lines, cond }: { lines?: string[] | undefined; cond?: Condition | undefined }) {
  if (lines?.length) {
    return (
      <pre className="conditions">
        {lines.join('\n')}
      </pre>
    );
  }
  if (!cond) return <p className="muted">{t('measure.noCondition')}</p>;
  return (
    <ul className="conditions-tree">
      {conditionInWords(cond).map((l, i) => (
        <li key={i} style={{ paddingLeft: `${l.depth * 1.25}rem` }}>
          {l.text}
        </li>
      ))}
    </ul>
  );
}

export function MeasurePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [state, reload] = useLoad(() => api<unknown>(`/v1/rules/${encodeURIComponent(id)}`), [id]);
  return (
    <>
      <p className="breadcrumb">
        <a href={href('rules')}>{t('rules.title')}</a> / <span>{state.status === 'done' ? measureTitle(measureOf(state.value)) : '…'}</span>
      </p>
      {state.status === 'loading' && <Loading label={t('measure.loading')} />}
      {state.status === 'error' && (
        <>
          <ErrorNotice error={state.error} title={t('measure.loadFailed')} />
          <button type="button" className="secondary" onClick={reload}>
            {t('ui.tryAgain')}
          </button>
        </>
      )}
      {state.status === 'done' && <MeasureDetail m={measureOf(state.value)} />}
    </>
  );
}

function MeasureDetail({ m }: { m: MeasureView }) {
  const { t } = useTranslation();
  const st = statusWords(m.statusOn?.status ?? statusOn(m, todayIso()));
  const zhTitle = measureTitle(m) !== (m.title ?? m.summary);
  return (
    <article className="measure">
      <header className="page-header">
        <h1 tabIndex={-1} id="page-title">
          {measureTitle(m)}
        </h1>
        {zhTitle && <p className="muted">{t('measure.englishTitle', { title: m.title })}</p>}
        <p className="lede">{measureSummary(m)}</p>
      </header>
      <dl className="facts card">
        <dt>{t('measure.jurisdiction')}</dt>
        <dd>{JURISDICTION_LABEL[m.jurisdiction] ?? m.jurisdiction}</dd>
        <dt>{t('measure.effect')}</dt>
        <dd>
          {effectLabel(m.effect)}
          {m.reviewPolicy ? t('measure.reviewPolicy', { policy: policyLabel(m.reviewPolicy as ReviewPolicy) }) : ''}
          {m.kind && m.kind !== 'requirement' ? ` · ${m.kind === 'review_policy' ? t('rules.legendPolicy') : t('rules.legendEvent')}` : ''}
        </dd>
        <dt>{t('measure.instrument')}</dt>
        <dd>{m.instrument}</dd>
        <dt>{t('measure.citation')}</dt>
        <dd>{m.citation}</dd>
        <dt>{t('measure.inForce')}</dt>
        <dd>{m.effective.to ? t('measure.fromUntil', { from: m.effective.from, to: m.effective.to, status: st }) : t('measure.fromOnly', { from: m.effective.from, status: st })}</dd>
        {m.confidence && (
          <>
            <dt>{t('measure.confidence')}</dt>
            <dd>{t(`measure.confidenceLevel.${m.confidence}`)}</dd>
          </>
        )}
      </dl>
      <details className="identifiers">
        <summary>{t('ui.details')}</summary>
        <dl className="facts">
          <dt>{t('measure.id')}</dt>
          <dd>
            <code>{m.id}</code>
          </dd>
          {m.source && (
            <>
              <dt>{t('measure.pack')}</dt>
              <dd>
                <code>
                  {m.source.file}:{m.source.line}
                </code>
              </dd>
            </>
          )}
        </dl>
      </details>

      <section>
        <h2>{t('measure.whenApplies')}</h2>
        <Conditions lines={m.conditions ?? m.conditionText} cond={m.when} />
      </section>

      {m.exceptions && m.exceptions.length > 0 && (
        <section>
          <h2>{t('measure.exceptions')}</h2>
          {m.exceptions.map((e) => (
            <div key={e.code} className="card exception">
              <h3>
                {e.code} <span className="muted small">{e.citation}</span>
              </h3>
              <p>{e.summary}</p>
              {e.when && <Conditions cond={e.when} />}
              {e.requires && e.requires.length > 0 && (
                <>
                  <p className="label">{t('measure.mustAlso')}</p>
                  <ul>
                    {e.requires.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          ))}
        </section>
      )}

      <section>
        <h2>{t('measure.history')}</h2>
        <ol className="history">
          {historyOf(m).map((h, i) => (
            <li key={i}>
              <time dateTime={h.date}>{h.date}</time> {h.text}
            </li>
          ))}
        </ol>
      </section>

      {(m.notes || (m.sources && m.sources.length > 0)) && (
        <section>
          <h2>{t('measure.notes')}</h2>
          {m.notes && <p>{m.notes}</p>}
          {m.sources && (
            <ul>
              {m.sources.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </article>
  );
}
