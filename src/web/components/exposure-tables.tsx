import { useState } from 'react';
import type { Dimension, ExposureComparison, ExposureReport, LineFlip } from '../../exposure/types';
import { count, countryName, money, moneyShort, percent, signedMoneyShort } from '../lib/format';
import { href } from '../lib/router';
import { KIND_LABEL, OUTCOME_SHORT, OUTCOMES } from '../lib/vocab';
import { Field, Name, OutcomeBadge } from './ui';

const DIMENSION_LABEL: Record<Dimension, string> = {
  jurisdiction: 'Jurisdiction',
  measure: 'Measure',
  destination: 'Destination',
  item: 'Item',
  kind: 'Kind of item',
  month: 'Month',
};

function keyLabel(dimension: Dimension, key: string): React.ReactNode {
  if (dimension === 'destination') return `${key} · ${countryName(key)}`;
  if (dimension === 'kind') return KIND_LABEL[key] ?? key;
  if (dimension === 'measure') return <a href={href('rules', key)}>{key}</a>;
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
      <h2 id="breakdown-title">Breakdown</h2>
      <div className="row">
        <Field label="By">
          {(id) => (
            <select id={id} value={dimension} onChange={(e) => setDimension(e.target.value as Dimension)}>
              {(Object.keys(DIMENSION_LABEL) as Dimension[]).map((d) => (
                <option key={d} value={d}>
                  {DIMENSION_LABEL[d]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {reports.length > 1 && (
          <Field label="Rules of">
            {(id) => (
              <select id={id} value={which} onChange={(e) => setWhich(Number(e.target.value))}>
                {reports.map((rep, i) => (
                  <option key={i} value={i}>
                    {rep.asOf ?? 'each line’s date'}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      {dimension === 'measure' && <p className="muted small">A line counts under every measure that weighs on it, with the outcome that measure gives it, so these rows overlap.</p>}
      {dimension === 'jurisdiction' && <p className="muted small">Every line appears once per jurisdiction, with that jurisdiction’s outcome.</p>}
      <div className="table-wrap">
        <table className="numbers">
          <thead>
            <tr>
              <th scope="col">{DIMENSION_LABEL[dimension]}</th>
              <th scope="col">Lines</th>
              <th scope="col">Value</th>
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
                <th scope="row">{keyLabel(dimension, g.key)}</th>
                <td>{count(g.total.count)}</td>
                <td>{moneyShort(g.total.value, r.currency)}</td>
                {OUTCOMES.map((o) => (
                  <td key={o} className={g.outcomes[o].count ? '' : 'zero'} title={g.outcomes[o].count ? `${count(g.outcomes[o].count)} lines, ${money(g.outcomes[o].value, r.currency)}` : undefined}>
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
        <caption>Lines and value by outcome</caption>
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            {reports.map((r, i) => (
              <th scope="col" key={i} colSpan={2}>
                Rules of {r.asOf ?? 'each line’s date'}
              </th>
            ))}
            {c && <th scope="col">Change in value</th>}
          </tr>
        </thead>
        <tbody>
          {OUTCOMES.map((o) => (
            <tr key={o}>
              <th scope="row">
                <OutcomeBadge outcome={o} />
              </th>
              {reports.map((r, i) => [
                <td key={`${i}c`}>{count(r.total.outcomes[o].count)} lines</td>,
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

function Why({ f }: { f: LineFlip }) {
  return (
    <ul className="why">
      {f.added.map((m) => (
        <li key={`+${m}`}>
          <span className="plus" aria-label="newly applies">+</span> <a href={href('rules', m)}>{m}</a>
        </li>
      ))}
      {f.removed.map((m) => (
        <li key={`-${m}`}>
          <span className="minus" aria-label="no longer applies">−</span> <a href={href('rules', m)}>{m}</a>
        </li>
      ))}
      {f.changed.map((x) => (
        <li key={`~${x.measure}`}>
          <span className="tilde" aria-label="changed">~</span> <a href={href('rules', x.measure)}>{x.measure}</a> {OUTCOME_SHORT[x.before]} → {OUTCOME_SHORT[x.after]}
        </li>
      ))}
    </ul>
  );
}

/** The lines that flip between the two dates, biggest value first, a page at a time. */
export function FlipsTable({ c }: { c: ExposureComparison }) {
  const [shown, setShown] = useState(25);
  const currency = c.base.currency;
  if (!c.flips.length) return <p className="muted">No line changes outcome between {c.base.asOf} and {c.compare.asOf}.</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="flips">
          <caption>
            {count(c.flips.length)} lines change outcome ({count(c.stricter.count)} stricter, {count(c.looser.count)} looser)
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Month</th>
              <th scope="col">To</th>
              <th scope="col">Item</th>
              <th scope="col">Value</th>
              <th scope="col">
                {c.base.asOf} → {c.compare.asOf}
              </th>
              <th scope="col">Why</th>
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
                  <Why f={f} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown < c.flips.length && (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + 50)}>
          Show more ({count(c.flips.length - shown)} left)
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
        <caption>Measures behind the change</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Newly applies</th>
            <th scope="col">No longer applies</th>
            <th scope="col">Summary</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => (
            <tr key={m.measure}>
              <th scope="row">
                <a href={href('rules', m.measure)}>{m.measure}</a>
                <div className="muted small">{m.citation}</div>
              </th>
              <td>{m.newlyApplying.count ? `${count(m.newlyApplying.count)} lines · ${moneyShort(m.newlyApplying.value, currency)}` : '·'}</td>
              <td>{m.noLongerApplying.count ? `${count(m.noLongerApplying.count)} lines · ${moneyShort(m.noLongerApplying.value, currency)}` : '·'}</td>
              <td className="summary">{m.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    {shown.length < c.measureChanges.length && (
      <button type="button" className="secondary" onClick={() => setAll(true)}>
        All {c.measureChanges.length} measures
      </button>
    )}
    </>
  );
}
