import type { Determination } from '../../domain/determination';
import type { OwnershipRuleResult } from '../../domain/ownership';
import { Name } from './ui';
import { t } from '../lib/i18n';

const RULES = new Set(['bisAffiliates', 'ofac50', 'cn50']);
const ruleLabel = (rule: string): string => (RULES.has(rule) ? t(`ownership.${rule}`) : rule);

function verdict(r: OwnershipRuleResult): string {
  if (r.restricted === true) return t('ownership.atLeast', { pct: r.pct });
  if (r.restricted === false) return t('ownership.below', { pct: r.pct });
  return t('ownership.couldReach', { pct: r.pct });
}

/** Per party and rule: the aggregate listed share and the paths up to each listed owner. */
export function OwnershipView({ d }: { d: Determination }) {
  const parties = (d.ownership ?? []).map((p) => ({ ...p, rules: p.rules.filter((r) => r.chains.length || r.restricted !== false || r.cycles.length) }));
  if (!parties.some((p) => p.rules.length)) return null;
  return (
    <section aria-labelledby="ownership-title">
      <h3 id="ownership-title">{t('ownership.title')}</h3>
      {parties.map((p) =>
        p.rules.length ? (
          <div key={p.party} className="party-hits">
            <p>
              {t('ownership.party', { n: p.party + 1 })} · <Name>{p.name}</Name> <span className="muted">{t('ownership.ownersFrom', { source: p.source })}</span>
            </p>
            <ul className="findings">
              {p.rules.map((r) => (
                <li key={r.rule} className="finding">
                  <strong>{ruleLabel(r.rule)}</strong>: {verdict(r)}
                  <ul>
                    {r.chains.map((c, i) => (
                      <li key={i} className="ownership-path">
                        {c.names.map((n, k) => (
                          <span key={k}>
                            {k > 0 ? <> ← {c.pcts[k - 1]}% </> : null}
                            <Name>{n}</Name>
                          </span>
                        ))}{' '}
                        <span className="muted">
                          ({c.listing.label}
                          {c.listing.citation ? `, ${c.listing.citation}` : ''})
                        </span>
                      </li>
                    ))}
                    {r.cycles.map((c, i) => (
                      <li key={`c${i}`} className="muted">
                        {t('ownership.cycle', { names: c.join(' ← ') })}
                      </li>
                    ))}
                  </ul>
                  {r.missing.length > 0 && <div className="missing">{t('ownership.missing', { list: r.missing.join('; ') })}</div>}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </section>
  );
}
