export * from './lists/index.js';
export { parseLexicon, type Lexicon, type LexiconSources } from './lexicon.js';
export { normalizeName, canonicalName, type NormalizedName, type NameToken } from './normalize.js';
export { simplify, traditionalize } from './chinese.js';
export { NameIndex } from './name-index.js';
export { alignTokens, scoreTokens } from './score.js';
export { seededRandom } from '../domain/index.js';
export { buildEvalSet, curatedCases, holdOutCurated, runEvaluation, type EvalCase, type EvalKind, type EvalReport, type HeldOut, type KindResult } from './evaluation.js';
export {
  createScreener,
  DEFAULT_ALERT_THRESHOLD,
  DEFAULT_CANDIDATE_FLOOR,
  type RedlineScreener,
  type ScreenerOptions,
  type MatchResult,
  type MatchOptions,
  PAIR_WEIGHTS,
  PAIR_MATCH_THRESHOLD,
} from './screener.js';
export {
  checkCuratedName,
  checkCuratedNames,
  curatedReviewMarkdown,
  unaccountedWords,
  type CuratedRow,
  type CuratedCheck,
  type CuratedSummary,
  type CuratedVerdict,
} from './curated-names-check.js';
export { parseNamePairs, splitPairs, pairHash, metricsAt, bestThreshold, type NamePair, type PairMetrics } from './pair-eval.js';
