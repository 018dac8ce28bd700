import type { CounterpartyRef } from './types.js';

/**
 * How a counterparty is recognised again: the name folded (case, width,
 * punctuation, spacing) plus its country. Deliberately simpler than screening
 * normalisation — a review applies to a party as the officer saw it.
 */
export function counterpartyKey(ref: CounterpartyRef): string {
  const name = ref.name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${name}|${(ref.country ?? '').toUpperCase()}`;
}
