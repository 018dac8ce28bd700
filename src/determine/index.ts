export { determine, determineParsed, screenParties, type Engines, type DetermineOptions } from './determine.js';
export { runScenarioFiles, checkScenario, scenarioFileSchema, type Scenario, type ScenarioResult } from './scenarios.js';
export { staleLists, applyListFreshness, DEFAULT_MAX_LIST_AGE_DAYS, type StaleList } from './list-freshness.js';
