import { parse, type ParseError } from 'jsonc-parser';

/**
 * Where JSON text stops being JSON, as line and column (from 1), or undefined when it parses.
 * JSON.parse says what it met but not always where (V8 often quotes a fragment only), and a
 * person fixing a pasted transaction needs the place. jsonc-parser (VS Code's) reports the offset;
 * comments, trailing commas and empty text are refused here, as JSON.parse refuses them.
 */
export function jsonErrorAt(text: string): { line: number; column: number } | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length === 0) return undefined;
  const at = errors[0]!.offset;
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}
