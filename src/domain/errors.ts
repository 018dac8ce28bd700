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

export function formatPath(path: ReadonlyArray<PropertyKey>, base = ''): string {
  let out = base;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
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
