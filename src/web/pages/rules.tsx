import { useMemo, useState } from 'react';
import { api } from '../lib/api';
import { href } from '../lib/router';
import { todayIso, words } from '../lib/format';
import { measuresOf, statusOn, type MeasureView } from '../lib/measures';
import { useLoad } from '../lib/use-async';
import { JURISDICTION_LABEL } from '../lib/vocab';
import { ErrorNotice, Field, Loading, PageHeader } from '../components/ui';

const DAY = 86_400_000;
const t = (d: string): number => Date.parse(`${d}T00:00:00Z`);

/** Measures older than this (the SDN list of 1995 …) start at the left edge, marked "since". */
const AXIS_START = '2018-01-01';

/** The span the timeline draws: from 2018 (or the earliest later date) to a year past the latest date named. */
function axisOf(ms: MeasureView[]): { from: number; to: number; years: number[] } {
  const dates = ms.flatMap((m) => [m.effective.from, m.effective.to, ...(m.status ?? []).flatMap((s) => [s.from, s.to])]).filter((d): d is string => !!d);
  const min = Math.max(Math.min(...dates.map(t), t('2022-01-01')), t(AXIS_START));
  const max = Math.max(...dates.map(t), Date.now());
  const fromYear = new Date(min).getUTCFullYear();
  const toYear = new Date(max).getUTCFullYear() + 1;
  const years: number[] = [];
  for (let y = fromYear; y <= toYear; y++) years.push(y);
  return { from: t(`${fromYear}-01-01`), to: t(`${toYear}-12-31`), years };
}

function pct(x: number, axis: { from: number; to: number }): number {
  return Math.max(0, Math.min(100, ((x - axis.from) / (axis.to - axis.from)) * 100));
}

const STATUS_CLASS: Record<string, string> = {
  'in force': 'st-in-force',
  'not yet in force': 'st-not-yet',
  ended: 'st-ended',
  'not enforced': 'st-paused',
  stayed: 'st-paused',
  suspended: 'st-paused',
  'unknown after': 'st-unknown',
};

function Bar({ m, axis }: { m: MeasureView; axis: { from: number; to: number } }) {
  const left = pct(t(m.effective.from), axis);
  const right = pct(m.effective.to ? t(m.effective.to) : axis.to, axis);
  return (
    <div className="track" aria-hidden="true">
      <span className={`bar kind-${m.kind ?? 'requirement'}${m.effective.to ? '' : ' open'}`} style={{ left: `${left}%`, width: `${Math.max(0.6, right - left)}%` }} />
      {(m.status ?? []).map((s, i) => {
        const l = pct(t(s.from), axis);
        const r = pct(s.to ? t(s.to) : axis.to, axis);
        return <span key={i} className="pause" style={{ left: `${l}%`, width: `${Math.max(0.6, r - l)}%` }} title={`${s.status} ${s.from}${s.to ? `–${s.to}` : ''}`} />;
      })}
    </div>
  );
}

interface TimelineEvent {
  date: string;
  event: string;
  measure: string;
  jurisdiction: string;
  title: string;
  citation: string;
  note?: string;
}

/** Every dated change the packs know of, newest first (GET /v1/rules/timeline). */
function Changes({ jurisdiction }: { jurisdiction: string }) {
  const [state] = useLoad(() => api<{ events: TimelineEvent[] }>(`/v1/rules/timeline${jurisdiction ? `?jurisdiction=${jurisdiction}` : ''}`), [jurisdiction]);
  const [shown, setShown] = useState(25);
  if (state.status === 'loading') return <Loading label="Loading the changes…" />;
  if (state.status === 'error') return <ErrorNotice error={state.error} title="Could not load the timeline of changes" />;
  if (state.status !== 'done') return null;
  const events = [...state.value.events].reverse();
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">What changed when</h2>
      <ol className="history">
        {events.slice(0, shown).map((e, i) => (
          <li key={`${e.measure}-${e.event}-${i}`}>
            <time dateTime={e.date}>{e.date}</time> <span className="status">{words(e.event)}</span> <a href={href('rules', e.measure)}>{e.title}</a>{' '}
            <span className="muted small">
              {e.jurisdiction} · {e.citation}
              {e.note ? ` · ${e.note}` : ''}
            </span>
          </li>
        ))}
      </ol>
      {shown < events.length && (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + 50)}>
          Earlier changes ({events.length - shown})
        </button>
      )}
    </section>
  );
}

