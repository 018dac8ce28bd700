import { describe, expect, it } from 'vitest';
import { InputError, type Determination, type Finding, type Outcome } from '../domain/index.js';
import { analyseBook, analyseBookInSteps } from './evaluate.js';
import { exposureOfBook } from './analyse.js';
import { breakdownCsv, flipsCsv } from './csv.js';
import { parseBook } from './book.js';
import { staleListCaveat } from './caveats.js';

function finding(measure: string, outcome: Outcome): Finding {
  return { measure, effect: 'license_required', citation: `cite ${measure}`, summary: `summary of ${measure}`, because: [], outcome, jurisdiction: 'US', instrument: 'x', confidence: 'high' };
}

function determination(outcome: Outcome, findings: Finding[], asOf: string): Determination {
  return {
    outcome,
    asOf,
    jurisdictions: [{ jurisdiction: 'US', outcome, findings, exceptions: [] }],
    classifications: [],
    screening: [],
    redFlags: [],
    missing: [],
    ruleset: { version: 't', hash: 'sha256:t' },
    lists: {},
  };
}

const BOOK = 'id,date,to,model,value\nA,2023-01-10,CN,NVIDIA H100 SXM5 80GB,100\nB,2023-02-10,DE,NVIDIA H100 SXM5 80GB,50\nC,2023-03-10,CN,No Such Chip,7\n';

/** A stand-in engine: H100s to China need a licence from 2022-10-07; unknown models are bad input. */
function check(tx: unknown, asOf: string | undefined): Determination {
  const t = tx as { to: string; date: string; items: { model: string }[] };
  if (t.items[0]!.model === 'No Such Chip') throw new InputError([{ path: 'items[0].model', message: 'unknown model "No Such Chip"' }]);
  const date = asOf ?? t.date;
  if (t.to === 'CN' && date >= '2022-10-07') return determination('license_required', [finding('us.ac', 'license_required'), finding('us.note', 'no_license_required')], date);
  return determination('no_license_required', [], date);
}

describe('analysing a book', () => {
  const entries = parseBook(BOOK, 'csv');

  it('evaluates each line under the date asked, keeping rejected lines as errors with their message', () => {
    const a = analyseBook(entries, check, '2022-06-01');
    expect(a.lines.map((l) => l.result?.outcome ?? l.error)).toEqual(['no_license_required', 'no_license_required', 'items[0].model: unknown model "No Such Chip"']);
    const b = analyseBook(entries, check, undefined);
    expect(b.asOf).toBeNull();
    expect(b.lines[0]!.result).toEqual({ outcome: 'license_required', jurisdictions: { US: 'license_required' }, measures: { 'us.ac': 'license_required' } });
    // Only measures that weigh on a line are named, with their citation for the report.
    expect(b.measures).toEqual({ 'us.ac': { jurisdiction: 'US', summary: 'summary of us.ac', citation: 'cite us.ac' } });
  });

  it('gives the same answer when it hands control back between steps', async () => {
    let pauses = 0;
    const stepped = await analyseBookInSteps(entries, check, '2026-09-30', async () => void pauses++, 1);
    expect(stepped).toEqual(analyseBook(entries, check, '2026-09-30'));
    expect(pauses).toBe(entries.length - 1);
  });

  it('lets anything but bad input through: a bug is not an error line', () => {
    const broken = () => {
      throw new TypeError('boom');
    };
    expect(() => analyseBook(entries, broken, undefined)).toThrow('boom');
  });

  it('compares two dates end to end and exports both breakdowns and flips as CSV', () => {
    const c = exposureOfBook(entries, check, { asOf: '2022-06-01', compareAsOf: '2026-09-30', caveats: ['lists are old'] });
    if (!('flips' in c)) throw new Error('expected a comparison');
    expect(c.flips.map((f) => [f.id, f.added])).toEqual([['A', ['us.ac']]]);
    expect(c.base.caveats).toEqual(['lists are old']);
    const breakdown = breakdownCsv(c).split('\r\n');
    expect(breakdown[0]).toBe('as_of,dimension,key,outcome,count,value,currency');
    expect(breakdown).toContain('2026-09-30,destination,CN,license_required,1,100,USD');
    expect(breakdown).toContain('2022-06-01,book,book,error,1,7,USD');
    expect(flipsCsv(c).split('\r\n')[1]).toBe('1,A,2023-01,CN,NVIDIA H100 SXM5 80GB,100,USD,no_license_required,license_required,stricter,us.ac,,');
  });
});

describe('staleListCaveat', () => {
  it('says once which lists are old and what a determination would do about it', () => {
    expect(staleListCaveat([], 30)).toBeUndefined();
    const text = staleListCaveat(
      [
        { list: 'us.bis.entity-list', sourceDate: '2026-07-09', ageDays: 141, bundledSnapshot: true },
        { list: 'us.ofac.sdn', sourceDate: '2022-05-06', ageDays: 1666, bundledSnapshot: true },
      ],
      30,
    );
    expect(text).toContain('2 screening lists are older than 30 days');
    expect(text).toContain('the oldest is us.ofac.sdn of 2022-05-06');
    expect(text).toContain('answers review');
  });
});
