import { Fragment, type ReactNode } from 'react';
import type { Determination, ExceptionResult, Finding, JurisdictionResult } from '../../domain/determination';
import type { Jurisdiction } from '../../domain/jurisdiction';
import { codeLabel, factLabel, missingLabel } from '../../domain/labels';
import { isPolicyNote, summarise } from '../../domain/summary';
import type { ScreeningHit } from '../../domain/screening';
import { href } from '../lib/router';
import { score } from '../lib/format';
import { effectLabel, JURISDICTION_LABEL, measureSummary, measureTitle, policyLabel } from '../lib/vocab';
import { currentLang, t } from '../lib/i18n';

const labelLang = (): 'en' | 'zh' => (currentLang() === 'zh-CN' ? 'zh' : 'en');
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
        <summary>{t('determination.fullReasoning')}</summary>
        <h3>{t('determination.items')}</h3>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('determination.item')}</th>
                <th scope="col">{t('determination.name')}</th>
                <th scope="col">{t('determination.jurisdiction')}</th>
                <th scope="col">{t('determination.classification')}</th>
                <th scope="col">{t('determination.because')}</th>
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
                    {c.missing?.length ? <div className="missing">{t('determination.missing', { list: c.missing.map((m) => factLabel(m, labelLang())).join(', ') })}</div> : null}
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
            <h3>{t('determination.screeningHits')}</h3>
            {hits.map((s) => (
              <PartyHits key={`${s.party}-${s.query}`} party={s.party} query={s.query} hits={s.hits} partyName={partyNames[s.party]} listTitles={d.listTitles} />
            ))}
          </>
        )}

        {d.redFlags.length > 0 && (
          <>
            <h3>{t('determination.redFlags')}</h3>
            <ul className="findings">
              {d.redFlags.map((f, i) => (
                <FindingView key={i} f={f} />
              ))}
            </ul>
          </>
        )}
      </details>

      <details className="identifiers">
        <summary>{t('determination.identifiers')}</summary>
        <dl className="facts">
          <dt>{t('determination.ruleSet')}</dt>
          <dd>
            {d.ruleset.version} <code>{d.ruleset.hash}</code>
          </dd>
          {Object.entries(d.lists).map(([l, date]) => (
            <Fragment key={l}>
              <dt>{d.listTitles?.[l] ?? l}</dt>
              <dd>
                <code>{l}</code> · {t('determination.source', { date })}
              </dd>
            </Fragment>
          ))}
          {d.missing.length > 0 && (
            <>
              <dt>{t('determination.missingPaths')}</dt>
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
  const s = summarise(d, currentLang() === 'zh-CN' ? 'zh' : 'en');
  const staleLists = d.missing.filter((m) => /^current \S+ list$/.test(m));
  const factsMissing = d.missing.filter((m) => !staleLists.includes(m));
  return (
    <div className={`summary-card outcome-border-${d.outcome}`} data-testid="determination-summary">
      <div className="determination-head">
        <h2 id="determination-title" tabIndex={-1}>
          {t('determination.title')}
        </h2>
        <OutcomeBadge outcome={d.outcome} large />
        <span className="muted">
          {t('determination.asOf', { date: d.asOf })}
          {d.id ? ` · ${t('determination.order', { id: d.id })}` : ''}
          {typeof (d as { auditSeq?: unknown }).auditSeq === 'number' ? ` · ${t('determination.auditRecord', { seq: (d as { auditSeq?: number }).auditSeq })}` : ''}
        </span>
      </div>
      {s.deciding.length > 0 && (
        <>
          <h3 className="summary-heading">{t('determination.deciding')}</h3>
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
      <h3 className="summary-heading">{t('determination.nextSteps')}</h3>
      <ul className="next-steps">
        {s.nextSteps.map((n) => (
          <li key={n}>
            <Name>{n}</Name>
          </li>
        ))}
      </ul>
      {factsMissing.length > 0 && (
        <div className="notice notice-warn">
          <strong>{t('determination.missingFacts')}</strong> — {t('determination.missingFactsLede')}
          <ul>
            {factsMissing.map((m) => (
              <li key={m}>{missingLabel(m, d.listTitles, labelLang())}</li>
            ))}
          </ul>
        </div>
      )}
      {staleLists.length > 0 && (
        <p className="muted small">
          {t('determination.staleLists', { count: staleLists.length, lists: staleLists.map((m) => d.listTitles?.[m.slice('current '.length, -' list'.length)] ?? t('determination.aList')).join(', ') })}
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
        {t('determination.party', { n: party + 1 })}
        {partyName ? ' · ' : ''}
        {partyName ? <Name>{partyName}</Name> : null} — {t('determination.nameGiven')} “<Name>{query}</Name>”{' '}
        <a href={`${href('screen')}?name=${encodeURIComponent(query)}`}>{t('determination.reviewHits')}</a>
      </p>
      <ul className="hits">{first && <HitView hit={first} listTitles={listTitles} />}</ul>
      {rest.length > 0 && (
        <details className="more-hits">
          <summary>
            {t('determination.moreHits', { count: rest.length })}
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
    <section className={`jurisdiction outcome-border-${j.outcome}`} aria-label={t('determination.jurisdictionOutcome', { jurisdiction: JURISDICTION_LABEL[j.jurisdiction] ?? j.jurisdiction })}>
      <div className="jurisdiction-head">
        <h3>{JURISDICTION_LABEL[j.jurisdiction] ?? j.jurisdiction}</h3>
        <OutcomeBadge outcome={j.outcome} />
        {j.reviewPolicy && <span className="muted">{t('determination.reviewPolicy', { policy: policyLabel(j.reviewPolicy) })}</span>}
      </div>
      {j.findings.length ? (
        <ul className="findings">
          {j.findings.map((f, i) => (
            <FindingView key={`${f.measure}-${i}`} f={f} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('determination.noMeasure')}</p>
      )}
      {j.exceptions.length > 0 && <ExceptionsView exceptions={j.exceptions} />}
      {j.notApplied && j.notApplied.length > 0 && (
        <details>
          <summary>{t('determination.notApplied', { count: j.notApplied.length })}</summary>
          <ul>
            {j.notApplied.map((n) => (
              <li key={n.measure}>
                <a href={href('rules', n.measure)}>{n.title ? measureTitle(n) : t('determination.rule')}</a> — {n.why} <span className="muted">({n.citation})</span>
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
  if (isPolicyNote(f)) return <span className={`badge policy-${f.reviewPolicy}`}>{sentence(policyLabel(f.reviewPolicy!))}</span>;
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
          {measureTitle(f)}
        </a>
        <FindingBadge f={f} />
        {!isPolicyNote(f) && <span className="muted">{effectLabel(f.effect)}</span>}
      </div>
      <p>{measureSummary(f)}</p>
      <p className="citation">
        <span className="label">{t('determination.citation')}</span> {f.citation}
      </p>
      <div className="because">
        <span className="label">{t('determination.because')}</span>
        <ul>
          {f.because.map((b, i) => (
            <li key={i}>
              <Name>{b}</Name>
            </li>
          ))}
        </ul>
      </div>
      {f.missing?.length ? <p className="missing">{t('determination.missing', { list: f.missing.map((m) => factLabel(m, labelLang())).join(', ') })}</p> : null}
      {f.exceptions?.length ? (
        <details className="finding-exceptions">
          <summary>{t('determination.exceptionsFor', { count: f.exceptions.length })}</summary>
          <ExceptionsView exceptions={f.exceptions} />
        </details>
      ) : null}
      <details className="identifiers">
        <summary>{t('ui.details')}</summary>
        <p className="small">
          {t('determination.ruleId')} <code className="measure-id">{f.measure}</code> · {f.instrument} · {t('determination.confidence', { level: t(`measure.confidenceLevel.${f.confidence}`) })}
        </p>
      </details>
    </li>
  );
}

function ExceptionsView({ exceptions }: { exceptions: ExceptionResult[] }) {
  return (
    <div className="table-wrap">
      <table className="exceptions">
        <caption>{t('determination.exceptions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('determination.exception')}</th>
            <th scope="col">{t('determination.usable')}</th>
            <th scope="col">{t('determination.why')}</th>
            <th scope="col">{t('determination.stillToMeet')}</th>
          </tr>
        </thead>
        <tbody>
          {exceptions.map((e, i) => (
            <tr key={`${e.code}-${i}`}>
              <th scope="row">
                {e.code}
                {e.citation && <div className="muted small">{e.citation}</div>}
              </th>
              <td>{e.available === true ? t('determination.yes') : e.available === false ? t('determination.no') : t('determination.cannotTell')}</td>
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
          <Meter value={hit.score} label={t('determination.score', { score: score(hit.score) })} /> {score(hit.score)}
        </span>
      </div>
      <dl className="facts">
        <dt>{t('determination.list')}</dt>
        <dd>{hit.listTitle ?? listTitles?.[hit.list] ?? hit.list}</dd>
        {hit.matchedName !== hit.name && (
          <>
            <dt>{t('determination.matchedName')}</dt>
            <dd>
              <Name>{hit.matchedName}</Name>
            </dd>
          </>
        )}
        {hit.country && (
          <>
            <dt>{t('determination.country')}</dt>
            <dd>{hit.country}</dd>
          </>
        )}
        {hit.citation && (
          <>
            <dt>{t('determination.citation')}</dt>
            <dd>{hit.citation}</dd>
          </>
        )}
      </dl>
      <div className="because">
        <span className="label">{t('determination.whyMatched')}</span>
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
