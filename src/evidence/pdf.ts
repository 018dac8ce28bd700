import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { codeLabel, missingLabel, summarise, type Determination } from '../domain/index.js';

/**
 * Evidence for an auditor's file (issue 15, Deliver 6): one determination as a PDF with its
 * answer, the deciding rules, every finding with citation and reasons, the screening hits, the
 * list versions and the rule-set hash it was made with, and who reviewed it and why.
 * Chinese names are set in the shipped Noto Sans SC (simplified-Chinese subset).
 */
export interface EvidenceReview {
  reviewer: string;
  decision: string;
  reason: string;
  at?: string | undefined;
}

export interface EvidenceInput {
  determination: Determination;
  itemNames?: string[] | undefined;
  partyNames?: string[] | undefined;
  reviews?: EvidenceReview[] | undefined;
  /** When and by what it was produced (the caller reads the clock). */
  producedAt: string;
  auditSeq?: number | undefined;
}

const require = createRequire(import.meta.url);

function fontBytes(): Uint8Array {
  return readFileSync(require.resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff'));
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

class Writer {
  private page: PDFPage;
  private y: number;
  constructor(private readonly doc: PDFDocument, private readonly font: PDFFont) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** Words the font cannot draw (outside the shipped subset) become "?" rather than failing the export. */
  private drawable(text: string): string {
    return [...text].map((ch) => (ch === '\n' || this.font.getCharacterSet().includes(ch.codePointAt(0)!) ? ch : '?')).join('');
  }

  private wrap(text: string, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const para of this.drawable(text).split('\n')) {
      let line = '';
      // Chinese has no spaces: break between any two characters when a word is too wide.
      for (const word of para.split(/(?<=\s)|(?=[\u4e00-\u9fff])/)) {
        const next = line + word;
        if (this.font.widthOfTextAtSize(next, size) <= width || !line) line = next;
        else {
          lines.push(line.trimEnd());
          line = word.trimStart();
        }
      }
      lines.push(line);
    }
    return lines;
  }

  text(text: string, o: { size?: number; indent?: number; grey?: boolean; gap?: number } = {}): void {
    const size = o.size ?? 10;
    const indent = o.indent ?? 0;
    for (const line of this.wrap(text, size, A4[0] - 2 * MARGIN - indent)) {
      if (this.y < MARGIN + size) {
        this.page = this.doc.addPage(A4);
        this.y = A4[1] - MARGIN;
      }
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font: this.font, color: o.grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0) });
      this.y -= size * 1.35;
    }
    this.y -= o.gap ?? 2;
  }

  heading(text: string): void {
    this.y -= 6;
    this.text(text, { size: 13, gap: 4 });
  }
}

export async function determinationEvidencePdf(e: EvidenceInput): Promise<Uint8Array> {
  const d = e.determination;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes(), { subset: true });
  doc.setTitle(`Redline determination ${d.id ?? ''}`.trim());
  doc.setSubject(`Export-control determination as of ${d.asOf}; rule set ${d.ruleset.version} ${d.ruleset.hash}`);
  doc.setProducer('Redline');
  // The same facts as searchable metadata: an auditor's tools (and the tests) read them without OCR.
  doc.setKeywords([`ruleset:${d.ruleset.version}`, `ruleset-hash:${d.ruleset.hash}`, ...Object.entries(d.lists).map(([l, date]) => `list:${l}@${date}`)]);
  doc.setCreationDate(new Date(e.producedAt));
  const w = new Writer(doc, font);
  const s = summarise(d);

  w.text('Redline — export-control determination (evidence)', { size: 16, gap: 6 });
  w.text(`Outcome: ${d.outcome.replace(/_/g, ' ').toUpperCase()}`, { size: 13 });
  w.text(`As of ${d.asOf}${d.id ? ` · order / record ${d.id}` : ''}${e.auditSeq !== undefined ? ` · audit record ${e.auditSeq}` : ''} · produced ${e.producedAt}`, { grey: true });
  w.heading('Deciding rules');
  if (!s.deciding.length) w.text('None: no measure requires a licence or review.');
  for (const r of s.deciding) w.text(`• ${r.jurisdiction}: ${r.title} — ${r.citation}`, { indent: 8 });
  w.heading('What to do next');
  for (const n of s.nextSteps) w.text(`→ ${n}`, { indent: 8 });

  w.heading('Items');
  for (const c of d.classifications) w.text(`Item ${c.item + 1} ${e.itemNames?.[c.item] ?? ''} · ${c.jurisdiction} ${codeLabel(c.code)} — ${c.because}`, { indent: 8 });
  if (e.partyNames?.length) {
    w.heading('Parties');
    e.partyNames.forEach((n, i) => w.text(`Party ${i + 1}: ${n}`, { indent: 8 }));
  }
  for (const j of d.jurisdictions) {
    w.heading(`${j.jurisdiction}: ${j.outcome.replace(/_/g, ' ')}${j.reviewPolicy ? ` (licence review policy: ${j.reviewPolicy.replace(/_/g, ' ')})` : ''}`);
    if (!j.findings.length) w.text('No measure applies.', { indent: 8 });
    for (const f of j.findings) {
      w.text(`${f.title ?? f.summary} — ${f.citation}`, { indent: 8 });
      for (const b of f.because) w.text(`– ${b}`, { indent: 20, grey: true });
      w.text(`rule ${f.measure}`, { indent: 20, size: 8, grey: true });
    }
  }
  const hits = d.screening.filter((x) => x.hits.length);
  if (hits.length) {
    w.heading('Screening hits');
    for (const x of hits) for (const h of x.hits) w.text(`Party ${x.party + 1} “${x.query}” ~ “${h.name}” on ${h.listTitle ?? d.listTitles?.[h.list] ?? h.list} (score ${h.score.toFixed(2)})${h.citation ? ` — ${h.citation}` : ''}`, { indent: 8 });
  }
  if (d.missing.length) {
    w.heading('Missing facts');
    for (const m of d.missing) w.text(`• ${missingLabel(m, d.listTitles)}`, { indent: 8 });
  }
  w.heading('Reviewer and reason');
  if (!e.reviews?.length) w.text('No review recorded for this determination.', { indent: 8 });
  for (const r of e.reviews ?? []) w.text(`${r.decision} by ${r.reviewer}${r.at ? ` on ${r.at}` : ''}: ${r.reason}`, { indent: 8 });
  w.heading('Rule set and list versions');
  w.text(`Rule set ${d.ruleset.version}`, { indent: 8 });
  w.text(`Rule-set hash ${d.ruleset.hash}`, { indent: 8 });
  for (const [list, date] of Object.entries(d.lists)) w.text(`${d.listTitles?.[list] ?? list} (${list}): source ${date}`, { indent: 8 });
  return doc.save();
}
