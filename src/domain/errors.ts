import type { z } from 'zod';

/** One thing wrong with an input: where (a JSON path such as `items[0].performance[1].bits`) and what. */
export interface InputProblem {
  path: string;
  message: string;
}

/** Bad input from a user: the CLI exits 2 and the API answers 400 with these problems. */
export class InputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[], prefix?: string) {
    const text = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
    super(prefix ? `${prefix}: ${text}` : text);
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** Field names are echoed in paths; a runaway one (an unknown 10 MB key) is cut to this many characters. */
export const MAX_ECHOED_KEY = 60;

export function formatPath(path: ReadonlyArray<PropertyKey>, base = ''): string {
  let out = base;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const key = String(seg);
      const shown = key.length > MAX_ECHOED_KEY ? `${key.slice(0, MAX_ECHOED_KEY)}…` : key;
      out += out ? `.${shown}` : shown;
    }
  }
  return out;
}

/** Turns zod issues into problems that name the field, the way a person would write them. */
export function problemsFromZod(error: z.ZodError, base = ''): InputProblem[] {
  const out: InputProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: formatPath([...issue.path, key], base), message: 'unknown field' });
      }
      continue;
    }
    if (issue.code === 'invalid_union') {
      // "Invalid input" says nothing: when only one branch took the value's type (a string too
      // long for a string-or-number field), its complaint is the one that applies.
      const typed = issue.errors.filter((branch) => branch.some((i) => i.code !== 'invalid_type'));
      if (typed.length === 1) {
        for (const i of typed[0]!) out.push({ path: formatPath([...issue.path, ...i.path], base), message: i.message });
        continue;
      }
    }
    let message = issue.message;
    if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'is required';
    out.push({ path: formatPath(issue.path, base), message });
  }
  return out;
}

/** Parses `value` with `schema`, throwing an InputError that names each bad field. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, base = ''): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new InputError(problemsFromZod(r.error, base));
}
