import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { InputError, isIsoDate } from '../../domain/index.js';
import { CASE_STATUSES, CaseConflict, type CaseStatus, type ReviewCase, type Store } from '../../store/index.js';
import { printJson } from '../io.js';
import { bold, dim, heading } from '../format/style.js';
import { TextTable } from '../format/table.js';
import { terminalWidth } from '../format/style.js';
import { runWithStore } from './store-cli.js';

interface Flags {
  db?: string;
  json?: boolean;
  by?: string;
  reason?: string;
  expires?: string;
  status?: string;
  owner?: string;
  fourEyes?: boolean;
}

const STATUS_WORDS: Record<CaseStatus, string> = { open: 'open', in_review: 'in review', cleared: 'cleared', confirmed: 'confirmed', escalated: 'escalated', revoked: 'revoked' };

/** Who is acting: --by, else the login name (a deployment with four eyes should always pass --by). */
function actor(flags: Flags): string {
  return flags.by?.trim() || process.env.REDLINE_USER || userInfo().username;
}

function fourEyes(flags: Flags): boolean {
  return flags.fourEyes === true || process.env.REDLINE_FOUR_EYES === '1';
}

function what(c: ReviewCase): string {
  if (c.kind === 'potential_match' && c.hit) return `may be "${c.hit.name}" on ${c.hit.listTitle ?? 'a restricted-party list'} (score ${c.hit.score.toFixed(2)})`;
  return `missing: ${c.missing.map((m) => m.label).join('; ')}`;
}

function nextStep(c: ReviewCase): string {
  if (c.pending) return `waiting for a second person: redline reviews ${c.pending.decision === 'cleared' ? 'clear' : 'confirm'} ${c.id} --by <someone else> --reason "…"`;
  if (c.status === 'cleared') return `cleared; to undo: redline reviews revoke ${c.id} --reason "…"`;
  if (c.status === 'open' || c.status === 'in_review' || c.status === 'escalated') {
    return c.kind === 'potential_match'
      ? `decide: redline reviews clear ${c.id} --reason "…" (not the listed party) or redline reviews confirm ${c.id} --reason "…"`
      : `give the missing facts and check again, then: redline reviews clear ${c.id} --reason "…"`;
  }
  return '';
}

