/**
 * A streaming RFC 4180 record scanner for order books, written so that no record can take the
 * rest of the book down with it. csv-parse with `max_record_size` and `skip_records_with_error`
 * lost its place after one oversized record and ended the book early, silently (issue 14); here
 * every record comes out with the line it starts on, and an oversized record is scanned to its
 * end without being kept in memory, then handed on as one bad record.
 *
 * Grammar: cells separated by commas, records by \n, \r\n or \r; a cell that starts with a
 * quote runs to the matching quote ("" is a quote inside it) and may hold newlines. As with
 * csv-parse's relax_quotes, a quote inside an unquoted cell is an ordinary character. Text after
 * a closing quote (`"ab"c`) makes that one record bad; scanning goes on at its end. Blank lines
 * are layout. A leading byte-order mark is dropped.
 *
 * What the grammar cannot isolate is a quote that never closes where it was meant to: then the
 * rest of the book is inside one cell, and which lines were rows is not knowable. That is a
 * CsvGrammarError naming the line, raised as soon as it is certain (the file ends inside the
 * quote, or the quoted record runs over several lines past the record limit).
 */

export interface CsvRecord {
  /** The line the record starts on (1 = the file's first line). */
  line: number;
  /** The line it ends on: more than `line` when a quoted cell holds newlines. */
  lastLine: number;
  /** The cells; for an oversized record, only those completed before the limit was passed. */
  cells: string[];
  /** Why the record cannot be read as it stands, when it cannot. */
  problem?: string;
}

export class CsvGrammarError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvGrammarError';
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote seen inside a quoted cell: a "" pair, or the cell's end. */
  QuoteInQuoted,
  /** After a closing quote with text behind it: the rest of the cell is kept as it stands. */
  AfterBadQuote,
}

function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

/** Scans CSV text chunk by chunk into records; `finish()` at the end of the input. */
export class CsvScanner {
  private state = State.FieldStart;
  private line = 1;
  private lastWasCR = false;
  private lastWasBreak = false;
  private started = false;
  // The record being read.
  private recordLine = 1;
  private recordChars = 0;
  private cells: string[] = [];
  private cell = '';
  private oversize = false;
  private problem: string | undefined;

  constructor(private readonly maxRecordChars: number) {}

  private resetRecord(): void {
    this.recordLine = this.line;
    this.recordChars = 0;
    this.cells = [];
    this.cell = '';
    this.oversize = false;
    this.problem = undefined;
    this.state = State.FieldStart;
  }

  private endCell(): void {
    if (!this.oversize) this.cells.push(this.cell);
    this.cell = '';
  }

  /** Ends the record (at a line break or the end of the input); a blank line makes none. */
  private endRecord(out: CsvRecord[], lastLine: number): void {
    if (this.recordChars > 0) {
      this.endCell();
      const rec: CsvRecord = { line: this.recordLine, lastLine, cells: this.cells };
      if (this.oversize) {
        rec.problem = `the record is ${thousands(this.recordChars)} characters long, over the limit of ${thousands(this.maxRecordChars)}: a cell this long is not an order line`;
      } else if (this.problem) rec.problem = this.problem;
      out.push(rec);
    }
  }

  private overLimit(): void {
    this.oversize = true;
    this.cell = '';
    if (this.state === State.Quoted && this.line > this.recordLine) {
      throw new CsvGrammarError(
        this.recordLine,
        `line ${this.recordLine}: a quoted cell opened in this record runs over ${thousands(this.line - this.recordLine + 1)} lines past the record limit of ${thousands(this.maxRecordChars)} characters; a closing quote is probably missing, so the rows after it cannot be told apart`,
      );
    }
  }

  /** Feeds one chunk of text; returns the records it completed. */
  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    let segStart = i;
    const keep = (end: number) => {
      if (!this.oversize && end > segStart) this.cell += text.slice(segStart, end);
    };
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const lineBreak = c === LF || c === CR;
      const afterCR = this.lastWasCR;
      this.lastWasCR = c === CR;
      this.lastWasBreak = lineBreak;
      // Every \r is a line break, and so is every \n but the one of a \r\n.
      if (lineBreak && !(c === LF && afterCR)) this.line++;
      const state = this.state;
      if (state === State.Quoted) {
        if (c === QUOTE) {
          keep(i);
          segStart = i + 1;
          this.state = State.QuoteInQuoted;
        } else if (lineBreak && this.oversize) this.overLimit();
      } else if (state === State.QuoteInQuoted && c === QUOTE) {
        // "" inside a quoted cell: the second quote is content.
        segStart = i;
        this.state = State.Quoted;
      } else if (c === COMMA) {
        keep(i);
        this.endCell();
        segStart = i + 1;
        this.state = State.FieldStart;
      } else if (lineBreak) {
        keep(i);
        // A blank line, or the \n of a \r\n that ended a record, makes no record (endRecord skips it).
        this.endRecord(out, this.line - 1);
        this.resetRecord();
        segStart = i + 1;
        continue;
      } else if (state === State.QuoteInQuoted) {
        this.problem ??= `cell ${this.cells.length + 1} has text after its closing quote; quote the whole cell and double any quote inside it`;
        segStart = i;
        this.state = State.AfterBadQuote;
      } else if (state === State.FieldStart) {
        if (c === QUOTE) segStart = i + 1;
        this.state = c === QUOTE ? State.Quoted : State.Unquoted;
      }
      this.recordChars++;
      if (this.recordChars > this.maxRecordChars && !this.oversize) this.overLimit();
    }
    keep(text.length);
    return out;
  }

  /** Ends the input: the last record, or a CsvGrammarError when the file ends inside a quote. */
  finish(): CsvRecord[] {
    const lastLine = this.lastWasBreak ? this.line - 1 : this.line;
    if (this.state === State.Quoted) {
      throw new CsvGrammarError(
        this.recordLine,
        `line ${this.recordLine}: a quoted cell opened in this record is never closed (the file ends inside it, at line ${thousands(lastLine)}); add the closing quote`,
      );
    }
    const out: CsvRecord[] = [];
    this.endRecord(out, lastLine);
    this.resetRecord();
    return out;
  }
}

/** Records of a CSV text stream, each with its line, one at a time. */
export async function* csvRecords(input: AsyncIterable<string | Buffer>, maxRecordChars: number): AsyncGenerator<CsvRecord> {
  const scanner = new CsvScanner(maxRecordChars);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield* scanner.push(text);
  }
  yield* scanner.push(decoder.decode());
  yield* scanner.finish();
}
