import { api } from '../lib/api';
import { href } from '../lib/router';
import { todayIso, words } from '../lib/format';
import { conditionInWords, historyOf, statusOn, type MeasureView } from '../lib/measures';
import { useLoad } from '../lib/use-async';
import { JURISDICTION_LABEL } from '../lib/vocab';
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
  if (!cond) return <p className="muted">No condition given.</p>;
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
  const [state, reload] = useLoad(() => api<unknown>(`/v1/rules/${encodeURIComponent(id)}`), [id]);
  return (
    <>
      <p className="breadcrumb">
        <a href={href('rules')}>Rules</a> / <span>{id}</span>
      </p>
      {state.status === 'loading' && <Loading label="Loading the measure…" />}
      {state.status === 'error' && (
        <>
          <ErrorNotice error={state.error} title={`Could not load ${id}`} />
          <button type="button" className="secondary" onClick={reload}>
            Try again
          </button>
        </>
      )}
      {state.status === 'done' && <MeasureDetail m={measureOf(state.value)} />}
    </>
  );
}

function MeasureDetail({ m }: { m: MeasureView }) {
  const st = m.statusOn?.status ? words(m.statusOn.status) : statusOn(m, todayIso());
  return (
    <article className="measure">
      <header className="page-header">
        <h1 tabIndex={-1} id="page-title">
          {m.title ?? m.summary}
        </h1>
        <p className="lede">{m.summary}</p>
      </header>
      <dl className="facts card">
        <dt>Id</dt>
        <dd>
          <code>{m.id}</code>
        </dd>
        <dt>Jurisdiction</dt>
        <dd>{JURISDICTION_LABEL[m.jurisdiction] ?? m.jurisdiction}</dd>
        <dt>Effect</dt>
        <dd>
          {words(m.effect)}
          {m.reviewPolicy ? ` · review policy: ${words(m.reviewPolicy)}` : ''}
          {m.kind && m.kind !== 'requirement' ? ` · ${words(m.kind)}` : ''}
        </dd>
        <dt>Instrument</dt>
        <dd>{m.instrument}</dd>
        <dt>Citation</dt>
        <dd>{m.citation}</dd>
        <dt>In force</dt>
        <dd>
          from {m.effective.from}
          {m.effective.to ? ` until ${m.effective.to}` : ''} · today: {st}
        </dd>
        {m.confidence && (
          <>
            <dt>Confidence</dt>
            <dd>{m.confidence}</dd>
          </>
        )}
        {m.source && (
          <>
            <dt>Rule pack</dt>
            <dd>
              <code>
                {m.source.file}:{m.source.line}
              </code>
            </dd>
          </>
        )}
      </dl>

      <section>
        <h2>When it applies</h2>
        <Conditions lines={m.conditions ?? m.conditionText} cond={m.when} />
      </section>

      {m.exceptions && m.exceptions.length > 0 && (
        <section>
          <h2>Licence exceptions</h2>
          {m.exceptions.map((e) => (
            <div key={e.code} className="card exception">
              <h3>
                {e.code} <span className="muted small">{e.citation}</span>
              </h3>
              <p>{e.summary}</p>
              {e.when && <Conditions cond={e.when} />}
              {e.requires && e.requires.length > 0 && (
                <>
                  <p className="label">The exporter must also</p>
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
        <h2>History</h2>
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
          <h2>Notes and sources</h2>
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
