import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError, type InputProblem } from '../../domain/index.js';
import { LISTS_DIR } from '../../bundle/paths.js';
import { parseYamlSource } from '../../bundle/yaml-source.js';
import { LIST_FORMATS } from '../lifecycle/files.js';

/** The bundled source list: the official download address of each list Redline can update. */
export const BUNDLED_SOURCES_FILE = join(LISTS_DIR, 'sources.yaml');
/** Names another sources file, like `--sources`. */
export const SOURCES_ENV = 'REDLINE_LIST_SOURCES';

const url = z
  .string()
  .refine((u) => /^(https?|file):\/\//i.test(u), 'must be an http://, https:// or file:// URL')
  .refine((u) => URL.canParse(u), 'is not a valid URL');

/**
 * One source. Beyond `{ id, format, url }` a source may give what its format needs: the OFAC
 * legacy side files, the list id a plain CSV holds, or — for a publisher that moves its file
 * with each revision (METI) — the page that links to it and the pattern of that link.
 */
const sourceSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be lower-case letters, digits, dots and dashes, e.g. us.csl'),
    title: z.string().optional(),
    format: z.string().min(1),
    url: url.optional(),
    page: url.optional(),
    link: z
      .string()
      .refine((p) => {
        try {
          new RegExp(p, 'i');
          return true;
        } catch {
          return false;
        }
      }, 'is not a valid regular expression')
      .optional(),
    side: z.strictObject({ add: url.optional(), alt: url.optional(), comments: url.optional() }).optional(),
    list: z.string().optional(),
    /** From a file holding several lists, keep only these (include) or all but these (exclude). */
    include: z.array(z.string()).min(1).optional(),
    exclude: z.array(z.string()).min(1).optional(),
    /** The file name in a `--from-dir` folder (default: the last part of the URL). */
    file: z.string().regex(/^[^/\\]+$/, 'must be a file name, not a path').optional(),
    maxBytes: z.number().int().positive().optional(),
    enabled: z.boolean().default(true),
    notes: z.string().optional(),
  })
  .refine((s) => s.url !== undefined || (s.page !== undefined && s.link !== undefined), { message: 'give url, or page and link (a pattern of the download link on that page)' });

export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema).min(1) });
export type ListSource = z.output<typeof sourceSchema>;

export interface SourcesFile {
  file: string;
  sources: ListSource[];
}

/** The sources file to use: `--sources`, else REDLINE_LIST_SOURCES, else the bundled one. */
export function sourcesFilePath(flag?: string): string {
  return flag?.trim() || process.env[SOURCES_ENV]?.trim() || BUNDLED_SOURCES_FILE;
}

/**
 * Reads and checks a sources file. Every problem is reported with its line and field, and a
 * format this build cannot parse is one of them (so a typo never silently skips a list).
 */
export function parseSources(text: string, file: string, formats: readonly string[] = LIST_FORMATS): SourcesFile {
  let src: ReturnType<typeof parseYamlSource>;
  try {
    src = parseYamlSource(text, file);
  } catch (err) {
    throw new InputError([{ path: file, message: (err as Error).message }]);
  }
  const where = (path: (string | number)[]): string => {
    const line = src.locate?.(path);
    return `${file}${line ? `:${line}` : ''}`;
  };
  const parsed = sourcesFileSchema.safeParse(src.data);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues.map((i): InputProblem => {
        const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
        return { path: `${where(path)} ${path.join('.') || '(file)'}`, message: i.message };
      }),
    );
  }
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  parsed.data.sources.forEach((s, i) => {
    if (seen.has(s.id)) problems.push({ path: `${where(['sources', i, 'id'])} sources.${i}.id`, message: `source id "${s.id}" appears twice` });
    seen.add(s.id);
    if (!formats.includes(s.format)) {
      problems.push({ path: `${where(['sources', i, 'format'])} sources.${i}.format`, message: `"${s.format}" is not a list format this Redline reads (${formats.join(', ')})` });
    }
    if (s.side && s.format !== 'ofac-legacy') problems.push({ path: `${where(['sources', i, 'side'])} sources.${i}.side`, message: 'side files are for the ofac-legacy format only' });
  });
  if (problems.length) throw new InputError(problems);
  return { file, sources: parsed.data.sources };
}

export async function loadSources(path: string, formats?: readonly string[]): Promise<SourcesFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([{ path, message: code === 'ENOENT' ? 'no such sources file' : `cannot read the sources file (${code ?? 'error'})` }]);
  }
  return parseSources(text, path, formats);
}