export function RulesPage() {
  const [state, reload] = useLoad(() => api<unknown>('/v1/rules?all=true'), []);
  const [jurisdiction, setJurisdiction] = useState('');
  const [text, setText] = useState('');
  const [date, setDate] = useState(todayIso());
  const measures = useMemo(() => (state.status === 'done' ? measuresOf(state.value) : []), [state]);
  const axis = useMemo(() => axisOf(measures), [measures]);
  const shown = measures.filter(
    (m) =>
      (!jurisdiction || m.jurisdiction === jurisdiction) &&
      (!text || `${m.id} ${m.title ?? ''} ${m.summary} ${m.citation}`.toLowerCase().includes(text.toLowerCase())),
  );
  const jurisdictions = [...new Set(measures.map((m) => m.jurisdiction))];
  const today = pct(Date.now(), axis);
  const chosen = pct(t(date) || Date.now(), axis);

  return (
    <>
      <PageHeader title="Rules">The measures of every jurisdiction on one time line: when each took effect, when it was stayed, suspended or ended. Choose a measure for its conditions, citation and history.</PageHeader>
      <div className="card form filters" role="search" aria-label="Filter measures">
        <div className="row">
          <Field label="Jurisdiction">
            {(id) => (
              <select id={id} value={jurisdiction} onChange={(e) => setJurisdiction(e.target.value)}>
                <option value="">All</option>
                {jurisdictions.map((j) => (
                  <option key={j} value={j}>
                    {JURISDICTION_LABEL[j] ?? j}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Search" wide>
            {(id) => <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="id, words, citation" />}
          </Field>
          <Field label="Status on">{(id) => <input id={id} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}</Field>
        </div>
      </div>
      {state.status === 'loading' && <Loading label="Loading the rules…" />}
      {state.status === 'error' && (
        <>
          <ErrorNotice error={state.error} title="Could not load the rules" />
          <button type="button" className="secondary" onClick={reload}>
            Try again
          </button>
        </>
      )}
      {state.status === 'done' && (
        <section className="timeline" aria-label="Timeline of measures">
          <div className="legend muted small">
            <span className="key key-requirement" /> requirement <span className="key key-review_policy" /> licence review policy <span className="key key-event" /> event <span className="key key-pause" /> stayed, suspended or not enforced
            <span className="key key-chosen" /> {date}
          </div>
          <div className="axis" aria-hidden="true">
            <span className="axis-label" />
            <div className="track">
              {axis.years.map((y) => (
                <span key={y} className="year" style={{ left: `${pct(t(`${y}-01-01`), axis)}%` }}>
                  {y}
                </span>
              ))}
            </div>
          </div>
          {jurisdictions
            .filter((j) => !jurisdiction || j === jurisdiction)
            .map((j) => {
              const rows = shown.filter((m) => m.jurisdiction === j).sort((a, b) => (a.effective.from < b.effective.from ? -1 : a.effective.from > b.effective.from ? 1 : a.id.localeCompare(b.id)));
              if (!rows.length) return null;
              return (
                <div key={j} className="timeline-group">
                  <h2>
                    {JURISDICTION_LABEL[j] ?? j} <span className="muted small">{rows.length} measures</span>
                  </h2>
                  <ol className="timeline-rows">
                    {rows.map((m) => {
                      const st = statusOn(m, date);
                      return (
                        <li key={m.id} className="timeline-row">
                          <div className="timeline-label">
                            <a href={href('rules', m.id)}>{m.title ?? m.id}</a>
                            <span className="muted small">
                              {m.effective.to ? `${m.effective.from} – ${m.effective.to}` : `${m.effective.from < AXIS_START ? 'since' : 'from'} ${m.effective.from}`} · <span className={`status ${STATUS_CLASS[st] ?? ''}`}>{st}</span>
                            </span>
                          </div>
                          <div className="timeline-track">
                            <Bar m={m} axis={axis} />
                            <span className="today" style={{ left: `${today}%` }} aria-hidden="true" />
                            <span className="chosen" style={{ left: `${chosen}%` }} aria-hidden="true" />
                          </div>
                        </li>
                      );
                    })}
                  </ol>
                </div>
              );
            })}
          {shown.length === 0 && <p className="muted">No measure matches.</p>}
        </section>
      )}
      {state.status === 'done' && <Changes jurisdiction={jurisdiction} />}
    </>
  );
}
