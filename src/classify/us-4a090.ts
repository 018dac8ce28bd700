import type { Classification, IcItem, IsoDate, ResolvedItem } from '../domain/index.js';
import { declaredClassification, setFact, usClassification, usRegimeOn, type Facts } from './result.js';
import { REGIME_OCT_2022 } from './thresholds.js';
import { classifyIcUS } from './us-3a090.js';

export type ResolvedComputer = Extract<ResolvedItem, { kind: 'computer' }>;

interface Contained {
  label: string;
  c: Classification;
}

/**
 * US classification of a computer, "electronic assembly" or component under 4A090 (rules.md §1.3):
 * 4A090.a / .b when it contains an IC meeting 3A090.a / .b. Only ICs count: 3A090.c (HBM) is not
 * used for 4A090 or the .z entries (Note 4 to 3A090). A contained IC that does not say whether it
 * is datacenter-marketed takes the computer's answer, since the system is what is marketed.
 */
export function classifyComputerUS(item: ResolvedComputer, index: number, asOf: IsoDate): Classification {
  const regime = usRegimeOn(asOf);
  const contained = classifyContained(item, asOf);
  const facts = summaryFacts(item, contained);
  if (item.eccn !== undefined) return declaredClassification(index, item.eccn, facts, regime);
  if (regime === undefined) {
    return usClassification(index, 'NOT_3A090', `ECCN 4A090 did not exist before ${REGIME_OCT_2022} (87 FR 62186)`, facts);
  }

  const a = contained.find((x) => level(x.c.code) === 'a');
  if (a !== undefined) {
    return usClassification(index, '4A090.a', `contains ${a.label}, which is ${a.c.code} (${a.c.because})`, facts, { regime });
  }
  const b = contained.find((x) => level(x.c.code) === 'b');
  const unknown = contained.filter((x) => x.c.code === 'INDETERMINATE');
  if (unknown.length > 0) {
    // Fail closed: an undecided IC could be 3A090.a, which would make the whole system 4A090.a.
    const first = unknown[0] as Contained;
    const atLeast = b === undefined ? '' : `; at least 4A090.b, since ${b.label} is ${b.c.code}`;
    const missing = [...new Set(unknown.flatMap((x) => (x.c.missing ?? []).map((m) => `${x.label}: ${m}`)))];
    return usClassification(index, 'INDETERMINATE', `${first.label} cannot be classified (${first.c.because})${atLeast}`, facts, {
      missing,
      regime,
    });
  }
  if (b !== undefined) {
    return usClassification(index, '4A090.b', `contains ${b.label}, which is ${b.c.code} (${b.c.because})`, facts, { regime });
  }
  const because = contained.length === 0 ? 'contains no integrated circuit that 3A090.a/.b could reach' : 'contains no IC meeting 3A090.a or 3A090.b';
  return usClassification(index, 'NOT_3A090', because, facts, { regime });
}

/** 'a' for 3A090.a/4A090.a (and a user's declared .a codes), 'b' likewise, otherwise undefined. */
function level(code: string): 'a' | 'b' | undefined {
  if (code.startsWith('3A090.a') || code.startsWith('4A090.a')) return 'a';
  if (code.startsWith('3A090.b') || code.startsWith('4A090.b')) return 'b';
  return undefined;
}

function classifyContained(item: ResolvedComputer, asOf: IsoDate): Contained[] {
  const out: Contained[] = [];
  for (let k = 0; k < item.ics.length; k++) {
    const ic = item.ics[k] as ResolvedItem;
    const label = `ics[${k}]${nameOf(ic)}`;
    if (ic.kind === 'ic') {
      const withDc: IcItem = ic.datacenter === undefined && item.datacenter !== undefined ? { ...ic, datacenter: item.datacenter } : ic;
      out.push({ label, c: classifyIcUS(withDc, k, asOf) });
    } else if (ic.kind === 'computer') {
      const inner = ic.datacenter === undefined && item.datacenter !== undefined ? { ...ic, datacenter: item.datacenter } : ic;
      out.push({ label, c: classifyComputerUS(inner, k, asOf) });
    }
  }
  return out;
}

function nameOf(item: ResolvedItem): string {
  const name = item.catalogue?.name ?? ('name' in item ? item.name : undefined) ?? ('model' in item ? item.model : undefined);
  return name === undefined ? '' : ` (${name})`;
}

/** The strongest contained IC's figures, so rules that test TPP or bandwidth can read them on the system. */
function summaryFacts(item: ResolvedComputer, contained: Contained[]): Facts {
  const facts: Facts = { ics: contained.length };
  setFact(facts, 'datacenter', item.datacenter);
  for (const key of ['tpp', 'memoryBandwidthGBs', 'interconnectGBs'] as const) {
    let best: number | undefined;
    for (const x of contained) {
      const v = x.c.facts[key];
      if (typeof v === 'number' && (best === undefined || v > best)) best = v;
    }
    setFact(facts, key, best);
  }
  return facts;
}
