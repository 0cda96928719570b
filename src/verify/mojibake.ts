/**
 * Repairing mojibake: UTF-8 text that was once decoded through a single-byte code page and saved
 * again ("‚úÖ" and "âœ…" for "✅", "ÔÇö" for "—"). Repair works span by span, not per line: each run
 * of characters that a code page could have produced is mapped back to bytes and decoded as UTF-8
 * where that decoding is valid, so correct text beside it ("café", "naïve", real emoji) is never
 * touched. A character may come from any of the pages (a lead byte read as CP437 beside
 * continuation bytes read as Windows-1252), and two kinds of lost bytes are recovered: the lead
 * byte of a four-byte emoji (Mac Roman's 0xF0 is the Apple logo, which editors drop) and a byte
 * Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), when what comes back is a status
 * mark or punctuation such documents use.
 */

export type CodePage = 'mac-roman' | 'windows-1252' | 'latin-1' | 'cp437' | 'cp850';

/** Bytes 0x80–0xFF of each page; NUL where the page leaves a byte undefined. */
const TABLES: Record<CodePage, string> = {
  'mac-roman':
    'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ',
  'windows-1252':
    '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ',
  // Latin-1 is Windows-1252 but for 0x80–0x9F, which it decodes as C1 control characters.
  'latin-1': Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)).join(''),
  cp437:
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  cp850:
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0',
};
const PAGES = Object.keys(TABLES) as CodePage[];

interface Candidate {
  page: CodePage;
  byte: number;
}

/** For each character a page can produce from a byte ≥ 0x80: the (page, byte) pairs that produce it. */
const CANDIDATES: Map<string, Candidate[]> = (() => {
  const m = new Map<string, Candidate[]>();
  for (const page of PAGES) {
    [...TABLES[page]].forEach((ch, i) => {
      if (ch === '\0') return;
      const list = m.get(ch) ?? [];
      list.push({ page, byte: 0x80 + i });
      m.set(ch, list);
    });
  }
  return m;
})();

/** Windows-1252's undefined bytes: often dropped on the way, taking part of a character with them. */
const LOST_CP1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/** Marks and punctuation readiness documents use most, preferred when a lost byte is guessed. */
const COMMON = new Set([
  0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x2192, 0x2705, 0x274c, 0x26a0, 0x2713, 0x2714,
  0x2716, 0x2717, 0x27a1, 0x2b50, 0x23f3, 0x2b1c, 0xfe0f,
]);

/** How likely a guessed character is (lower is better); undefined when it is not worth guessing. */
function guessRank(cp: number): number | undefined {
  if (COMMON.has(cp) || (cp >= 0x1f300 && cp <= 0x1faff)) return 0;
  if (
    (cp >= 0x2010 && cp <= 0x2027) || // dashes, quotes, bullet, ellipsis
    (cp >= 0x2190 && cp <= 0x21ff) || // arrows
    (cp >= 0x23e9 && cp <= 0x23fa) || // ⏩ … ⏺
    (cp >= 0x25a0 && cp <= 0x27bf) || // shapes, ⚠ ✔ ➡
    (cp >= 0x2b00 && cp <= 0x2bff)
  )
    return 1;
  return undefined;
}

export interface Repaired {
  text: string;
  repaired: boolean;
  /** The page most repaired spans came through. */
  encoding?: CodePage;
  /** Lines changed. */
  lines: number;
}

interface RunResult {
  text: string;
  decoded: number;
  guessed: number;
  pages: Map<CodePage, number>;
}

const isCont = (b: number) => b >= 0x80 && b <= 0xbf;
const seqLength = (b: number) =>
  b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;

/** The code point of a complete UTF-8 sequence, or undefined when it is not valid UTF-8. */
function codePoint(bytes: number[]): number | undefined {
  const [b0, b1] = bytes as [number, number];
  const n = seqLength(b0);
  if (n !== bytes.length || !bytes.slice(1).every(isCont)) return undefined;
  if (b0 === 0xe0 && b1 < 0xa0) return undefined; // overlong
  if (b0 === 0xed && b1 > 0x9f) return undefined; // surrogates
  if (b0 === 0xf0 && b1 < 0x90) return undefined; // overlong
  if (b0 === 0xf4 && b1 > 0x8f) return undefined; // beyond U+10FFFF
  let cp = b0 & (n === 2 ? 0x1f : n === 3 ? 0x0f : 0x07);
  for (const b of bytes.slice(1)) cp = (cp << 6) | (b & 0x3f);
  return cp;
}

