import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { Outcome } from '../../domain/outcome';
import { ApiError } from '../lib/api';
import { hasHan } from '../lib/format';
import { OUTCOME_LABEL } from '../lib/vocab';
import { countryOptions } from '../lib/countries';
import { t } from '../lib/i18n';

export function OutcomeBadge({ outcome, large }: { outcome: Outcome; large?: boolean }) {
  return <span className={`badge outcome-${outcome}${large ? ' badge-large' : ''}`}>{OUTCOME_LABEL[outcome]}</span>;
}

/** A name in any script; Chinese names are tagged so the CJK font in the stack renders them. */
export function Name({ children }: { children: string }) {
  return hasHan(children) ? <span lang="zh">{children}</span> : <>{children}</>;
}

export function Loading({ label = t('ui.loading') }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** One field problem as the server (400 `problems`) or the page lists it. */
export interface Problem {
  path: string;
  message: string;
  suggestions?: string[];
}

/** The problems an error carries: the server's 400, or the page's own checks (any error with a `problems` list). */
export function problemsOf(error: unknown): Problem[] {
  const list = error instanceof ApiError ? error.problems : (error as { problems?: unknown } | null)?.problems;
  return Array.isArray(list) ? (list as Problem[]) : [];
}

/**
 * An error with what to do about it; field problems are listed one per line. With `labelOf`, each
 * field is named in the form's words and the JSON paths sit in a details toggle; `after` adds
 * controls to a problem's line (a suggestion to pick).
 */
export function ErrorNotice({ error, title = t('ui.somethingWrong'), labelOf, after }: { error: unknown; title?: string; labelOf?: (path: string) => string; after?: (p: Problem) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [error]);
  const message = error instanceof Error ? error.message : String(error);
  const problems = problemsOf(error);
  return (
    <div className="notice notice-error" role="alert" tabIndex={-1} ref={ref}>
      <strong>{title}</strong>
      <p>{message}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p, i) => {
            const label = labelOf ? labelOf(p.path) : undefined;
            return (
              <li key={i}>
                {labelOf ? label && <strong>{label}: </strong> : p.path && <code>{p.path}</code>} {p.message}
                {after?.(p)}
              </li>
            );
          })}
        </ul>
      )}
      {labelOf && problems.some((p) => p.path) && (
        <details>
          <summary>{t('ui.jsonPaths')}</summary>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'warn' | 'ok'; children: ReactNode }) {
  return <div className={`notice notice-${kind}`}>{children}</div>;
}

export function Field({ label, hint, children, wide, narrow }: { label: string; hint?: string; children: (id: string) => ReactNode; wide?: boolean; narrow?: boolean }) {
  const id = useId();
  return (
    <div className={`field${wide ? ' field-wide' : ''}${narrow ? ' field-narrow' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <small className="hint">{hint}</small>}
    </div>
  );
}

/** A country list; `optional` offers "not known", `placeholder` an empty first choice that `required` makes the user replace. */
export function CountrySelect({ id, value, onChange, optional, placeholder, required, ariaLabel }: { id?: string; value: string; onChange: (v: string) => void; optional?: boolean; placeholder?: string; required?: boolean; ariaLabel?: string }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-label={ariaLabel} required={required}>
      {optional && <option value="">{t('ui.notKnown')}</option>}
      {!optional && placeholder !== undefined && (
        <option value="" disabled>
          {placeholder}
        </option>
      )}
      {countryOptions().map((c) => (
        <option key={c.code} value={c.code}>
          {c.code} · {c.name}
        </option>
      ))}
    </select>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1 tabIndex={-1} id="page-title">
        {title}
      </h1>
      {children && <p className="lede">{children}</p>}
    </header>
  );
}

/** A horizontal bar for a share (progress, score). */
export function Meter({ value, label }: { value: number; label: string }) {
  const pct = Math.max(0, Math.min(1, value)) * 100;
  return (
    <span className="meter" role="img" aria-label={label}>
      <span style={{ width: `${pct}%` }} />
    </span>
  );
}
