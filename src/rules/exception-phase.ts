import type { ExceptionResult, Outcome } from '../domain/index.js';
import type { FactContext } from './context.js';
import type { CompiledMeasure } from './ruleset.js';

/** What the exception phase reads and changes of a requirement's draft finding. */
export interface ExceptionDraft {
  measure: CompiledMeasure;
  items: Set<number>;
  because: string[];
  outcome: Outcome;
  exceptions: Map<string, ExceptionResult>;
  fired: boolean;
}

export function mergeException(into: Map<string, ExceptionResult>, e: ExceptionResult): void {
  const prev = into.get(e.code);
  if (!prev) {
    into.set(e.code, e);
    return;
  }
  // One line that cannot use the exception keeps the whole shipment from using it.
  if (prev.available === false) return;
  if (e.available === false || (e.available === null && prev.available === true)) into.set(e.code, e);
}

function reason(ex: CompiledMeasure['compiledExceptions'][number], ctx: FactContext, v: boolean | undefined): string {
  const lines: string[] = [];
  if (v === true) ex.test.explain(ctx, lines);
  else if (v === false) ex.test.failures(ctx, lines);
  else {
    const missing = new Set<string>();
    ex.test.missing(ctx, missing);
    return `cannot tell: ${[...missing].join(', ')} unknown`;
  }
  return lines.join('; ');
}

/**
 * Phase 2 of the engine: the licence exceptions of one fired requirement, per item line it
 * covers. A usable exception turns `license_required` into `exception_available`; one whose
 * conditions hold but whose prior step (NAC: BIS's reply to the 25-day notification) is not done
 * turns it into `review`, naming the step — never a headline the exporter cannot yet rely on.
 */
export function applyExceptions(d: ExceptionDraft, contexts: FactContext[]): void {
  if (!d.fired || d.measure.compiledExceptions.length === 0) return;
  const ctxs = d.measure.per === 'transaction' ? contexts.slice(0, 1) : contexts.filter((c) => d.items.has(c.itemIndex));
  for (const ctx of ctxs) {
    for (const ex of d.measure.compiledExceptions) {
      const v = ex.test.test(ctx);
      const why = reason(ex, ctx, v);
      const pending = v === true && ex.prerequisiteTest && ex.prerequisiteTest.test(ctx) !== true ? ex.prerequisite?.todo : undefined;
      const result: ExceptionResult = {
        code: ex.code,
        available: pending ? null : v === undefined ? null : v,
        why: `${ex.summary}${why ? ` — ${why}` : ''}${pending ? ` — before shipping: ${pending}` : ''}`,
        citation: ex.citation,
        requires: ex.requires,
        measure: d.measure.id,
      };
      if (pending) result.pending = pending;
      mergeException(d.exceptions, result);
    }
  }
  const usable = [...d.exceptions.values()].some((e) => e.available === true);
  const pending = [...d.exceptions.values()].filter((e) => e.pending !== undefined);
  if (usable && d.outcome === 'license_required') d.outcome = 'exception_available';
  else if (pending.length && d.outcome === 'license_required') {
    d.outcome = 'review';
    for (const e of pending) if (!d.because.includes(`${e.code} can be used once this is done: ${e.pending}`)) d.because.push(`${e.code} can be used once this is done: ${e.pending}`);
  }
}
