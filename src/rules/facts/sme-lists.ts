/**
 * The lists of Category 3 paragraphs that several EAR provisions name word for word
 * (rules.md §1.7, §1.9, §1.10, §1.8). Kept in one place because four provisions share the
 * first list; each constant cites where it comes from.
 */

/**
 * §742.4(a)(4) / §742.6(a)(6)(i)(A) licence to Macau/D:5, SME FDP §734.9(k), zero de minimis
 * §734.4(a)(8), US-person rule §744.6(c)(2)(iii): 3B001.a.4, c, d, f.1, f.5, f.6, k–n, p.2, p.4,
 * r, 3B002.c (and 3D992/3E992 for them).
 */
export const SME_MACAU_D5 = [
  '3B001.a.4', '3B001.c', '3B001.d', '3B001.f.1', '3B001.f.5', '3B001.f.6', '3B001.k', '3B001.l', '3B001.m', '3B001.n',
  '3B001.p.2', '3B001.p.4', '3B001.r', '3B002.c', '3D992', '3E992',
] as const;

/** §740.2(a)(9)(i): the SME list plus 3B993/3B994 and related 3D/3E — only GOV to Macau/D:5. */
export const SME_GOV_ONLY = [...SME_MACAU_D5, '3B993', '3B994', '3D993', '3D994', '3E993', '3E994'] as const;

/** §742.4(a)(5) / §742.6(a)(10): worldwide NS/RS since 89 FR 72926 (2024-09-06), License Exception IEC. */
export const SME_WORLDWIDE = ['3B001.c.1.a', '3B001.c.1.c', '3B001.q'] as const;

/** §742.6(a)(11): licence only where a Footnote-5 Entity List entity is a party. */
export const SME_FN5_ONLY = ['3B993', '3B994', '3D993', '3D994', '3E993', '3E994'] as const;

/**
 * §734.9(e)(3) (FN5 / advanced-node FDP) product scope: 3B001 except a.4, c, d, f.1, f.5, f.6,
 * g, h, k–n, p.2, p.4, r; 3B002 except c; 3B903; 3B991 except b.2.a–b.2.b; 3B992; 3B993; 3B994.
 */
export const FN5_FDP_INCLUDE = ['3B001', '3B002', '3B903', '3B991', '3B992', '3B993', '3B994'] as const;
export const FN5_FDP_EXCLUDE = [
  '3B001.a.4', '3B001.c', '3B001.d', '3B001.f.1', '3B001.f.5', '3B001.f.6', '3B001.g', '3B001.h', '3B001.k', '3B001.l',
  '3B001.m', '3B001.n', '3B001.p.2', '3B001.p.4', '3B001.r', '3B002.c', '3B991.b.2.a', '3B991.b.2.b',
] as const;

/** True when `code` is `entry` or one of its sub-paragraphs ("3B001.c.1" is in "3B001.c"). */
export function codeIn(code: string, entries: readonly string[]): boolean {
  return entries.some((e) => code === e || code.startsWith(`${e}.`));
}

export function inFn5FdpScope(code: string): boolean {
  return codeIn(code, FN5_FDP_INCLUDE) && !codeIn(code, FN5_FDP_EXCLUDE);
}

/** Category 3 product groups B, C, D or E (§744.23(a)(2)(ii), §744.6(c)(2)(ii)). */
export function inCategory3BCDE(code: string): boolean {
  return /^3[BCDE]\d{3}/.test(code);
}

/** On the Commerce Control List (an ECCN, not EAR99); undefined for codes that do not say. */
export function onCcl(code: string): boolean | undefined {
  if (code === 'EAR99') return false;
  if (/^\d[A-E]\d{3}/.test(code)) return true;
  return undefined;
}
