import { z } from 'zod';
import { parseInput } from './errors.js';
import { itemSchemaWithoutNesting } from './item.js';
import { partySchema } from './party.js';
import { transactionSchema, type Transaction } from './transaction.js';

/**
 * Reading a transaction is a third of a determination's cost, and zod's compiled fast path
 * (`z.compile`, code generated once per schema) reads one 2–3× faster than its interpreter. It
 * refuses schemas with a cycle, and `transactionSchema` has two: a computer holds items, an
 * owner has owners. Most lines use neither, so they are read by a compiled copy of the schema
 * with both edges cut (no `computer` items, no `owners`); a line that has one — or any problem,
 * whose messages must come from the full schema — is read by `transactionSchema` itself.
 *
 * Same answers by construction: the cut schema is `transactionSchema` with two fields narrowed
 * and every other part the same schema object, so an input it accepts is read exactly as the
 * full schema reads it (transaction-parser.test.ts checks that on generated transactions).
 */
const transactionSchemaWithoutNesting = transactionSchema.extend({
  items: z.array(itemSchemaWithoutNesting).min(1),
  parties: z.array(partySchema.omit({ owners: true })).default([]),
});

/** Compiled on first use (generating the code takes a few milliseconds). */
let compiled: z.ZodType | undefined;

export function compiledTransactionSchema(): z.ZodType {
  return (compiled ??= z.compile(transactionSchemaWithoutNesting));
}

/** Validates one transaction as `parseInput(transactionSchema, …)` does, faster for the common line. */
export function parseTransaction(value: unknown, base = ''): Transaction {
  // A line that uses a cut edge goes straight to the full schema: the compiled copy would refuse
  // it and then build its problems with zod's interpreter, doubling the cost of such a line.
  if (!usesCutEdges(value)) {
    const fast = compiledTransactionSchema().safeParse(value);
    if (fast.success) return fast.data as Transaction;
  }
  return parseInput(transactionSchema, value, base);
}

/** Whether a raw transaction has a party with `owners` or a `computer` item (only a routing hint: either way is correct). */
function usesCutEdges(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const { parties, items } = value as { parties?: unknown; items?: unknown };
  if (Array.isArray(parties) && parties.some((p) => p !== null && typeof p === 'object' && 'owners' in p)) return true;
  return Array.isArray(items) && items.some((i) => i !== null && typeof i === 'object' && (i as { kind?: unknown }).kind === 'computer');
}

/** For tests: the schema the fast path compiles. */
export const transactionSchemaForFastPath = transactionSchemaWithoutNesting;
