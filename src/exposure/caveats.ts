/**
 * Exposure asks what the rules do to a book, so a caveat that holds for every line alike (the
 * screening lists are old) is said once, at the top, instead of turning every line into `review`
 * and hiding the picture. Determinations (`redline check`, batch) still fail closed on it.
 */
export interface ListAge {
  list: string;
  sourceDate: string;
  ageDays: number;
  bundledSnapshot: boolean;
}

export function staleListCaveat(stale: readonly ListAge[], maxAgeDays: number): string | undefined {
  if (!stale.length) return undefined;
  const oldest = [...stale].sort((a, b) => b.ageDays - a.ageDays)[0]!;
  const snapshots = stale.every((s) => s.bundledSnapshot) ? ' (all bundled snapshots)' : '';
  return (
    `${stale.length} screening list${stale.length > 1 ? 's are' : ' is'} older than ${maxAgeDays} days past ${stale.length > 1 ? 'their' : 'its'} source date${snapshots}; ` +
    `the oldest is ${oldest.list} of ${oldest.sourceDate}. This analysis takes them as current: a determination (check, batch) answers review ` +
    `for screened parties until the lists are refreshed.`
  );
}
