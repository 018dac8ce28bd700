import type { z } from 'zod';
import { InputError, parseInput, type InputProblem } from '../domain/index.js';
import { MAX_ARRAY } from './schemas.js';

/** Validates a query string or body with a zod schema; problems name the field (400). */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, base = ''): T {
  return parseInput(schema, value ?? {}, base);
}

/**
 * One thing or an array of them (POST /v1/check, /v1/classify): answers each, and if any is bad
 * answers 400 with every problem, each path prefixed with its index, and nothing else.
 */
export function oneOrMany<T>(body: unknown, what: string, answer: (x: unknown, path: string) => T): { many: boolean; results: T[] } {
  if (body === null || typeof body !== 'object') {
    throw new InputError([{ path: 'body', message: `must be a JSON object (${what}) or an array of them` }]);
  }
  const many = Array.isArray(body);
  const inputs = many ? (body as unknown[]) : [body];
  if (many && inputs.length === 0) throw new InputError([{ path: 'body', message: `the array holds no ${what}` }]);
  if (inputs.length > MAX_ARRAY) throw new InputError([{ path: 'body', message: `at most ${MAX_ARRAY} per request; send larger books to POST /v1/batches` }]);
  const problems: InputProblem[] = [];
  const results: T[] = [];
  inputs.forEach((x, i) => {
    try {
      results.push(answer(x, many ? `[${i}]` : ''));
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  });
  if (problems.length) throw new InputError(problems);
  return { many, results };
}
