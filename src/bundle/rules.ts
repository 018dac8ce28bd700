import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { compileRuleset, type Ruleset, type SourceFile } from '../rules/ruleset.js';
import type { FactDef } from '../rules/facts.js';
import { PACKAGE_ROOT, PACKS_DIR } from './paths.js';
import { readYamlSource } from './yaml-source.js';

export interface PackSources {
  packs: SourceFile[];
  groups: SourceFile[];
  scenarios: SourceFile[];
  version: string;
  hash: string;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await yamlFiles(full)));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/**
 * Reads every YAML file under the packs folder and sorts them by what they hold: measures
 * (`pack:`), country groups (`groups:`), scenario tests (`scenarios:`) or the manifest. The
 * rule-set hash covers every file, so any edit to rules, groups or scenarios changes it.
 */
export async function readPackSources(dir = PACKS_DIR): Promise<PackSources> {
  const files = await yamlFiles(dir);
  const hash = createHash('sha256');
  const sources: PackSources = { packs: [], groups: [], scenarios: [], version: 'unversioned', hash: '' };
  for (const file of files) {
    const display = relative(PACKAGE_ROOT, file);
    const src = await readYamlSource(file, display);
    hash.update(`${relative(dir, file)}\n${src.text}\n`);
    const data = src.data as Record<string, unknown> | null;
    if (data && typeof data === 'object' && 'pack' in data) sources.packs.push(src);
    else if (data && typeof data === 'object' && 'groups' in data) sources.groups.push(src);
    else if (data && typeof data === 'object' && 'scenarios' in data) sources.scenarios.push(src);
    else if (data && typeof data === 'object' && 'version' in data && file.endsWith('manifest.yaml')) sources.version = String(data.version);
    else throw new Error(`${display}: not a rule pack, country-group file, scenario file or manifest`);
  }
  sources.hash = `sha256:${hash.digest('hex')}`;
  return sources;
}

const cache = new Map<string, Promise<Ruleset>>();

/** The compiled bundled rule set (cached per process and folder). */
export function loadRuleset(dir = PACKS_DIR, extraFacts: FactDef[] = []): Promise<Ruleset> {
  let p = cache.get(dir);
  if (!p) {
    p = readPackSources(dir).then((s) => compileRuleset({ packs: s.packs, groups: s.groups, version: s.version, hash: s.hash, extraFacts }));
    cache.set(dir, p);
  }
  return p;
}