/** Pages that agree on most bytes: a sequence read through one family is more likely than a mix. */
const FAMILY: Record<CodePage, string> = {
  'mac-roman': 'mac',
  'windows-1252': 'latin',
  'latin-1': 'latin',
  cp437: 'dos',
  cp850: 'dos',
};

const SPACE_AS_NBSP: Candidate = { page: 'windows-1252', byte: 0xa0 };

/** A decoded character worth keeping: not a control, combining mark, surrogate or private-use character. */
function acceptable(cp: number): boolean {
  return (
    cp >= 0xa0 &&
    !(cp >= 0x300 && cp <= 0x36f) &&
    !(cp >= 0xd800 && cp <= 0xf8ff) &&
    !(cp >= 0xfdd0 && cp <= 0xfdef) &&
    (cp & 0xfffe) !== 0xfffe
  );
}

/** The candidates of one character of a run (a space has none: it is only ever a guessed 0xA0). */
function candidatesOf(ch: string, order: CodePage[]): Candidate[] {
  if (ch === ' ') return [];
  const list = CANDIDATES.get(ch) ?? [];
  return [...list].sort((a, b) => order.indexOf(a.page) - order.indexOf(b.page));
}

/** Decode one run of candidate characters, span by span; characters that decode to nothing stay. */
function decodeRun(chars: string[], order: CodePage[], guess: boolean): RunResult {
  const cands = chars.map((c) => candidatesOf(c, order));
  const res: RunResult = { text: '', decoded: 0, guessed: 0, pages: new Map() };
  const count = (used: Candidate[]) => {
    for (const c of used) res.pages.set(c.page, (res.pages.get(c.page) ?? 0) + 1);
  };
  // A sequence's continuation bytes are read through the lead byte's page where they can be.
  const contAt = (i: number, page?: CodePage) => {
    if (chars[i] === ' ') return undefined;
    const list = cands[i]?.filter((c) => isCont(c.byte)) ?? [];
    return list.find((c) => c.page === page) ?? list.find((c) => FAMILY[c.page] === FAMILY[page!]) ?? list[0];
  };
  let i = 0;
  while (i < chars.length) {
    const hit = sequenceAt(i) ?? (guess ? guessAt(i) : undefined);
    if (hit) {
      res.text += String.fromCodePoint(hit.cp);
      count(hit.used);
      if (hit.guessed) res.guessed++;
      else res.decoded++;
      i += hit.width;
    } else {
      res.text += chars[i];
      i++;
    }
  }
  return res;

  function sequenceAt(i: number): { cp: number; used: Candidate[]; width: number; guessed?: boolean } | undefined {
    let mixed: { cp: number; used: Candidate[]; width: number } | undefined;
    for (const lead of cands[i]!) {
      const n = seqLength(lead.byte);
      if (n === 0 || chars[i] === ' ') continue;
      const used = [lead];
      for (let k = 1; k < n; k++) {
        const c = contAt(i + k, lead.page);
        if (!c) break;
        used.push(c);
      }
      if (used.length !== n) continue;
      const cp = codePoint(used.map((c) => c.byte));
      if (cp === undefined || !acceptable(cp)) continue;
      if (used.every((c) => FAMILY[c.page] === FAMILY[lead.page])) return { cp, used, width: n };
      mixed ??= { cp, used, width: n };
    }
    return mixed;
  }

  function guessAt(i: number): { cp: number; used: Candidate[]; width: number; guessed: true } | undefined {
    if (chars[i] === ' ') return undefined;
    let best: { cp: number; used: Candidate[]; width: number; guessed: true; rank: number } | undefined;
    const consider = (bytes: number[], used: Candidate[], width: number) => {
      const cp = codePoint(bytes);
      const rank = cp === undefined ? undefined : guessRank(cp);
      if (cp !== undefined && rank !== undefined && (!best || rank < best.rank))
        best = { cp, used, width, guessed: true, rank };
    };
    // A four-byte emoji whose lead byte was lost: three continuation characters.
    const run: Candidate[] = [];
    for (let k = 0; k < 3; k++) {
      const c = contAt(i + k, run[0]?.page);
      if (!c) break;
      run.push(c);
    }
    if (run.length === 3) consider([0xf0, ...run.map((c) => c.byte)], run, 3);
    // A lead character followed by one continuation too few: a Windows-1252 undefined byte was lost.
    for (const lead of cands[i]!) {
      const n = seqLength(lead.byte);
      if (n < 3) continue;
      // A space that stood for a no-break space (0xA0) is a guess too, weighed like a lost byte.
      const full: Candidate[] = [];
      for (let k = 1; k < n; k++) {
        const c = chars[i + k] === ' ' ? SPACE_AS_NBSP : contAt(i + k, lead.page);
        if (!c) break;
        full.push(c);
      }
      if (full.length === n - 1 && full.some((c) => c === SPACE_AS_NBSP))
        consider([lead.byte, ...full.map((c) => c.byte)], [lead, ...full], n);
      const tail: Candidate[] = [];
      for (let k = 1; k < n - 1; k++) {
        const c = contAt(i + k, lead.page);
        if (!c) break;
        tail.push(c);
      }
      if (tail.length !== n - 2) continue;
      for (let at = tail.length; at >= 0; at--) {
        for (const lost of LOST_CP1252) {
          const bytes = [lead.byte, ...tail.map((c) => c.byte)];
          bytes.splice(1 + at, 0, lost);
          consider(bytes, [lead, ...tail], n - 1);
        }
      }
    }
    if (!best) return undefined;
    const { rank: _rank, ...hit } = best;
    return hit;
  }
}

