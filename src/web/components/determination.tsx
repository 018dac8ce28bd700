import type { ReactNode } from 'react';
import type { Determination, ExceptionResult, Finding, JurisdictionResult } from '../../domain/determination';
import type { ScreeningHit } from '../../domain/screening';
import { href } from '../lib/router';
import { score, words } from '../lib/format';
import { JURISDICTION_LABEL } from '../lib/vocab';
import { Meter, Name, OutcomeBadge } from './ui';
import { OwnershipView } from './ownership';

/** A determination for people: outcome per jurisdiction, each rule with citation and because. */
export function DeterminationView({ d, itemNames = [], partyNames = [] }: { d: Determination; itemNames?: string[]; partyNames?: string[] }) {
  const hits = d.screening.filter((s) => s.hits.length);
  return (
    <section className="determination" aria-labelledby="determination-title">
      <div className="determination-head">
        <h2 id="determination-title" tabIndex={-1}>
          Determination
        </h2>
        <OutcomeBadge outcome={d.outcome} large />
        <span className="muted">
          as of {d.asOf}
          {d.id ? ` · ${d.id}` : ''}
          {typeof (d as { auditSeq?: unknown }).auditSeq === 'number' ? ` · audit record ${(d as { auditSeq?: number }).auditSeq}` : ''}
        </span>
      </div>

      <h3>Items</h3>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Item</th>
              <th scope="col">Jurisdiction</th>
              <th scope="col">Code</th>
              <th scope="col">Because</th>
            </tr>
          </thead>
          <tbody>
            {d.classifications.map((c, i) => (
              <tr key={i}>
                <td>{c.item}</td>
                <td>{itemNames[c.item] ?? ''}</td>
                <td>{c.jurisdiction}</td>
                <td>
                  <code className="code">{c.code}</code>
                </td>
                <td>
                  {c.because}
                  {c.missing?.length ? <div className="missing">Missing: {c.missing.join(', ')}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {d.jurisdictions.map((j) => (
        <JurisdictionView key={j.jurisdiction} j={j} />
      ))}

      <OwnershipView d={d} />

      {hits.length > 0 && (
        <>
          <h3>Screening hits</h3>
          {hits.map((s) => (
            <div key={`${s.party}-${s.query}`} className="party-hits">
              <p>
                Party {s.party}
                {partyNames[s.party] ? ' · ' : ''}
                {partyNames[s.party] ? <Name>{partyNames[s.party]!}</Name> : null} — query “<Name>{s.query}</Name>”{' '}
                <a href={`${href('screen')}?name=${encodeURIComponent(s.query)}`}>review these hits</a>
              </p>
              <ul className="hits">
                {s.hits.map((h) => (
                  <HitView key={`${h.list}:${h.entryId}`} hit={h} />
                ))}
              </ul>
            </div>
          ))}
        </>
      )}

      {d.redFlags.length > 0 && (
        <>
          <h3>Red flags</h3>
          <ul className="findings">
            {d.redFlags.map((f, i) => (
              <FindingView key={i} f={f} />
            ))}
          </ul>
        </>
      )}

      {d.missing.length > 0 && (
        <div className="notice notice-warn">
          <strong>Missing facts</strong> — Redline answers review until these are known:
          <ul>
            {d.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}

      <p className="muted small">
        Rule set {d.ruleset.version} <code title={d.ruleset.hash}>{d.ruleset.hash.slice(0, 19)}…</code>
        {Object.keys(d.lists).length > 0 && ` · lists: ${Object.entries(d.lists).map(([l, date]) => `${l} ${date}`).join(', ')}`}
      </p>
    </section>
  );
}

function JurisdictionView({ j }: { j: JurisdictionResult }) {
  return (
    <section className={`jurisdiction outcome-border-${j.outcome}`} aria-label={`${j.jurisdiction} outcome`}>
      <div className="jurisdiction-head">
        <h3>{JURISDICTION_LABEL[j.jurisdiction] ?? j.jurisdiction}</h3>
        <OutcomeBadge outcome={j.outcome} />
        {j.reviewPolicy && <span className="muted">licence review policy: {words(j.reviewPolicy)}</span>}
      </div>
      {j.findings.length ? (
        <ul className="findings">
          {j.findings.map((f, i) => (
            <FindingView key={`${f.measure}-${i}`} f={f} />
          ))}
        </ul>
      ) : (
        <p className="muted">No measure applies.</p>
      )}
      {j.exceptions.length > 0 && <ExceptionsView exceptions={j.exceptions} />}
      {j.notApplied && j.notApplied.length > 0 && (
        <details>
          <summary>Measures on the books that did not apply on this date ({j.notApplied.length})</summary>
          <ul>
            {j.notApplied.map((n) => (
              <li key={n.measure}>
                <a href={href('rules', n.measure)}>{n.measure}</a> — {n.why} <span className="muted">({n.citation})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function FindingView({ f }: { f: Finding }) {
  return (
    <li className="finding">
      <div className="finding-head">
        <a href={href('rules', f.measure)} className="measure-id">
          {f.measure}
        </a>
        <OutcomeBadge outcome={f.outcome} />
        <span className="muted">{words(f.effect)}</span>
      </div>
      <p>{f.summary}</p>
      <p className="citation">
        <span className="label">Citation</span> {f.citation}
      </p>
      <div className="because">
        <span className="label">Because</span>
        <ul>
          {f.because.map((b, i) => (
            <li key={i}>
              <Name>{b}</Name>
            </li>
          ))}
        </ul>
      </div>
      {f.missing?.length ? <p className="missing">Missing: {f.missing.join(', ')}</p> : null}
      {f.exceptions?.length ? <ExceptionsView exceptions={f.exceptions} /> : null}
    </li>
  );
}

function ExceptionsView({ exceptions }: { exceptions: ExceptionResult[] }) {
  return (
    <div className="table-wrap">
      <table className="exceptions">
        <caption>Licence exceptions</caption>
        <thead>
          <tr>
            <th scope="col">Exception</th>
            <th scope="col">Usable</th>
            <th scope="col">Why</th>
            <th scope="col">Conditions still to meet</th>
          </tr>
        </thead>
        <tbody>
          {exceptions.map((e, i) => (
            <tr key={`${e.code}-${i}`}>
              <th scope="row">
                {e.code}
                {e.citation && <div className="muted small">{e.citation}</div>}
              </th>
              <td>{e.available === true ? 'Yes' : e.available === false ? 'No' : 'Cannot tell'}</td>
              <td>{e.why}</td>
              <td>{e.requires?.length ? <ul>{e.requires.map((r) => <li key={r}>{r}</li>)}</ul> : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HitView({ hit, children }: { hit: ScreeningHit; children?: ReactNode }) {
  return (
    <li className="hit">
      <div className="hit-head">
        <strong>
          <Name>{hit.name}</Name>
        </strong>
        <span className="score">
          <Meter value={hit.score} label={`score ${score(hit.score)}`} /> {score(hit.score)}
        </span>
      </div>
      <dl className="facts">
        <dt>List</dt>
        <dd>{hit.list}</dd>
        {hit.matchedName !== hit.name && (
          <>
            <dt>Matched name</dt>
            <dd>
              <Name>{hit.matchedName}</Name>
            </dd>
          </>
        )}
        {hit.country && (
          <>
            <dt>Country</dt>
            <dd>{hit.country}</dd>
          </>
        )}
        {hit.citation && (
          <>
            <dt>Citation</dt>
            <dd>{hit.citation}</dd>
          </>
        )}
      </dl>
      <div className="because">
        <span className="label">Why it matched</span>
        <ul>
          {hit.explanation.map((x, i) => (
            <li key={i}>
              <Name>{x}</Name>
            </li>
          ))}
        </ul>
      </div>
      {children}
    </li>
  );
}
