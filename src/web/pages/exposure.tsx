import { useState, type FormEvent } from 'react';
import type { ExposureComparison, ExposureReport } from '../../exposure/types';
import { breakdownCsv, flipsCsv } from '../../exposure/csv';
import { api, saveBlob } from '../lib/api';
import { count, moneyShort, percent } from '../lib/format';
import { useAsyncAction } from '../lib/use-async';
import { bookContentType, exampleBookFile, EXAMPLE_BOOK } from './batch';
import { ErrorNotice, Field, Loading, Notice, PageHeader } from '../components/ui';
import { GroupBars, MonthLines, OutcomeBars, ShiftBars, TransitionSankey } from '../components/exposure-charts';
import { BreakdownTable, FlipsTable, MeasureChangesTable, TotalsTable } from '../components/exposure-tables';
import { useTranslation } from 'react-i18next';
import { t } from '../lib/i18n';

type Result = ExposureReport | ExposureComparison;
const isComparison = (r: Result): r is ExposureComparison => 'flips' in r;

/** Rule dates worth comparing: before Oct-2022, after the Oct-2023 update, and late 2026. */
const PRESETS: [string, string][] = [
  ['2022-06-01', '2023-12-01'],
  ['2023-12-01', '2026-09-30'],
  ['2022-06-01', '2026-09-30'],
];

const restrictedValue = (r: ExposureReport): number => r.total.outcomes.prohibited.value + r.total.outcomes.license_required.value + r.total.outcomes.review.value;

function Kpi({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="kpi">
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
      {detail && <span className="kpi-detail">{detail}</span>}
    </div>
  );
}

function Exports({ result, name }: { result: Result; name: string }) {
  const base = name.replace(/\.[^.]+$/, '');
  const tag = isComparison(result) ? `${result.base.asOf ?? 'dated'}-vs-${result.compare.asOf ?? 'dated'}` : (result.asOf ?? 'dated');
  return (
    <div className="row-actions exports" role="group" aria-label={t('exposure.export')}>
      <button type="button" className="secondary" onClick={() => saveBlob(new Blob([breakdownCsv(result)], { type: 'text/csv' }), `${base}-exposure-${tag}.csv`)}>
        {t('exposure.downloadBreakdown')}
      </button>
      {isComparison(result) && (
        <button type="button" className="secondary" onClick={() => saveBlob(new Blob([flipsCsv(result)], { type: 'text/csv' }), `${base}-flips-${tag}.csv`)}>
          {t('exposure.downloadFlips')}
        </button>
      )}
      <button type="button" className="secondary" onClick={() => saveBlob(new Blob([JSON.stringify(result, null, 2)], { type: 'application/json' }), `${base}-exposure-${tag}.json`)}>
        {t('exposure.downloadAll')}
      </button>
    </div>
  );
}

function ReportView({ result, name }: { result: Result; name: string }) {
  const { t } = useTranslation();
  const c = isComparison(result) ? result : undefined;
  const reports = c ? [c.base, c.compare] : [result as ExposureReport];
  const last = reports[reports.length - 1]!;
  const cur = last.currency;
  return (
    <section className="exposure-result" aria-labelledby="result-title">
      <h2 id="result-title" className="sr-only">
        {t('exposure.resultTitle', { name })}
      </h2>
      {last.caveats.map((cv) => (
        <Notice key={cv} kind="warn">
          {cv}
        </Notice>
      ))}
      {last.errorTotal.count > 0 && (
        <Notice kind="warn">
          {t('exposure.errorLines', { count: count(last.errorTotal.count), value: moneyShort(last.errorTotal.value, cur), row: last.errors[0]?.row, id: last.errors[0]?.id, message: last.errors[0]?.message })}
        </Notice>
      )}
      <div className="kpis">
        <Kpi label={t('exposure.kpiBook')} value={moneyShort(last.total.total.value, cur)} detail={t('exposure.lines', { count: count(last.total.total.count) })} />
        {reports.map((r, i) => (
          <Kpi key={i} label={t('exposure.restrictedUnder', { date: r.asOf ?? t('exposure.lineDates') })} value={moneyShort(restrictedValue(r), cur)} detail={percent(restrictedValue(r), r.total.total.value)} />
        ))}
        {c && <Kpi label={t('exposure.newlyRestricted')} value={moneyShort(c.stricter.value, cur)} detail={t('exposure.flipStricter', { count: count(c.stricter.count) })} />}
        {c && <Kpi label={t('exposure.released')} value={moneyShort(c.looser.value, cur)} detail={t('exposure.flipLooser', { count: count(c.looser.count) })} />}
      </div>
      <Exports result={result} name={name} />

      <div className="charts">
        <figure className="card">
          <figcaption>{t('exposure.valueByOutcome')}</figcaption>
          <OutcomeBars reports={reports} />
        </figure>
        {c && (
          <figure className="card">
            <figcaption>{t('exposure.whereMoved', { from: c.base.asOf ?? t('exposure.lineDates'), to: c.compare.asOf ?? t('exposure.lineDates') })}</figcaption>
            <TransitionSankey c={c} />
          </figure>
        )}
        <figure className="card">
          <figcaption>{t('exposure.byMonth')}</figcaption>
          <MonthLines reports={reports} />
        </figure>
        {c ? (
          <figure className="card">
            <figcaption>{t('exposure.flipsByDestination')}</figcaption>
            <ShiftBars shifts={c.shifts.destination} currency={cur} title={t('exposure.flipsByDestinationTitle')} />
          </figure>
        ) : (
          <figure className="card">
            <figcaption>{t('exposure.topDestinations')}</figcaption>
            <GroupBars groups={last.by.destination} currency={cur} title={t('exposure.topDestinationsTitle')} />
          </figure>
        )}
        {c ? (
          <figure className="card">
            <figcaption>{t('exposure.flipsByItem')}</figcaption>
            <ShiftBars shifts={c.shifts.item} currency={cur} title={t('exposure.flipsByItemTitle')} />
          </figure>
        ) : (
          <figure className="card">
            <figcaption>{t('exposure.topItems')}</figcaption>
            <GroupBars groups={last.by.item} currency={cur} title={t('exposure.topItemsTitle')} />
          </figure>
        )}
      </div>

      <TotalsTable reports={reports} {...(c ? { c } : {})} />
      {c && c.measureChanges.length > 0 && <MeasureChangesTable c={c} />}
      {c && (
        <section aria-labelledby="flips-title">
          <h2 id="flips-title">{t('exposure.flipsTitle')}</h2>
          {c.reasonChanges > 0 && <p className="muted small">{t('exposure.reasonChanges', { count: count(c.reasonChanges) })}</p>}
          <FlipsTable c={c} />
        </section>
      )}
      <BreakdownTable reports={reports} />
    </section>
  );
}

