export { determine, determineParsed, screenParties, type Engines, type DetermineOptions } from './determine.js';
export { runScenarioFiles, checkScenario, scenarioFileSchema, type Scenario, type ScenarioResult } from './scenarios.js';
