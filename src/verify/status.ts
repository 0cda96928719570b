/**
 * The status a piece of a readiness document asserts — done, partial, not done, planned — from its
 * status marks (✅ ⚠️ ❌ ⏳, [x]) first, then from its words (English, German, Spanish, French,
 * Portuguese), and the plain text of a line once markup and marks are gone.
 */

export type Asserted = 'done' | 'partial' | 'not-done' | 'planned';

const DONE_ICON = /✅|✔️?|☑️?|🟢|💚|✓|\[x\]/i;
const PARTIAL_ICON = /⚠️?|🟡|🟠|🔄|⏳|🚧|◐|🔶|🔸|⏭️?/;
const NOT_ICON = /❌|✖️?|✗|🔴|⛔|🚫|❗|\[ \]/;
const PLANNED_ICON = /📋|🔜|🗓️?|📅/;
export const ANY_ICON = new RegExp(
  `${DONE_ICON.source}|${PARTIAL_ICON.source}|${NOT_ICON.source}|${PLANNED_ICON.source}`,
  'gi',
);

const NOT_WORDS =
  /(?<![\p{L}\p{N}_])(not (?:yet )?(?:done|configured|implemented|set ?up|performed|started|tested|ready|available|in place|enabled|present|defined|found|integrated|automated|documented)|missing|needs work|to ?do|absent|none|no|fehlt|fehlen|nicht (?:umgesetzt|vorhanden|konfiguriert|implementiert)|keine?|offen|falta|faltan|no (?:hay|implementado|configurado)|pendiente de implementar|sin|manquant(?:e|s|es)?|n['’]exist(?:e|ent) pas|does(?: not|n['’]t) exist|no existe|não existe|existiert nicht|non (?:fait|configuré|implémenté)|échoué|à faire|aucun|não (?:implementado|configurado)|ausente|aus[eê]ncia(?: (?:total )?de)?|ausencia de|absence(?: (?:of|de|d['’]))?|manque (?:de|d['’])|lack of)(?![\p{L}\p{N}_])/iu;
const PARTIAL_WORDS =
  /(?<![\p{L}\p{N}_])(partial(?:ly)?|in progress|wip|mostly|incomplete|limited|basic|teilweise|in arbeit|parcial(?:mente)?|en progreso|partiel(?:lement)?|en cours|em andamento)(?![\p{L}\p{N}_])/iu;
const PLANNED_WORDS =
  /(?<![\p{L}\p{N}_])(planned|pending|future|roadmap|next (?:phase|step)s?|optional|later|geplant|ausstehend|planificado|planeado|pendiente|prévu|en attente|planejado)(?![\p{L}\p{N}_])/iu;
const DONE_WORDS =
  /(?<![\p{L}\p{N}_])(complete(?:d)?|done|yes|implemented|operational|passing|configured|in place|enabled|fully functional|ready|pass(?:es|ed)?|exists?|set up|verified|active|erledigt|fertig|umgesetzt|vorhanden|aktiv|bestanden|konfiguriert|implementiert|hecho|completado|completo|implementado|configurado|activo|terminé|fait|implémenté|configuré|réussi|validé|opérationnel|en place|concluído|implementado|implementad[oa]s|configurad[oa]s|completad[oa]s|conclu[ií]d[oa]s|implementiert(?:e|en)?|implémenté(?:e|s|es))(?![\p{L}\p{N}_])/iu;

const CIRCLE = /🟢|🟡|🟠|🔴/u;

/** Words that say a thing is not there at all (not "incomplete", not "to improve"). */
const ABSENT =
  /(?<![\p{L}\p{N}_])(?:not (?:yet )?(?:implemented|configured|present|in place|available|set ?up|enabled|integrated)|missing|absent|aus[eê]ncia|absence|lack(?:s|ing)? of|fehlt|fehlen|nicht (?:implementiert|vorhanden|konfiguriert|umgesetzt)|n[aã]o (?:implementad[oa]|configurad[oa]|existe)|no (?:implementad[oa]|configurad[oa]|existe)|non (?:implémenté|configuré)e?|inexistente?|nenhuma?|ningun[oa]?|ningún|aucune?|keine?)(?![\p{L}\p{N}_])/iu;

/**
 * The status marks alone (a table cell, a heading): an author's verdict, read before words — but a
 * coloured circle also marks priority ("🟢 CI integration pending (backlog)"): where the words say
 * otherwise, the words win.
 */
