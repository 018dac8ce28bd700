import { describe, expect, it } from 'vitest';
import { readPackSources } from '../src/bundle/rules.js';
import { loadRuleset } from '../src/bundle/rules.js';
import { loadCatalogue } from '../src/bundle/catalogue.js';
import { runScenarioFiles } from '../src/determine/index.js';

// Every pack's scenario file runs here, one test per scenario, so `npm test` covers
// `redline rules test` too.
const sources = await readPackSources();
const engines = { ruleset: await loadRuleset(), catalogue: loadCatalogue() };
const results = runScenarioFiles(sources.scenarios, engines);

describe('rule-pack scenarios', () => {
  it('exist for the bundled packs', () => {
    expect(results.length).toBeGreaterThan(20);
  });
  for (const r of results) {
    it(`${r.file}:${r.line ?? '?'} ${r.name}`, () => {
      expect(r.failures, r.failures.join('\n')).toEqual([]);
    });
  }
});
