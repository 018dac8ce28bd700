import { Transform, type TransformCallback } from 'node:stream';
import { errorCodes, type preParsingAsyncHookHandler } from 'fastify';

/**
 * Cuts every JSON string literal (value or key) longer than `maxBytes` raw bytes down to a prefix
 * of about that length, chunk by chunk as a body arrives, so that a megabyte text is never decoded
 * or parsed as a whole. Meant for bodies whose every string the schema caps far below
 * `maxBytes / 6` characters (a raw byte is at least 1/6 of a character: `\uXXXX`): a cut string
 * is still over its cap, so the schema refuses it with the same field and message as the whole
 * one would have been, and everything else reaches JSON.parse byte for byte unchanged (issue 14:
 * a 1 MB model name held the event loop ~10 ms per request while /healthz waited behind it).
 *
 * Quotes and backslashes are ASCII and never occur inside a UTF-8 multi-byte sequence, so the
 * bytes can be searched with `indexOf` without decoding. Invalid JSON stays invalid (it may fail
 * at another position); valid JSON stays valid.
 */
export class LongStringClipper {
  private inString = false;
  /** The current string was cut: drop its bytes up to its closing quote (the cut already closed it). */
  private dropping = false;
  /** Content bytes of the current string held back so far (when not dropping). */
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** Backslashes that end the current string's content so far (an odd run escapes the next quote). */
  private backslashes = 0;
  /** How many strings were cut. */
  cut = 0;

  constructor(readonly maxBytes: number) {}

  /** Takes the next chunk; returns the bytes that are final (an open string is held back until it closes or is cut). */
  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let pending = 0; // chunk[pending, i) is kept and not yet in `out`
    let i = 0;
    while (i < chunk.length) {
      if (!this.inString) {
        const open = chunk.indexOf(QUOTE, i);
        if (open < 0) break;
        this.inString = true;
        this.dropping = false;
        this.backslashes = 0;
        i = open + 1;
        out.push(chunk.subarray(pending, i));
        pending = i;
        continue;
      }
      const start = i;
      const close = this.closingQuote(chunk, start);
      const end = close < 0 ? chunk.length : close;
      if (!this.dropping && this.heldBytes + (end - start) > this.maxBytes) {
        const content = Buffer.concat([...this.held, chunk.subarray(start, start + this.maxBytes - this.heldBytes)]);
        out.push(content.subarray(0, wholeCharacters(content)), CLOSING_QUOTE);
        this.held = [];
        this.heldBytes = 0;
        this.dropping = true;
        this.cut++;
      }
      if (close < 0) {
        if (!this.dropping) {
          this.held.push(chunk.subarray(start));
          this.heldBytes += chunk.length - start;
        }
        this.backslashes = trailingBackslashes(chunk, start, chunk.length, this.backslashes);
        pending = i = chunk.length;
        break;
      }
      if (this.dropping) {
        pending = close + 1; // the cut wrote the closing quote
      } else {
        out.push(...this.held, chunk.subarray(start, close + 1));
        this.held = [];
        this.heldBytes = 0;
        pending = close + 1;
      }
      this.inString = false;
      i = close + 1;
    }
    if (pending < chunk.length) out.push(chunk.subarray(pending));
    return out;
  }

  /** The end of the body: a string still open (invalid JSON) is passed on as it is. */
  end(): Buffer[] {
    const out = this.held;
    this.held = [];
    this.heldBytes = 0;
    return out;
  }

  /** The first unescaped quote at or after `from`, or -1. */
  private closingQuote(chunk: Buffer, from: number): number {
    let q = chunk.indexOf(QUOTE, from);
    while (q >= 0) {
      if (trailingBackslashes(chunk, from, q, this.backslashes) % 2 === 0) return q;
      q = chunk.indexOf(QUOTE, q + 1);
    }
    return -1;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CLOSING_QUOTE = Buffer.from('"');

/** Backslashes ending chunk[from, to); `carry` is the run before `from` (counted when the run reaches it). */
function trailingBackslashes(chunk: Buffer, from: number, to: number, carry: number): number {
  let j = to - 1;
  while (j >= from && chunk[j] === BACKSLASH) j--;
  return to - 1 - j + (j < from ? carry : 0);
}

/**
 * The length of the longest prefix of a string's raw content (read from its start) that ends on
 * a whole character: not inside an escape (`\n`, `\uXXXX`) nor a UTF-8 sequence.
 */
export function wholeCharacters(content: Buffer): number {
  let safe = 0;
  let i = 0;
  while (i < content.length) {
    const b = content[i]!;
    if (b === BACKSLASH) i += content[i + 1] === 0x75 /* u */ ? 6 : 2;
    else if (b < 0x80) i += 1;
    else if (b >= 0xf0) i += 4;
    else if (b >= 0xe0) i += 3;
    else if (b >= 0xc0) i += 2;
    else i += 1; // a stray continuation byte: invalid UTF-8, let the parser judge it
    if (i <= content.length) safe = i;
  }
  return safe;
}

/** The body as a stream of clipped bytes, for fastify's preParsing hook (which reads `receivedEncodedLength` for its body limit and content-length check). */
export class LongStringClipStream extends Transform {
  receivedEncodedLength = 0;
  private readonly clipper: LongStringClipper;

  constructor(
    maxBytes: number,
    private readonly bodyLimit = Infinity,
  ) {
    super();
    this.clipper = new LongStringClipper(maxBytes);
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.receivedEncodedLength += bytes.length;
    if (this.receivedEncodedLength > this.bodyLimit) return done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    for (const b of this.clipper.push(bytes)) if (b.length) this.push(b);
    done();
  }

  override _flush(done: TransformCallback): void {
    for (const b of this.clipper.end()) if (b.length) this.push(b);
    done();
  }
}

/**
 * The raw length past which a JSON string is cut on routes whose schema caps every string
 * (TEXT_LIMITS, at most 2,000 characters): 16 KiB raw is at least 2,730 characters, still over
 * every cap, so the schema's answer does not change.
 */
export const MAX_JSON_STRING_BYTES = 16 * 1024;

/** The hook for those routes (`preParsing` in their options). */
export const clipLongStrings = (): preParsingAsyncHookHandler => clipLongJsonStrings(MAX_JSON_STRING_BYTES);

/**
 * A preParsing hook for JSON routes whose schema caps every string (TEXT_LIMITS, at most a few
 * thousand characters): strings over `maxBytes` raw bytes are cut as the body arrives. The body
 * limit is kept here too, since a body that is one long string yields no bytes for fastify to count.
 */
export function clipLongJsonStrings(maxBytes: number): preParsingAsyncHookHandler {
  return async (req, _reply, payload) => {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return payload;
    // A body no longer than the cut holds no string longer than it: most requests skip the stream.
    // One declared over the limit is refused by fastify unread.
    const limit = req.routeOptions.bodyLimit ?? Infinity;
    const length = Number(req.headers['content-length']);
    if (Number.isFinite(length) && (length <= maxBytes || length > limit)) return payload;
    const clip = new LongStringClipStream(maxBytes, limit);
    // Not pipeline(): that would destroy the request on a refused body, and the client would see
    // a reset connection instead of the 413 fastify sends.
    payload.on('error', (e) => clip.destroy(e));
    // Fastify listens for the stream's errors while it reads the body; once it has answered
    // (a refused body), a later one has no one to tell and must not crash the process.
    clip.on('error', () => undefined);
    return payload.pipe(clip);
  };
}
