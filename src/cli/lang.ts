import { InputError } from '../domain/index.js';
import type { HumanLang } from '../domain/summary.js';

/**
 * The language of the CLI's human output (issue 15): `--lang en|zh` (a global option), else the
 * locale — LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them — so zh_CN.UTF-8 gives
 * Chinese. JSON output never changes with it.
 */
let current: HumanLang | undefined;

export function langFromLocale(env: NodeJS.ProcessEnv = process.env): HumanLang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh([_.-]|$)/i.test(locale) ? 'zh' : 'en';
}

/** Validates `--lang`: en, zh (zh-CN, zh_CN and the like are zh). Bad input names the flag. */
export function parseLang(value: string | undefined, env: NodeJS.ProcessEnv = process.env): HumanLang {
  if (value === undefined) return langFromLocale(env);
  if (/^en([_-][a-z]{2})?$/i.test(value)) return 'en';
  if (/^zh([_-](cn|hans|sg))?$/i.test(value)) return 'zh';
  throw new InputError([{ path: '--lang', message: `"${value}" is not a language of the human output: en or zh` }]);
}

export function setHumanLang(lang: HumanLang | undefined): void {
  current = lang;
}

export function humanLang(): HumanLang {
  return current ?? langFromLocale();
}
