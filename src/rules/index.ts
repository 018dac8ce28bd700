export { evaluateTransaction, type EvaluationInput } from './engine.js';
export { compileRuleset, RulesetError, type Ruleset, type CompiledMeasure, type SourceFile } from './ruleset.js';
export { CountryGroups } from './groups.js';
export { FactRegistry, isActiveOn, type FactDef } from './facts.js';
export type { EvaluationOptions, FactContext, FactResult, PartyScreening } from './context.js';
