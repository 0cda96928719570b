/**
 * Repairing mojibake: UTF-8 text that was once decoded as Mac Roman or Windows-1252 and saved
 * again ("‚úÖ" and "âœ…" for "✅"). Each line is mapped back to the bytes it came from and
 * decoded as UTF-8; a line is replaced only when that decoding is valid and removes the telltale
 * sequences, so correct text is never touched.
 */

// Mac Roman, bytes 0x80–0xFF.
const MAC_ROMAN =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü' +
  '†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
  '¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ' +
  '‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

// Windows-1252, bytes 0x80–0x9F (the five undefined bytes map to their C1 code points); 0xA0–0xFF are Latin-1.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009Džź'.replace('ź', 'Ÿ');

function reverse(table: string): Map<string, number> {
  const m = new Map<string, number>();
  [...table].forEach((ch, i) => m.set(ch, 0x80 + i));
  return m;
}

const ENCODINGS: { name: 'mac-roman' | 'windows-1252'; map: Map<string, number> }[] = [
  { name: 'mac-roman', map: reverse(MAC_ROMAN) },
  {
    name: 'windows-1252',
    map: (() => {
      const m = reverse(CP1252_HIGH);
      for (let b = 0xa0; b <= 0xff; b++) m.set(String.fromCharCode(b), b);
      return m;
    })(),
  },
];

/** Sequences that almost only occur in mojibake of UTF-8 (emoji, dashes, quotes, accents). */
const TELLTALE = /‚úÖ|‚ùå|‚ö†|‚Ä[îìôúù¶¢]|√[©®†°º∂]|üî|üü|üé|üìä|üöÄ|âœ|â€|Ã[©¨¤¶¼]|ðŸ|âš|âŒ/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function repairLine(line: string, map: Map<string, number>): string | undefined {
  const bytes: number[] = [];
  for (const ch of line) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const b = map.get(ch);
      if (b === undefined) return undefined;
      bytes.push(b);
    }
  }
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

export interface Repaired {
  text: string;
  repaired: boolean;
  encoding?: 'mac-roman' | 'windows-1252';
  lines: number;
}

export function repairMojibake(text: string): Repaired {
  if (!TELLTALE.test(text)) return { text, repaired: false, lines: 0 };
  // Pick the encoding that repairs the most lines, then apply it line by line.
  let best: Repaired = { text, repaired: false, lines: 0 };
  for (const { name, map } of ENCODINGS) {
    let fixed = 0;
    const out = text.split('\n').map((line) => {
      if (!TELLTALE.test(line) && !/[\u0080-\uffff]/.test(line)) return line;
      const r = repairLine(line, map);
      if (r !== undefined && r !== line) {
        fixed++;
        return r;
      }
      return line;
    });
    if (fixed > best.lines) best = { text: out.join('\n'), repaired: true, encoding: name, lines: fixed };
  }
  return best;
}
