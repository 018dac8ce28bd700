import { useState } from 'react';
import type { Dimension, ExposureComparison, ExposureReport, LineFlip } from '../../exposure/types';
import { count, countryName, money, moneyShort, percent, signedMoneyShort } from '../lib/format';
import { href } from '../lib/router';
import { JURISDICTION_LABEL, KIND_LABEL, measureTitle, OUTCOME_SHORT, OUTCOMES } from '../lib/vocab';
import { t } from '../lib/i18n';
import type { MeasureInfo } from '../../exposure/types';
import { Field, Name, OutcomeBadge } from './ui';

const DIMENSIONS: Dimension[] = ['jurisdiction', 'measure', 'destination', 'item', 'kind', 'month'];
const dimensionLabel = (d: Dimension): string => t(`exposure.dimension.${d}`);

/** A measure by its title (the id only as the link target), falling back to the id when the report does not name it. */
function MeasureLink({ id, info }: { id: string; info?: Record<string, MeasureInfo> | undefined }) {
  const m = info?.[id];
  return <a href={href('rules', id)}>{m?.title ? measureTitle(m) : id}</a>;
}

function keyLabel(dimension: Dimension, key: string, info?: Record<string, MeasureInfo>): React.ReactNode {
  if (dimension === 'destination') return `${key} · ${countryName(key)}`;
  if (dimension === 'kind') return KIND_LABEL[key] ?? key;
  if (dimension === 'jurisdiction') return JURISDICTION_LABEL[key] ?? key;
  if (dimension === 'measure') return <MeasureLink id={key} info={info} />;
  return <Name>{key}</Name>;
}

