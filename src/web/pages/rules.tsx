import { useMemo, useState } from 'react';
import { api } from '../lib/api';
import { href } from '../lib/router';
import { todayIso } from '../lib/format';
import { measuresOf, statusOn, type MeasureView } from '../lib/measures';
import { useLoad } from '../lib/use-async';
import { JURISDICTION_LABEL, measureTitle } from '../lib/vocab';
import { useTranslation } from 'react-i18next';
import { statusWords } from '../lib/measures';
import { ErrorNotice, Field, Loading, PageHeader } from '../components/ui';

const DAY = 86_400_000;
const day = (d: string): number => Date.parse(`${d}T00:00:00Z`);

/** Measures older than this (the SDN list of 1995 …) start at the left edge, marked "since". */
const AXIS_START = '2018-01-01';

/** The span the timeline draws: from 2018 (or the earliest later date) to a year past the latest date named. */
function axisOf(ms: MeasureView[]): { from: number; to: number; years: number[] } {
  const dates = ms.flatMap((m) => [m.effective.from, m.effective.to, ...(m.status ?? []).flatMap((s) => [s.from, s.to])]).filter((d): d is string => !!d);
  const min = Math.max(Math.min(...dates.map(day), day('2022-01-01')), day(AXIS_START));
  const max = Math.max(...dates.map(day), Date.now());
  const fromYear = new Date(min).getUTCFullYear();
  const toYear = new Date(max).getUTCFullYear() + 1;
  const years: number[] = [];
  for (let y = fromYear; y <= toYear; y++) years.push(y);
  return { from: day(`${fromYear}-01-01`), to: day(`${toYear}-12-31`), years };
}

function pct(x: number, axis: { from: number; to: number }): number {
  return Math.max(0, Math.min(100, ((x - axis.from) / (axis.to - axis.from)) * 100));
}

const STATUS_CLASS: Record<string, string> = {
  in_force: 'st-in-force',
  not_yet_in_force: 'st-not-yet',
  ended: 'st-ended',
  not_enforced: 'st-paused',
  stayed: 'st-paused',
  suspended: 'st-paused',
  unknown_after: 'st-unknown',
};