export function iconStatus(text: string): Asserted | null {
  const mark = markStatus(text);
  if (mark && CIRCLE.test(text) && !/[✅✔☑❌✖✗⚠]/u.test(text)) {
    const words = wordStatus(text.replace(ANY_ICON, ' '));
    if (words && words !== mark) return words;
  }
  return mark;
}

function markStatus(text: string): Asserted | null {
  if (NOT_ICON.test(text)) return 'not-done';
  // "⚠️ Rate limiting: not implemented": a warning sign marks a problem, and the words say which —
  // an absence, when they name one and no degree.
  if (
    /⚠/u.test(text) &&
    !/[🟡🟠🔄🚧◐🔶🔸⏳]/u.test(text) &&
    ABSENT.test(text) &&
    !PARTIAL_WORDS.test(text) &&
    !PLANNED_WORDS.test(text)
  )
    return 'not-done';
  // ⏳ marks what is pending — not yet there — unless the words say the work is under way.
  if (PARTIAL_ICON.test(text))
    return /⏳/.test(text) && !/[⚠🟡🟠🔄🚧◐🔶🔸]/u.test(text) && !PARTIAL_WORDS.test(text) ? 'planned' : 'partial';
  // "## 📋 Endpoints implementados": a clipboard or a calendar is as often a picture; the words that
  // say the work is done win over it.
  if (PLANNED_ICON.test(text)) return wordStatus(text.replace(ANY_ICON, ' ')) === 'done' ? 'done' : 'planned';
  if (DONE_ICON.test(text)) return 'done';
  return null;
}

/** The status a piece of text asserts: marks first (the author's verdict), then words. */
export function statusOf(text: string): Asserted | null {
  return iconStatus(text) ?? wordStatus(text);
}

/**
 * Chinese and Japanese status words: written without spaces, so matched without word boundaries.
 * (Accented words above are bounded by letters, not by \b, which ends at "é".)
 */
const CJK_NOT = /未完成|未实现|未實現|未配置|未通过|未通過|缺失|缺少|不支持|失败|失敗|未対応|未実装/;
const CJK_PARTIAL = /部分|进行中|進行中|待完善|一部/;
const CJK_PLANNED = /计划|計劃|待办|待辦|待实现|规划|規劃|后续|後續|予定/;
const CJK_DONE = /已完成|完成|已实现|已實現|已配置|已通过|通过|通過|就绪|就緒|正常|完了|実装済|対応済/;

function wordStatus(text: string): Asserted | null {
  if (CJK_NOT.test(text)) return 'not-done';
  if (CJK_PARTIAL.test(text)) return 'partial';
  if (CJK_PLANNED.test(text)) return 'planned';
  if (CJK_DONE.test(text)) return 'done';
  if (NOT_WORDS.test(text)) return 'not-done';
  if (PARTIAL_WORDS.test(text)) return 'partial';
  if (PLANNED_WORDS.test(text)) return 'planned';
  if (DONE_WORDS.test(text)) return 'done';
  return null;
}

/** Status words at the end of a bullet or heading ("Docker – done", "CI: pending"). */
export const TRAILING_STATUS =
  /(?<![\s:–—-])[\s:–—-]+(complete|completed|done|partial|pending|missing|not done|in progress|erledigt|teilweise|fehlt|hecho|pendiente|fait|n['’]exist(?:e|ent) pas|does(?: not|n['’]t) exist(?: yet)?|no existe|não existe|existiert nicht)(?:\s*\))?\s*$/i;

/** Markdown emphasis, links, code ticks and status marks removed; whitespace folded. */
export function plain(text: string): string {
  return (
    text
      .replace(/：/g, ': ')
      .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1')
      .replace(/\*\*|`|~~/g, '')
      .replace(/(^|\s)\*+|(?<!\*)\*+(?=\s|$|[.,:;!?)])/g, '$1')
      // _emphasis_ around words, but not the underscores of snake_case or __init__.
      .replace(/(^|\s)_([^_\s][^_]*)_(?=\s|$|[.,:;!?)])/g, '$1$2')
      .replace(ANY_ICON, ' ')
      .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]|\uFE0F/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The part of a line that names what is claimed: before " - ", ": " notes or a trailing parenthesis. */
export function subjectOf(text: string): string {
  const p = plain(text);
  const cut = p.split(/\s[-–—]\s|:\s/)[0] ?? p;
  return cut.replace(/\([^()]*\)\s*$/, '').trim() || p;
}
