import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../domain/schema-helpers.js';
import { LongStringClipper, LongStringClipStream, MAX_JSON_STRING_BYTES, wholeCharacters } from './long-strings.js';

/** Feeds `text` to a clipper cut at the given byte offsets; returns what it passes on. */
function clip(text: string | Buffer, max: number, cuts: number[] = []): string {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const clipper = new LongStringClipper(max);
  const out: Buffer[] = [];
  let at = 0;
  for (const c of [...new Set(cuts.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b).concat(bytes.length)) {
    out.push(...clipper.push(bytes.subarray(at, c)));
    at = c;
  }
  out.push(...clipper.end());
  return Buffer.concat(out).toString();
}

/** Every string literal of a JSON text (keys too), in order, decoded. */
function strings(text: string): string[] {
  return (text.match(/"(?:[^"\\]|\\.)*"/g) ?? []).map((literal) => JSON.parse(literal) as string);
}

/** JSON text with some characters written as \uXXXX escapes, so cuts meet escapes too. */
const escapedJson = fc
  .tuple(fc.jsonValue({ maxDepth: 3 }), fc.integer({ min: 0, max: 3 }))
  .map(([v, every]) => {
    const text = JSON.stringify(v);
    if (every === 0) return text;
    // Escape every `every`-th character inside strings (each UTF-16 unit of it, as JSON writes a surrogate pair).
    let inString = false;
    let escaped = false;
    let n = 0;
    let out = '';
    for (const ch of text) {
      if (inString && !escaped && ch !== '"' && ch !== '\\' && ++n % every === 0) {
        for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
        continue;
      }
      if (ch === '"' && !escaped) inString = !inString;
      escaped = ch === '\\' && !escaped;
      out += ch;
    }
    return out;
  });

describe('long JSON strings cut as the body arrives', () => {
  it('leaves a body without long strings byte for byte unchanged, however it is chunked', () => {
    fc.assert(
      fc.property(escapedJson, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const max = Math.max(1, Buffer.byteLength(text));
        expect(clip(text, max, cuts)).toBe(text);
      }),
    );
  });

  it('keeps valid JSON valid: each string is itself or a prefix of at least max/6 characters, the same whatever the chunks', () => {
    fc.assert(
      fc.property(escapedJson, fc.integer({ min: 6, max: 40 }), fc.array(fc.nat(), { maxLength: 8 }), (text, max, cuts) => {
        const whole = clip(text, max);
        expect(clip(text, max, cuts)).toBe(whole);
        expect(() => JSON.parse(whole)).not.toThrow();
        const before = strings(text);
        const after = strings(whole);
        expect(after.length).toBe(before.length);
        after.forEach((s, i) => {
          const original = before[i]!;
          if (s === original) return;
          expect(original.startsWith(s)).toBe(true);
          expect(s.length).toBeGreaterThanOrEqual(Math.floor((max - 5) / 6));
        });
      }),
    );
  });

  it('cuts a string just over the limit and not one at it', () => {
    const at = `{"model":"${'a'.repeat(10)}"}`;
    const over = `{"model":"${'a'.repeat(11)}"}`;
    expect(clip(at, 10)).toBe(at);
    expect(clip(over, 10)).toBe(at);
  });

  it('finds the closing quote after escaped quotes and backslashes split over chunks', () => {
    const text = String.raw`{"a":"x\\\"y\\","b":"${'z'.repeat(50)}"}`;
    for (let c = 0; c <= text.length; c++) expect(JSON.parse(clip(text, 20, [c]))).toEqual({ a: 'x\\"y\\', b: 'z'.repeat(20) });
  });

  it('never cuts inside a UTF-8 character or an escape', () => {
    expect(wholeCharacters(Buffer.from('ab\\u00'))).toBe(2);
    expect(wholeCharacters(Buffer.from('ab\\'))).toBe(2);
    expect(wholeCharacters(Buffer.from('ab\\n'))).toBe(4);
    expect(wholeCharacters(Buffer.from('华为').subarray(0, 4))).toBe(3);
    expect(JSON.parse(clip(`["${'华'.repeat(10)}"]`, 10))).toEqual(['华'.repeat(3)]);
  });

  it('cuts strings far longer than any field takes, so the schema still refuses them', () => {
    expect(Math.floor((MAX_JSON_STRING_BYTES - 5) / 6)).toBeGreaterThan(Math.max(...Object.values(TEXT_LIMITS)));
  });

  it('as a stream: counts the bytes received and refuses more than the body limit', async () => {
    const body = Buffer.from(`{"model":"${'x'.repeat(300_000)}"}`);
    const stream = new LongStringClipStream(MAX_JSON_STRING_BYTES);
    const chunks: Buffer[] = [];
    for await (const c of Readable.from([body.subarray(0, 100_000), body.subarray(100_000)]).pipe(stream)) chunks.push(c as Buffer);
    expect(stream.receivedEncodedLength).toBe(body.length);
    expect((JSON.parse(Buffer.concat(chunks).toString()) as { model: string }).model.length).toBe(MAX_JSON_STRING_BYTES);

    const limited = Readable.from([body]).pipe(new LongStringClipStream(MAX_JSON_STRING_BYTES, 200_000));
    await expect(async () => {
      for await (const _ of limited);
    }).rejects.toMatchObject({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
  });
});
