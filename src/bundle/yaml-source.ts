import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { SourceFile } from '../rules/ruleset.js';

/** Parses a YAML file, keeping a way to find the line of any JSON path (for load errors). */
export async function readYamlSource(path: string, displayName: string): Promise<SourceFile & { text: string }> {
  const text = await readFile(path, 'utf8');
  return parseYamlSource(text, displayName);
}

export function parseYamlSource(text: string, displayName: string): SourceFile & { text: string } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = lineCounter.linePos(e.pos[0]).line;
    throw new Error(`${displayName}:${line}: YAML syntax error: ${e.message.split('\n')[0]}`);
  }
  const locate = (path: (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { file: displayName, data: doc.toJS(), locate, text };
}
