import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { OUTCOMES, type Outcome } from '../domain/index.js';
import type { OutputFormat } from './rows.js';

export type OutcomeCounts = Record<Outcome, number> & { errors: number };

export function emptyCounts(): OutcomeCounts {
  return { prohibited: 0, license_required: 0, review: 0, exception_available: 0, no_license_required: 0, errors: 0 };
}

const KNOWN = new Set<string>(OUTCOMES);

/** Adds one result line (CSV: `row,id,outcome,...`; JSON Lines: `{"outcome": ...}`) to the counts. */
export function countResultLine(line: string, format: OutputFormat, counts: OutcomeCounts): void {
  if (!line) return;
  let outcome: string | undefined;
  let isError = false;
  if (format === 'jsonl') {
    const o = JSON.parse(line) as { outcome?: string; error?: string };
    outcome = o.outcome;
    isError = o.error !== undefined;
  } else {
    // The outcome is the third cell, always unquoted (a fixed word); the id before it may be quoted.
    const m = /^\d+,(?:"(?:[^"]|"")*"|[^,]*),([a-z_]*),/.exec(line);
    if (!m) return;
    outcome = m[1];
    isError = outcome === '';
  }
  if (outcome && KNOWN.has(outcome)) counts[outcome as Outcome]++;
  else if (isError) counts.errors++;
}

/** Counts the rows of a result file by outcome (the file a batch wrote; errors kept apart are not in it). */
export async function countOutcomes(file: string, format: OutputFormat): Promise<OutcomeCounts> {
  const counts = emptyCounts();
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (first && format === 'csv') {
      first = false;
      continue;
    }
    first = false;
    countResultLine(line, format, counts);
  }
  return counts;
}
