import { Fragment, type ReactNode } from 'react';
import type { Determination, ExceptionResult, Finding, JurisdictionResult } from '../../domain/determination';
import type { Jurisdiction } from '../../domain/jurisdiction';
import { codeLabel, factLabel, missingLabel } from '../../domain/labels';
import { isPolicyNote, policyWords, summarise } from '../../domain/summary';
import type { ScreeningHit } from '../../domain/screening';
import { href } from '../lib/router';
import { score, words } from '../lib/format';
import { JURISDICTION_LABEL } from '../lib/vocab';
import { Meter, Name, OutcomeBadge } from './ui';
import { OwnershipView } from './ownership';

/** A determination for people: the answer first (summary card), then the reasoning, folded. */
export function DeterminationView({ d, itemNames = [], partyNames = [] }: { d: Determination; itemNames?: string[]; partyNames?: string[] }) {
  const hits = d.screening.filter((s) => s.hits.length);
  return (
    <section className="determination" aria-labelledby="determination-title">
      <SummaryCard d={d} />
      <OwnershipView d={d} />

      <details className="determination-details">
        <summary>Full reasoning: items, every rule, licence exceptions, screening hits</summary>
        <h3>Items</h3>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Name</th>
                <th scope="col">Jurisdiction</th>
                <th scope="col">Classification</th>
                <th scope="col">Because</th>
              </tr>
            </thead>
            <tbody>
              {d.classifications.map((c, i) => (
                <tr key={i}>
                  <td>{c.item + 1}</td>
                  <td>{itemNames[c.item] ?? ''}</td>
                  <td>{c.jurisdiction}</td>
                  <td>
                    <code className="code">{codeLabel(c.code)}</code>
                  </td>
                  <td>
                    {c.because}
                    {c.missing?.length ? <div className="missing">Missing: {c.missing.map(factLabel).join(', ')}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        {d.jurisdictions.map((j) => (
          <JurisdictionView key={j.jurisdiction} j={j} />
        ))}


        {hits.length > 0 && (
          <>
            <h3>Screening hits</h3>
            {hits.map((s) => (
              <PartyHits key={`${s.party}-${s.query}`} party={s.party} query={s.query} hits={s.hits} partyName={partyNames[s.party]} listTitles={d.listTitles} />
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
      </details>

      <details className="identifiers">
        <summary>Details: identifiers, rule set and list versions</summary>
        <dl className="facts">
          <dt>Rule set</dt>
          <dd>
            {d.ruleset.version} <code>{d.ruleset.hash}</code>
          </dd>
          {Object.entries(d.lists).map(([l, date]) => (
            <Fragment key={l}>
              <dt>{d.listTitles?.[l] ?? l}</dt>
              <dd>
                <code>{l}</code> · source {date}
              </dd>
            </Fragment>
          ))}
          {d.missing.length > 0 && (
            <>
              <dt>Missing (paths)</dt>
              <dd>{d.missing.map((m) => <code key={m}>{m} </code>)}</dd>
            </>
          )}
        </dl>
      </details>
    </section>
  );
}

/** The answer in a few lines: outcome, deciding rules (title and citation), what to do next. */
function SummaryCard({ d }: { d: Determination }) {
  const s = summarise(d);
  const staleLists = d.missing.filter((m) => /^current \S+ list$/.test(m));
  const factsMissing = d.missing.filter((m) => !staleLists.includes(m));
  return (
    <div className={`summary-card outcome-border-${d.outcome}`} data-testid="determination-summary">
      <div className="determination-head">
        <h2 id="determination-title" tabIndex={-1}>
          Determination
        </h2>
        <OutcomeBadge outcome={d.outcome} large />
        <span className="muted">
          as of {d.asOf}
          {d.id ? ` · order ${d.id}` : ''}
          {typeof (d as { auditSeq?: unknown }).auditSeq === 'number' ? ` · audit record ${(d as { auditSeq?: number }).auditSeq}` : ''}
        </span>
      </div>
      {s.deciding.length > 0 && (
        <>
          <h3 className="summary-heading">Deciding rules</h3>
          <ul className="deciding">
            {s.deciding.map((r, i) => (
              <li key={`${r.measure}-${i}`}>
                <span className="jur">{JURISDICTION_LABEL[r.jurisdiction as Jurisdiction] ?? r.jurisdiction}</span> <strong>{r.title}</strong>{' '}
                <span className="muted citation-inline">{r.citation}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="summary-heading">What to do next</h3>
      <ul className="next-steps">
        {s.nextSteps.map((n) => (
          <li key={n}>
            <Name>{n}</Name>
          </li>
        ))}
      </ul>
      {factsMissing.length > 0 && (
        <div className="notice notice-warn">
          <strong>Missing facts</strong> — Redline answers review until these are known:
          <ul>
            {factsMissing.map((m) => (
              <li key={m}>{missingLabel(m, d.listTitles)}</li>
            ))}
          </ul>
        </div>
      )}
      {staleLists.length > 0 && (
        <p className="muted small">
          {staleLists.length} restricted-party list{staleLists.length === 1 ? ' is' : 's are'} older than allowed:{' '}
          {staleLists.map((m) => d.listTitles?.[m.slice('current '.length, -' list'.length)] ?? 'a list').join(', ')}.
        </p>
      )}
    </div>
  );
}

function PartyHits({ party, query, hits, partyName, listTitles }: { party: number; query: string; hits: ScreeningHit[]; partyName?: string | undefined; listTitles?: Record<string, string> | undefined }) {
  const [first, ...rest] = hits;
  return (
    <div className="party-hits">
      <p>
        Party {party + 1}
        {partyName ? ' · ' : ''}
        {partyName ? <Name>{partyName}</Name> : null} — name given “<Name>{query}</Name>”{' '}
        <a href={`${href('screen')}?name=${encodeURIComponent(query)}`}>review these hits</a>
      </p>
      <ul className="hits">{first && <HitView hit={first} listTitles={listTitles} />}</ul>
      {rest.length > 0 && (
        <details className="more-hits">
          <summary>
            {rest.length} more potential match{rest.length === 1 ? '' : 'es'} for this party
          </summary>
          <ul className="hits">
            {rest.map((h) => (
              <HitView key={`${h.list}:${h.entryId}`} hit={h} listTitles={listTitles} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function JurisdictionView({ j }: { j: JurisdictionResult }) {
  return (
    <section className={`jurisdiction outcome-border-${j.outcome}`} aria-label={`${j.jurisdiction} outcome`}>
      <div className="jurisdiction-head">
        <h3>{JURISDICTION_LABEL[j.jurisdiction] ?? j.jurisdiction}</h3>
        <OutcomeBadge outcome={j.outcome} />
        {j.reviewPolicy && <span className="muted">licence review policy: {policyWords(j.reviewPolicy)}</span>}
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
                <a href={href('rules', n.measure)}>{n.title ?? 'rule'}</a> — {n.why} <span className="muted">({n.citation})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/**
 * A review-policy note says how a licence application is judged; its badge names the policy,
 * never an outcome (a green "No licence required" beside "Presumption of denial" contradicted the text).
 */
export function FindingBadge({ f }: { f: Finding }) {
  if (isPolicyNote(f)) return <span className={`badge policy-${f.reviewPolicy}`}>{sentence(policyWords(f.reviewPolicy!))}</span>;
  return <OutcomeBadge outcome={f.outcome} />;
}

function sentence(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function FindingView({ f }: { f: Finding }) {
  return (
    <li className="finding">
      <div className="finding-head">
        <a href={href('rules', f.measure)} className="measure-title">
          {f.title ?? f.summary}
        </a>
        <FindingBadge f={f} />
        {!isPolicyNote(f) && <span className="muted">{words(f.effect)}</span>}
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
      {f.missing?.length ? <p className="missing">Missing: {f.missing.map(factLabel).join(', ')}</p> : null}
      {f.exceptions?.length ? (
        <details className="finding-exceptions">
          <summary>Licence exceptions considered for this rule ({f.exceptions.length})</summary>
          <ExceptionsView exceptions={f.exceptions} />
        </details>
      ) : null}
      <details className="identifiers">
        <summary>Details</summary>
        <p className="small">
          Rule id <code className="measure-id">{f.measure}</code> · {f.instrument} · confidence {f.confidence}
        </p>
      </details>
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

export function HitView({ hit, children, listTitles }: { hit: ScreeningHit; children?: ReactNode; listTitles?: Record<string, string> | undefined }) {
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
        <dd>{hit.listTitle ?? listTitles?.[hit.list] ?? hit.list}</dd>
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
