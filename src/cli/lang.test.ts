import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/index.js';
import { langFromLocale, parseLang } from './lang.js';
import { WORDS } from './format/words.js';

describe('the CLI language', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(langFromLocale({})).toBe('en');
    expect(langFromLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromLocale({ LANG: 'zh_TW.UTF-8' })).toBe('zh');
    expect(langFromLocale({ LANG: 'zh' })).toBe('zh');
    expect(langFromLocale({ LANG: 'zu_ZA.UTF-8' })).toBe('en');
    expect(langFromLocale({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' })).toBe('en');
    expect(langFromLocale({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromLocale({ LANG: 'C', LC_ALL: '' })).toBe('en');
  });

  it('--lang takes en and zh spellings and refuses others, naming the flag', () => {
    for (const v of ['zh', 'ZH', 'zh-CN', 'zh_CN', 'zh-Hans']) expect(parseLang(v, {})).toBe('zh');
    for (const v of ['en', 'en-GB', 'en_US']) expect(parseLang(v, { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(parseLang(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    for (const v of ['fr', '', 'zhx', 'chinese']) {
      expect(() => parseLang(v, {})).toThrow(InputError);
      try {
        parseLang(v, {});
      } catch (e) {
        expect((e as InputError).problems[0]!.path).toBe('--lang');
      }
    }
  });

  it('every English word has a Chinese one, translated and with the same placeholders', () => {
    expect(Object.keys(WORDS.zh).sort()).toEqual(Object.keys(WORDS.en).sort());
    for (const [k, en] of Object.entries(WORDS.en)) {
      const zh = WORDS.zh[k as keyof typeof WORDS.en];
      expect({ k, zh: zh !== en }).toEqual({ k, zh: true });
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect({ k, vars: vars(zh) }).toEqual({ k, vars: vars(en) });
    }
  });
});
