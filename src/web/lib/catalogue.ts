import chipsCsv from '../../../data/catalogue/chips.csv?raw';
import smeCsv from '../../../data/catalogue/sme.csv?raw';

/**
 * The bundled catalogues' product names, read at build time, for the item search on the Check
 * page. The server resolves the name (and says which names are closest when it does not know it).
 */
export interface CatalogueName {
  name: string;
  vendor: string;
  kind: 'ic' | 'sme';
  detail: string;
}

/** The first few columns of a catalogue row; quoted cells may hold commas. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function rows(csv: string): Record<string, string>[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim());
  const header = cells(lines.shift() ?? '');
  return lines.map((l) => {
    const c = cells(l);
    return Object.fromEntries(header.map((h, i) => [h, c[i] ?? '']));
  });
}

export const CATALOGUE: CatalogueName[] = [
  ...rows(chipsCsv).map((r) => ({ name: r.name ?? '', vendor: r.vendor ?? '', kind: 'ic' as const, detail: r.tpp ? `TPP ${r.tpp}` : 'chip' })),
  ...rows(smeCsv).map((r) => ({ name: r.name ?? '', vendor: r.vendor ?? '', kind: 'sme' as const, detail: (r.category ?? '').replace(/[._]/g, ' ') })),
].filter((e) => e.name);