function printCase(c: ReviewCase): void {
  const lines = [
    `${heading(`Case ${c.id}`)}  ${bold(STATUS_WORDS[c.status])}${c.owner ? `  owner ${c.owner}` : ''}`,
    `order        ${c.orderRef ?? dim('(none given)')}`,
    `counterparty ${c.counterparty ? `${c.counterparty.name}${c.counterparty.country ? ` (${c.counterparty.country})` : ''}` : dim('(none)')}`,
    `what         ${what(c)}`,
    ...(c.hit?.citation ? [`citation     ${c.hit.citation}`] : []),
    `from         ${c.source}${c.sourceRef ? ` ${c.sourceRef}` : ''}, ${c.createdAt}`,
    ...(c.reason ? [`decision     ${c.reason}${c.decidedBy ? ` — ${c.decidedBy}` : ''}${c.expiresAt ? ` (until ${c.expiresAt})` : ''}`] : []),
    '',
    bold('History'),
    ...(c.events ?? []).map((e) => `  ${e.at}  ${e.actor ?? dim('system')}  ${e.action}${e.text ? `: ${e.text}` : ''}  ${dim(`audit record ${e.auditSeq}`)}`),
  ];
  const step = nextStep(c);
  if (step) lines.push('', `next step: ${step}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function act(store: Store, flags: Flags, fn: () => Promise<ReviewCase>): Promise<void> {
  try {
    const c = await fn();
    if (flags.json) return printJson(c);
    printCase((await store.reviewQueue.get(c.id)) ?? c);
  } catch (e) {
    // A step that is not allowed now (closed case, same person twice under four eyes) is the user's to fix: exit 2.
    if (e instanceof CaseConflict) throw new InputError([{ path: 'case', message: e.message }]);
    throw e;
  }
}

function needReason(flags: Flags): string {
  if (!flags.reason?.trim()) throw new InputError([{ path: '--reason', message: 'say why (it goes into the audit log)' }]);
  return flags.reason;
}

function expiry(flags: Flags): string | undefined {
  if (flags.expires === undefined) return undefined;
  if (!isIsoDate(flags.expires)) throw new InputError([{ path: '--expires', message: `"${flags.expires}" is not a date written YYYY-MM-DD` }]);
  return flags.expires;
}

export function registerReviewsCommand(program: Command): void {
  const reviews = program.command('reviews').description('the review queue: potential matches and review answers waiting for a person');
  const common = (c: Command): Command => c.option('--db <path or URL>', 'the store').option('--json', 'JSON output').option('--by <name>', 'who is acting (default: $REDLINE_USER or the login name)');

  common(reviews.command('list').description('cases, newest first'))
    .option('--status <status>', `one of ${CASE_STATUSES.join(', ')}`)
    .option('--owner <name>', 'only cases with this owner')
    .action((flags: Flags) =>
      runWithStore(flags.db, async (store) => {
        if (flags.status && !(CASE_STATUSES as readonly string[]).includes(flags.status)) throw new InputError([{ path: '--status', message: `must be one of ${CASE_STATUSES.join(', ')}` }]);
        const cases = await store.reviewQueue.list({ status: flags.status as CaseStatus | undefined, owner: flags.owner });
        if (flags.json) return printJson(cases);
        if (!cases.length) return void process.stdout.write('no review cases\n');
        const w = terminalWidth();
        const t = new TextTable(['case', 'status', 'order', 'counterparty', 'what', 'owner'].map((h) => bold(h)), [20, 11, 14, 22, Math.max(20, w - 20 - 11 - 14 - 22 - 12 - 7), 12]);
        for (const c of cases) t.push([c.id, STATUS_WORDS[c.status], c.orderRef ?? '', c.counterparty?.name ?? '', what(c), c.owner ?? '']);
        process.stdout.write(`${t.toString()}\nnext step: redline reviews show <case>\n`);
      }),
    );

  common(reviews.command('show').description('one case with its history').argument('<case>'))
    .action((id: string, flags: Flags) =>
      runWithStore(flags.db, async (store) => {
        const c = await store.reviewQueue.get(id);
        if (!c) throw new InputError([{ path: 'case', message: `no review case "${id}" (see: redline reviews list)` }]);
        if (flags.json) return printJson(c);
        printCase(c);
      }),
    );

  common(reviews.command('assign').description('give a case an owner').argument('<case>').argument('<owner>'))
    .action((id: string, owner: string, flags: Flags) => runWithStore(flags.db, (store) => act(store, flags, () => store.reviewQueue.assign(id, owner, actor(flags)))));

  common(reviews.command('comment').description('comment on a case').argument('<case>').argument('<text>'))
    .action((id: string, text: string, flags: Flags) => runWithStore(flags.db, (store) => act(store, flags, () => store.reviewQueue.comment(id, text, actor(flags)))));

  for (const [name, decision, help] of [
    ['clear', 'cleared', 'not the listed party (or the facts are resolved): the hit is suppressed for this counterparty under every name'],
    ['confirm', 'confirmed', 'a true match'],
    ['escalate', 'escalated', 'hand the case on'],
  ] as const) {
    common(reviews.command(name).description(help).argument('<case>'))
      .option('--reason <text>', 'why (required)')
      .option('--expires <date>', 'a clearance lapses on this day (YYYY-MM-DD)')
      .option('--four-eyes', 'need a second person to clear or confirm (also REDLINE_FOUR_EYES=1)')
      .action((id: string, flags: Flags) =>
        runWithStore(flags.db, (store) =>
          act(store, flags, () => store.reviewQueue.decide(id, decision, { actor: actor(flags), reason: needReason(flags), expiresAt: expiry(flags), fourEyes: fourEyes(flags) })),
        ),
      );
  }

  common(reviews.command('revoke').description('revoke a clearance: the hit stands again').argument('<case>'))
    .option('--reason <text>', 'why (required)')
    .action((id: string, flags: Flags) => runWithStore(flags.db, (store) => act(store, flags, () => store.reviewQueue.revoke(id, actor(flags), needReason(flags)))));

  common(reviews.command('expire').description('give a clearance an expiry').argument('<case>').argument('<date>', 'YYYY-MM-DD'))
    .action((id: string, date: string, flags: Flags) =>
      runWithStore(flags.db, (store) => act(store, flags, () => store.reviewQueue.setExpiry(id, expiry({ expires: date })!, actor(flags)))),
    );
}
