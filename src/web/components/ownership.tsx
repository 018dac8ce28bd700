import type { Determination } from '../../domain/determination';
import type { OwnershipRuleResult } from '../../domain/ownership';
import { Name } from './ui';

const RULE_LABEL: Record<string, string> = {
  bisAffiliates: 'BIS Affiliates rule (Entity List + MEU List owners)',
  ofac50: "OFAC's 50 percent rule (blocked persons)",
  cn50: 'MOFCOM No. 61 (Control / Watch List owners)',
};

function verdict(r: OwnershipRuleResult): string {
  if (r.restricted === true) return `${r.pct} % — 50 % or more`;
  if (r.restricted === false) return `${r.pct} % — below 50 %`;
  return `${r.pct} % known — could reach 50 %`;
}

/** Per party and rule: the aggregate listed share and the paths up to each listed owner. */
export function OwnershipView({ d }: { d: Determination }) {
  const parties = (d.ownership ?? []).map((p) => ({ ...p, rules: p.rules.filter((r) => r.chains.length || r.restricted !== false || r.cycles.length) }));
  if (!parties.some((p) => p.rules.length)) return null;
  return (
    <section aria-labelledby="ownership-title">
      <h3 id="ownership-title">Ownership (50 percent rules)</h3>
      {parties.map((p) =>
        p.rules.length ? (
          <div key={p.party} className="party-hits">
            <p>
              Party {p.party + 1} · <Name>{p.name}</Name> <span className="muted">(owners from the {p.source})</span>
            </p>
            <ul className="findings">
              {p.rules.map((r) => (
                <li key={r.rule} className="finding">
                  <strong>{RULE_LABEL[r.rule] ?? r.rule}</strong>: {verdict(r)}
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
                        ownership cycle {c.join(' ← ')} (each holding counted once)
                      </li>
                    ))}
                  </ul>
                  {r.missing.length > 0 && <div className="missing">Missing: {r.missing.join('; ')}</div>}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </section>
  );
}
