import type { z } from 'zod';
import { closestNames, SUGGEST_INPUT_LIMIT, SUGGEST_NAME_LIMIT } from './suggest.js';

/** One thing wrong with an input: where (a JSON path such as `items[0].performance[1].bits`) and what. */
export interface InputProblem {
  path: string;
  message: string;
  /** Valid values close to the one given, best first (an unknown catalogue model): a form offers them to pick. */
  suggestions?: string[];
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
      const hints = decodeKeyHints(issue.message);
      for (const key of issue.keys) {
        const hint = hints.get(key);
        out.push({ path: formatPath([...issue.path, key], base), message: hint ? `unknown field; ${hint}` : 'unknown field' });
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
  const r = schema.safeParse(value, { error: suggestingError });
  if (r.success) return r.data;
  throw new InputError(problemsFromZod(r.error, base));
}

// Per-key hints travel inside the issue message (zod keeps one message per issue) and are
// unpacked by problemsFromZod: KEY_HINTS, then key US hint RS key US hint ...
const KEY_HINTS = '\u0002';
const US = '\u001f';
const RS = '\u001e';

function decodeKeyHints(message: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!message.startsWith(KEY_HINTS)) return out;
  for (const part of message.slice(1).split(RS)) {
    const [key, hint] = part.split(US);
    if (key !== undefined && hint) out.set(key, hint);
  }
  return out;
}

const quoted = (names: readonly string[]): string => names.join(', ');

/** What to say about a name that is not among `valid`: the closest ones, or all when few. */
export function suggestion(input: string, valid: readonly string[], what: string): string {
  const close = input.length > SUGGEST_NAME_LIMIT ? [] : closestNames(input, valid, 3);
  if (close.length) return `did you mean ${quoted(close)}?${valid.length > 8 ? ` (${valid.length} valid ${what}; docs/transaction.md lists them)` : ` (valid ${what}: ${quoted(valid)})`}`;
  return valid.length > 8 ? `${valid.length} valid ${what} are listed in docs/transaction.md` : `valid ${what}: ${quoted(valid)}`;
}

interface RawIssue {
  code?: string;
  keys?: string[];
  input?: unknown;
  values?: readonly unknown[];
  inst?: { _zod?: { def?: { shape?: Record<string, unknown> } } };
}

/**
 * Per-parse zod error map: an unknown key names the closest valid keys of its object, and a
 * value outside an enumeration the closest valid values (contract.md: unknown fields are errors).
 */
export function suggestingError(raw: unknown): string | undefined {
  const iss = raw as RawIssue;
  if (iss.code === 'unrecognized_keys' && iss.keys) {
    const valid = Object.keys(iss.inst?._zod?.def?.shape ?? {});
    if (!valid.length) return undefined;
    return KEY_HINTS + iss.keys.map((k) => `${k}${US}${suggestion(k, valid, 'fields')}`).join(RS);
  }
  if (iss.code === 'invalid_value' && iss.values && iss.values.length > 1 && iss.values.every((v) => typeof v === 'string') && typeof iss.input === 'string') {
    const shown = iss.input.length > 60 ? `${iss.input.slice(0, 60)}…` : iss.input;
    const input = iss.input.slice(0, SUGGEST_INPUT_LIMIT);
    return `unknown value "${shown}"; ${suggestion(input, iss.values as string[], 'values')}`;
  }
  return undefined;
}