export function ExposurePage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [asOf, setAsOf] = useState(PRESETS[2]![0]);
  const [compareAsOf, setCompareAsOf] = useState(PRESETS[2]![1]);
  const [compare, setCompare] = useState(true);
  const [name, setName] = useState('');
  const [exampleError, setExampleError] = useState<unknown>(null);
  const [state, run] = useAsyncAction(async (f: File, a: string, b: string | null) => {
    const qs = new URLSearchParams();
    if (a) qs.set('asOf', a);
    if (b) qs.set('compareAsOf', b);
    return api<Result>(`/v1/exposure?${qs}`, { raw: { body: f, contentType: bookContentType(f.name) } });
  });
  function go(f: File | null) {
    if (!f) return;
    setName(f.name);
    void run(f, asOf, compare ? compareAsOf : null);
  }
  return (
    <>
      <PageHeader title={t('exposure.title')}>{t('exposure.lede')}</PageHeader>
      <form
        className="card form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          go(file);
        }}
      >
        <div className="row">
          <Field label={t('exposure.book')} wide>
            {(id) => <input id={id} type="file" accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
          </Field>
        </div>
        <div className="row">
          <Field label={t('exposure.asOf')}>{(id) => <input id={id} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} required />}</Field>
          <label className="check compare-toggle">
            <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} /> {t('exposure.compareWith')}
          </label>
          <Field label={t('exposure.compareAsOf')}>{(id) => <input id={id} type="date" value={compareAsOf} disabled={!compare} onChange={(e) => setCompareAsOf(e.target.value)} />}</Field>
        </div>
        <div className="presets" role="group" aria-label={t('exposure.presets')}>
          {PRESETS.map(([a, b]) => (
            <button
              key={`${a}-${b}`}
              type="button"
              className="chip"
              aria-pressed={compare && a === asOf && b === compareAsOf}
              onClick={() => {
                setAsOf(a);
                setCompareAsOf(b);
                setCompare(true);
              }}
            >
              {a} → {b}
            </button>
          ))}
        </div>
        <div className="row-actions">
          <button type="submit" className="primary" disabled={!file || state.status === 'loading'}>
            {t('exposure.analyse')}
          </button>
          <button type="button" className="secondary" disabled={state.status === 'loading'} onClick={() => {
              setExampleError(null);
              exampleBookFile().then(go, setExampleError);
            }}>
            {t('exposure.useExample', { name: EXAMPLE_BOOK.name })}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {state.status === 'loading' && <Loading label={compare ? t('exposure.evaluatingBoth', { name }) : t('exposure.evaluating', { name })} />}
        {state.status === 'error' && <ErrorNotice error={state.error} title={t('exposure.failed')} />}
        {exampleError !== null && <ErrorNotice error={exampleError} title={t('exposure.exampleFailed')} />}
      </div>
      {state.status === 'done' && <ReportView result={state.value} name={name} />}
    </>
  );
}