function Bar({ m, axis }: { m: MeasureView; axis: { from: number; to: number } }) {
  const left = pct(day(m.effective.from), axis);
  const right = pct(m.effective.to ? day(m.effective.to) : axis.to, axis);
  return (
    <div className="track" aria-hidden="true">
      <span className={`bar kind-${m.kind ?? 'requirement'}${m.effective.to ? '' : ' open'}`} style={{ left: `${left}%`, width: `${Math.max(0.6, right - left)}%` }} />
      {(m.status ?? []).map((s, i) => {
        const l = pct(day(s.from), axis);
        const r = pct(s.to ? day(s.to) : axis.to, axis);
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
  titleZh?: string;
  citation: string;
  note?: string;
}

/** Every dated change the packs know of, newest first (GET /v1/rules/timeline). */
function Changes({ jurisdiction }: { jurisdiction: string }) {
  const { t } = useTranslation();
  const [state] = useLoad(() => api<{ events: TimelineEvent[] }>(`/v1/rules/timeline${jurisdiction ? `?jurisdiction=${jurisdiction}` : ''}`), [jurisdiction]);
  const [shown, setShown] = useState(25);
  if (state.status === 'loading') return <Loading label={t('rules.loadingChanges')} />;
  if (state.status === 'error') return <ErrorNotice error={state.error} title={t('rules.changesFailed')} />;
  if (state.status !== 'done') return null;
  const events = [...state.value.events].reverse();
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">{t('rules.changes')}</h2>
      <ol className="history">
        {events.slice(0, shown).map((e, i) => (
          <li key={`${e.measure}-${e.event}-${i}`}>
            <time dateTime={e.date}>{e.date}</time> <span className="status">{statusWords(e.event)}</span> <a href={href('rules', e.measure)}>{measureTitle(e)}</a>{' '}
            <span className="muted small">
              {JURISDICTION_LABEL[e.jurisdiction] ?? e.jurisdiction} · {e.citation}
              {e.note ? ` · ${e.note}` : ''}
            </span>
          </li>
        ))}
      </ol>
      {shown < events.length && (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + 50)}>
          {t('rules.earlier', { count: events.length - shown })}
        </button>
      )}
    </section>
  );
}

export function RulesPage() {
  const { t } = useTranslation();
  const [state, reload] = useLoad(() => api<unknown>('/v1/rules?all=true'), []);
  const [jurisdiction, setJurisdiction] = useState('');
  const [text, setText] = useState('');
  const [date, setDate] = useState(todayIso());
  const measures = useMemo(() => (state.status === 'done' ? measuresOf(state.value) : []), [state]);
  const axis = useMemo(() => axisOf(measures), [measures]);
  const shown = measures.filter(
    (m) =>
      (!jurisdiction || m.jurisdiction === jurisdiction) &&
      (!text || `${m.id} ${m.title ?? ''} ${m.titleZh ?? ''} ${m.summary} ${m.citation}`.toLowerCase().includes(text.toLowerCase())),
  );
  const jurisdictions = [...new Set(measures.map((m) => m.jurisdiction))];
  const today = pct(Date.now(), axis);
  const chosen = pct(day(date) || Date.now(), axis);

  return (
    <>
      <PageHeader title={t('rules.title')}>{t('rules.lede')}</PageHeader>
      <div className="card form filters" role="search" aria-label={t('rules.filters')}>
        <div className="row">
          <Field label={t('rules.jurisdiction')}>
            {(id) => (
              <select id={id} value={jurisdiction} onChange={(e) => setJurisdiction(e.target.value)}>
                <option value="">{t('ui.all')}</option>
                {jurisdictions.map((j) => (
                  <option key={j} value={j}>
                    {JURISDICTION_LABEL[j] ?? j}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('rules.search')} wide>
            {(id) => <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('rules.searchPlaceholder')} />}
          </Field>
          <Field label={t('rules.statusOn')}>{(id) => <input id={id} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}</Field>
        </div>
      </div>
      {state.status === 'loading' && <Loading label={t('rules.loading')} />}
      {state.status === 'error' && (
        <>
          <ErrorNotice error={state.error} title={t('rules.loadFailed')} />
          <button type="button" className="secondary" onClick={reload}>
            {t('ui.tryAgain')}
          </button>
        </>
      )}
      {state.status === 'done' && (
        <section className="timeline" aria-label={t('rules.timeline')}>
          <div className="legend muted small">
            <span className="key key-requirement" /> {t('rules.legendRequirement')} <span className="key key-review_policy" /> {t('rules.legendPolicy')} <span className="key key-event" /> {t('rules.legendEvent')} <span className="key key-pause" /> {t('rules.legendPause')}
            <span className="key key-chosen" /> {date}
          </div>
          <div className="axis" aria-hidden="true">
            <span className="axis-label" />
            <div className="track">
              {axis.years.map((y) => (
                <span key={y} className="year" style={{ left: `${pct(day(`${y}-01-01`), axis)}%` }}>
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
                    {JURISDICTION_LABEL[j] ?? j} <span className="muted small">{t('rules.measures', { count: rows.length })}</span>
                  </h2>
                  <ol className="timeline-rows">
                    {rows.map((m) => {
                      const st = statusOn(m, date);
                      return (
                        <li key={m.id} className="timeline-row">
                          <div className="timeline-label">
                            <a href={href('rules', m.id)}>{measureTitle(m)}</a>
                            <span className="muted small">
                              {m.effective.to ? `${m.effective.from} – ${m.effective.to}` : m.effective.from < AXIS_START ? t('rules.since', { date: m.effective.from }) : t('rules.from', { date: m.effective.from })} · <span className={`status ${STATUS_CLASS[st] ?? ''}`}>{statusWords(st)}</span>
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
          {shown.length === 0 && <p className="muted">{t('rules.noMatch')}</p>}
        </section>
      )}
      {state.status === 'done' && <Changes jurisdiction={jurisdiction} />}
    </>
  );
}