/** Runs of characters a code page could have produced (a lone space may sit inside: a lost 0xA0). */
function* runsOf(line: string): Generator<{ start: number; end: number }> {
  const chars = [...line];
  let offset = 0;
  let start = -1;
  let startOffset = 0;
  for (let i = 0; i <= chars.length; i++) {
    const ch = chars[i];
    const inRun =
      ch !== undefined &&
      (CANDIDATES.has(ch) || (ch === ' ' && start >= 0 && chars[i + 1] !== undefined && CANDIDATES.has(chars[i + 1]!)));
    if (inRun && start < 0) {
      start = i;
      startOffset = offset;
    } else if (!inRun && start >= 0) {
      yield { start: startOffset, end: offset };
      start = -1;
    }
    offset += ch?.length ?? 0;
  }
}

function repairLine(line: string, order: CodePage[], guess: boolean, tally: Map<CodePage, number>) {
  let out = '';
  let last = 0;
  let decoded = 0;
  let guessed = 0;
  for (const { start, end } of runsOf(line)) {
    const span = line.slice(start, end);
    const r = decodeRun([...span], order, guess);
    if (r.decoded + r.guessed === 0) continue;
    out += line.slice(last, start) + r.text;
    last = end;
    decoded += r.decoded;
    guessed += r.guessed;
    for (const [p, n] of r.pages) tally.set(p, (tally.get(p) ?? 0) + n);
  }
  return { text: last === 0 ? line : out + line.slice(last), decoded, guessed };
}

const NON_ASCII = /[^\x00-\x7f]/;

export function repairMojibake(text: string): Repaired {
  if (!NON_ASCII.test(text)) return { text, repaired: false, lines: 0 };
  const lines = text.split('\n');
  // First pass: which page does this document's mojibake come through (sequences decoded whole)?
  const first = new Map<CodePage, number>();
  let sure = 0;
  for (const line of lines) if (NON_ASCII.test(line)) sure += repairLine(line, PAGES, false, first).decoded;
  const order = [...PAGES].sort((a, b) => (first.get(b) ?? 0) - (first.get(a) ?? 0));
  // Second pass, in that order, guessing lost bytes only in a document that shows mojibake.
  const tally = new Map<CodePage, number>();
  let guessed = 0;
  let changed = 0;
  const out = lines.map((line) => {
    if (!NON_ASCII.test(line)) return line;
    const r = repairLine(line, order, true, tally);
    guessed += r.guessed;
    if (r.text !== line) changed++;
    return r.text;
  });
  if (sure === 0 && guessed < 2) return { text, repaired: false, lines: 0 };
  if (changed === 0) return { text, repaired: false, lines: 0 };
  const encoding = [...tally.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? order[0]!;
  return { text: out.join('\n'), repaired: true, encoding, lines: changed };
}