/** Any breakdown of either report, with counts and values per outcome. */
export function BreakdownTable({ reports }: { reports: ExposureReport[] }) {
  const [dimension, setDimension] = useState<Dimension>('destination');
  const [which, setWhich] = useState(reports.length - 1);
  const r = reports[Math.min(which, reports.length - 1)]!;
  const groups = r.by[dimension];
  return (
    <section aria-labelledby="breakdown-title">
      <h2 id="breakdown-title">{t('exposure.breakdown')}</h2>
      <div className="row">
        <Field label={t('exposure.by')}>
          {(id) => (
            <select id={id} value={dimension} onChange={(e) => setDimension(e.target.value as Dimension)}>
              {DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {dimensionLabel(d)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {reports.length > 1 && (
          <Field label={t('exposure.rulesOf')}>
            {(id) => (
              <select id={id} value={which} onChange={(e) => setWhich(Number(e.target.value))}>
                {reports.map((rep, i) => (
                  <option key={i} value={i}>
                    {rep.asOf ?? t('exposure.eachLineDate')}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      {dimension === 'measure' && <p className="muted small">{t('exposure.measureOverlap')}</p>}
      {dimension === 'jurisdiction' && <p className="muted small">{t('exposure.jurisdictionOnce')}</p>}
      <div className="table-wrap">
        <table className="numbers">
          <thead>
            <tr>
              <th scope="col">{dimensionLabel(dimension)}</th>
              <th scope="col">{t('exposure.linesCol')}</th>
              <th scope="col">{t('exposure.valueCol')}</th>
              {OUTCOMES.map((o) => (
                <th scope="col" key={o}>
                  {OUTCOME_SHORT[o]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key}>
                <th scope="row">{keyLabel(dimension, g.key, r.measures)}</th>
                <td>{count(g.total.count)}</td>
                <td>{moneyShort(g.total.value, r.currency)}</td>
                {OUTCOMES.map((o) => (
                  <td key={o} className={g.outcomes[o].count ? '' : 'zero'} title={g.outcomes[o].count ? t('exposure.cellTitle', { count: count(g.outcomes[o].count), value: money(g.outcomes[o].value, r.currency) }) : undefined}>
                    {g.outcomes[o].count ? moneyShort(g.outcomes[o].value, r.currency) : '·'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function TotalsTable({ reports, c }: { reports: ExposureReport[]; c?: ExposureComparison }) {
  const currency = reports[0]!.currency;
  return (
    <div className="table-wrap">
      <table className="numbers">
        <caption>{t('exposure.totalsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exposure.outcome')}</th>
            {reports.map((r, i) => (
              <th scope="col" key={i} colSpan={2}>
                {t('exposure.rulesOfDate', { date: r.asOf ?? t('exposure.eachLineDate') })}
              </th>
            ))}
            {c && <th scope="col">{t('exposure.change')}</th>}
          </tr>
        </thead>
        <tbody>
          {OUTCOMES.map((o) => (
            <tr key={o}>
              <th scope="row">
                <OutcomeBadge outcome={o} />
              </th>
              {reports.map((r, i) => [
                <td key={`${i}c`}>{t('exposure.lines', { count: count(r.total.outcomes[o].count) })}</td>,
                <td key={`${i}v`}>
                  {moneyShort(r.total.outcomes[o].value, currency)} <span className="muted small">{percent(r.total.outcomes[o].value, r.total.total.value)}</span>
                </td>,
              ])}
              {c && <td className={c.delta[o].value > 0 ? 'up' : c.delta[o].value < 0 ? 'down' : 'zero'}>{c.delta[o].value ? signedMoneyShort(c.delta[o].value, currency) : '·'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Why({ f, info }: { f: LineFlip; info: Record<string, MeasureInfo> }) {
  return (
    <ul className="why">
      {f.added.map((m) => (
        <li key={`+${m}`}>
          <span className="plus" aria-label={t('exposure.newlyApplies')}>+</span> <MeasureLink id={m} info={info} />
        </li>
      ))}
      {f.removed.map((m) => (
        <li key={`-${m}`}>
          <span className="minus" aria-label={t('exposure.noLongerApplies')}>−</span> <MeasureLink id={m} info={info} />
        </li>
      ))}
      {f.changed.map((x) => (
        <li key={`~${x.measure}`}>
          <span className="tilde" aria-label={t('exposure.changed')}>~</span> <MeasureLink id={x.measure} info={info} /> {OUTCOME_SHORT[x.before]} → {OUTCOME_SHORT[x.after]}
        </li>
      ))}
    </ul>
  );
}

/** The lines that flip between the two dates, biggest value first, a page at a time. */
export function FlipsTable({ c }: { c: ExposureComparison }) {
  const [shown, setShown] = useState(25);
  const currency = c.base.currency;
  const info = { ...c.base.measures, ...c.compare.measures };
  if (!c.flips.length) return <p className="muted">{t('exposure.noFlips', { from: c.base.asOf ?? t('exposure.lineDates'), to: c.compare.asOf ?? t('exposure.lineDates') })}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="flips">
          <caption>
            {t('exposure.flipsCaption', { count: count(c.flips.length), stricter: count(c.stricter.count), looser: count(c.looser.count) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('exposure.line')}</th>
              <th scope="col">{t('exposure.month')}</th>
              <th scope="col">{t('exposure.to')}</th>
              <th scope="col">{t('exposure.item')}</th>
              <th scope="col">{t('exposure.value')}</th>
              <th scope="col">
                {c.base.asOf} → {c.compare.asOf}
              </th>
              <th scope="col">{t('exposure.why')}</th>
            </tr>
          </thead>
          <tbody>
            {c.flips.slice(0, shown).map((f) => (
              <tr key={f.row}>
                <th scope="row">{f.id}</th>
                <td className="nowrap">{f.month}</td>
                <td>{f.destination}</td>
                <td>
                  <Name>{f.item}</Name>
                </td>
                <td className="nowrap">{moneyShort(f.value, currency)}</td>
                <td className="nowrap">
                  {OUTCOME_SHORT[f.before]} → <strong className={f.direction === 'stricter' ? 'up' : 'down'}>{OUTCOME_SHORT[f.after]}</strong>
                </td>
                <td>
                  <Why f={f} info={info} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown < c.flips.length && (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + 50)}>
          {t('exposure.showMore', { count: count(c.flips.length - shown) })}
        </button>
      )}
    </>
  );
}

export function MeasureChangesTable({ c }: { c: ExposureComparison }) {
  const [all, setAll] = useState(false);
  const currency = c.base.currency;
  const shown = all ? c.measureChanges : c.measureChanges.slice(0, 8);
  return (
    <>
    <div className="table-wrap">
      <table className="numbers">
        <caption>{t('exposure.measuresCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exposure.measure')}</th>
            <th scope="col">{t('exposure.newlyAppliesCol')}</th>
            <th scope="col">{t('exposure.noLongerAppliesCol')}</th>
            <th scope="col">{t('exposure.summary')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => (
            <tr key={m.measure}>
              <th scope="row">
                <a href={href('rules', m.measure)}>{m.title ? measureTitle(m) : m.measure}</a>
                <div className="muted small">{m.citation}</div>
              </th>
              <td>{m.newlyApplying.count ? t('exposure.linesValue', { count: count(m.newlyApplying.count), value: moneyShort(m.newlyApplying.value, currency) }) : '·'}</td>
              <td>{m.noLongerApplying.count ? t('exposure.linesValue', { count: count(m.noLongerApplying.count), value: moneyShort(m.noLongerApplying.value, currency) }) : '·'}</td>
              <td className="summary">{m.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    {shown.length < c.measureChanges.length && (
      <button type="button" className="secondary" onClick={() => setAll(true)}>
        {t('exposure.allMeasures', { count: c.measureChanges.length })}
      </button>
    )}
    </>
  );
}
