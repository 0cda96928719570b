/**
 * Headings of documentation read for operational meaning (runbooks, rollback): the words of the
 * heading as prose, and the text under it.
 */

/**
 * The heading without code identifiers: a dotted or underscored name (`email.template.rollback.module.diff`,
 * `rollback_window`) names a setting or a template of the product, not a procedure; section
 * numbers (`3.3`) go with them.
 */
export function headingProse(heading: string): string {
  return heading.replace(/[^\s`]*[._][^\s`]*[\w)][^\s`]*/g, ' ').replace(/`[^`]*`/g, ' ');
}

/** The text under a heading, its subsections included: up to the next heading of its level or above, or 80 lines. */
export function sectionBody(text: string, line: number): string {
  const lines = text.split(/\r?\n/);
  // Markdown `#` and AsciiDoc `=` headings.
  const level = (/^(#{1,6}|={1,6})\s/.exec(lines[line - 1] ?? '')?.[1] ?? '#').length;
  const out: string[] = [];
  for (let i = line; i < lines.length && out.length < 80; i++) {
    const h = /^(#{1,6}|={1,6})\s/.exec(lines[i]!);
    if (h && h[1]!.length <= level) break;
    out.push(lines[i]!);
  }
  return out.join('\n');
}

/**
 * What rolling back a deployment is about: a deployed version, image, chart or schema, the
 * servers it runs on. A product feature called "rollback" (a config centre's release rollback
 * e-mail) speaks of none of them.
 */
export const DEPLOY_CONTEXT =
  /\b(?:deploy(?:ment|ments|ed|s|ing)?|previous (?:version|release|image|build|tag)|images?|helm|kubectl|docker|containers?|binar(?:y|ies)|upgrade|downgrade|migrations?|production|servers?|instances?|pods?|cluster|hosts?|artifacts?|artefacts?)\b/i;

/** Documents about operating or deploying the system: their rollback headings need no further context. */
export const OPS_DOC =
  /(?:^|\/)[^/]*(?:runbook|operat|\bops\b|deploy|releas|rollback|upgrad|incident|sre\b|on-?call)[^/]*$|(?:^|\/)(?:runbooks?|ops|operations|deploy\w*|sre)\//i;

/**
 * A heading about a message or an artefact of the product that happens to carry the word (a
 * "Sample Rollback Email", a rollback notification template, the Rollback button): not a procedure.
 */
export const PRODUCT_ARTEFACT =
  /\b(?:e-?mails?|templates?|samples?|notifications?|buttons?|messages?|screenshots?|icons?)\b/i;

/**
 * A document whose title names a credential rotation ("SAML SP Key Rotation Runbook", "Rotating
 * the TLS certificate"): its Rollback section undoes the rotation, not a release.
 */
const CREDENTIAL_ROTATION =
  /\b(?:keys?|secrets?|certificates?|certs?|passwords?|credentials?|tokens?)\b.*\b(?:rotat\w*|renew\w*)|\b(?:rotat\w*|renew\w*)\b.*\b(?:keys?|secrets?|certificates?|certs?|passwords?|credentials?|tokens?)\b/i;

/** The document's title: its first Markdown or AsciiDoc heading. */
export function docTitle(text: string): string | undefined {
  return /^(?:#|=)[ \t]+(.+)$/m.exec(text)?.[1];
}

/** Whether the document is about rotating a credential (its title says so). */
export function aboutCredentialRotation(text: string): boolean {
  const title = docTitle(text);
  // A title, not a page: its two `.*` runs stay linear only on a bounded line.
  return title !== undefined && CREDENTIAL_ROTATION.test(title.slice(0, 300));
}
