import { nowIso, type StoreContext } from './context.js';
import type { RulesetSnapshot } from './types.js';

export async function saveRulesetSnapshot(ctx: StoreContext, snap: RulesetSnapshot): Promise<boolean> {
  const res = await ctx.db
    .insertInto('ruleset_snapshots')
    .values({ hash: snap.hash, version: snap.version, files_json: JSON.stringify(snap.files), created_at: nowIso() })
    .onConflict((oc) => oc.column('hash').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function getRulesetSnapshot(ctx: StoreContext, hash: string): Promise<RulesetSnapshot | undefined> {
  const row = await ctx.db.selectFrom('ruleset_snapshots').selectAll().where('hash', '=', hash).executeTakeFirst();
  return row ? { hash: row.hash, version: row.version, files: JSON.parse(row.files_json) as RulesetSnapshot['files'] } : undefined;
}
