import { defineRule, type Evidence, type FileView, type Match } from '../../src/types.js';
import { CTRL_METRICS_AUTH, ctrlRuntime, metricsOnly } from './_lib/ctrl-metrics-auth.js';
import { codeOrDeps } from './_lib/code-or-deps.js';
import { jvmSecurityName } from './_lib/jvm-security-name.js';
import { EX_DENY, elixirRoleDenies } from './_lib/elixir-role-deny.js';
import { type Definition, definedName, findUse, routeAnnotation } from '../../src/facts/references.js';
import { fromMatch, isCommentLine, isProductionPath } from '../../src/facts/paths.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { providesAuthorization, workflowPlatforms } from '../../src/facts/workflow-platforms.js';

const ROLE_CALL = String.raw`\b(?:has(?:Any)?Role|has(?:Any)?Permission|requireRole|requirePermission|checkPermission|hasScope|requireScope)\s*\(`;
/** Home-grown checks: a list of required rights or roles compared with the user's. */
/** A request refused as forbidden (403), per framework. */
const DENY = String.raw`raise\s+(?:PermissionDenied|Http403|Forbidden)\b|HttpResponseForbidden\s*\(|\babort\(\s*403|http\.StatusForbidden|\.status\(\s*403\s*\)|\bstatus(?:_code)?\s*[=:]\s*403\b|\bForbidden(?:Exception|Error)\s*\(|\bhead\s+:forbidden|\bstatus:\s*:forbidden|\bForbid\(\s*\)|Status403Forbidden|HttpStatus\.FORBIDDEN|HTTP_403_FORBIDDEN|HTTPStatus\.FORBIDDEN\b|\bStatus::Forbidden\b|\bJSONForbidden\s*\(|\bHTMLForbidden\s*\(|\bForbidden\s*\(\s*w\b|throw\s+new\s+\w*Forbidden\w*\(|\bforbidden!|\bAccessDenied(?:Exception|Error)?\s*\(|\breturn\s+[\w.]*Forbidden\w*\b`;
/**
 * `if`/`unless`, and what may follow it before the name it tests: not another `if` (the text after
 * each of many `if` on a line was tried up to every later one; that later `if` reaches the same
 * name on the same line).
 */
const IF = String.raw`\b(?:if|unless)\b`;
const NOT_IF = String.raw`(?:(?!${IF})[^\n])`;
/**
 * A condition on a role, permission, scope or membership whose branch refuses the request with a
 * 403: `if not rw: raise PermissionDenied`, `unless membership.admin? head :forbidden`,
 * `if !user.CanEdit { http.Error(w, …, http.StatusForbidden) }`. A missing user (`if (!token)`)
 * is authentication, not this. The name is a word with one of the parts in it, looked for once
 * from the start of the word (`\w*X\w*` tried every X of a long word with a scan to its end).
 */
const ROLE_DENY = String.raw`${IF}${NOT_IF}{0,80}?\b(?:(?=\w*?(?:[Rr]ole|[Aa]dmin|[Oo]wner|[Pp]ermi|[Ss]cope|[Aa]llowed|[Aa]uthori[sz]ed|[Mm]ember|[Gg]rant|[Pp]rivilege|[Ss]taff|[Ss]uperuser))\w+\??|rw|is_rw|[Cc]an[A-Z_]\w*\??|can\?)(?:\b|(?<=\?))[^\n]{0,80}(?:\n[^\n]{0,120}?)?(?:${DENY})`;
/**
 * A membership check: the workspace, tenant or organisation a request names compared with the
 * caller's (`if (workspaceId !== workspace.id)`, `if ws.ID != member.WorkspaceID`). Credited where a
 * request hook or middleware in the same file refuses it with a 403 within a few lines.
 */
const TENANT_CMP = String.raw`\bif[ \t]*(?:\([ \t]*)?!?\b(?:\w+\.){0,3}(?=\w*?(?:[Ww]orkspace|[Tt]enant|[Oo]rgani[sz]ation|[Oo]rg|[Tt]eam))\w+(?:\.\w+)*[ \t]*!==?[ \t]*[\w.]+`;
/** The comparison is of ids (`workspaceId !== workspace.id`), not of an object with nothing. */
const TENANT_IDS = /(?:Id|ID|_id|\.id)\b[ \t]*!==?|!==?[ \t]*[\w.]*(?:Id|ID|_id|\.id)\b/;
/** A request hook or middleware: Fastify `addHook("preHandler"|"onRequest"|…)`, Express `(req, res, next)`, Flask `before_request`, Rails `before_action`, Go `next http.Handler`. */
const REQUEST_HOOK =
  /\baddHook\(\s*["'](?:onRequest|preParsing|preValidation|preHandler)["']|\(\s*req\w*(?::[ \t]*[\w.<>]+)?,[ \t]*res\w*(?::[ \t]*[\w.<>]+)?,[ \t]*next\b|\bbefore_(?:request|action)\b|\bnext\s+http\.Handler\b/;
/**
 * A condition whose only role-like word is an allow-list (`Allowed…`) and that names no caller (user,
 * role, group, principal, claims, session, token, scope, permission): a list of permitted input values
 * (`!slices.Contains(cfg.AllowedProcessingOptions, opt.Name)`) refused with 403 is input validation,
 * not a check of who is asking (blind round 24, imgproxy processing_options.go:133).
 */
function inputAllowList(snippet: string): boolean {
  const words = snippet.match(ROLE_WORDS) ?? [];
  if (words.length === 0 || !words.every((w) => /[Aa]llowed/.test(w) && !ROLE_PART.test(w.replace(/[Aa]llowed/g, ''))))
    return false;
  return !CALLER.test(snippet);
}
const ROLE_PART =
  /[Rr]ole|[Aa]dmin|[Oo]wner|[Pp]ermi|[Ss]cope|[Aa]uthori[sz]ed|[Mm]ember|[Gg]rant|[Pp]rivilege|[Ss]taff|[Ss]uperuser|[Gg]roup|[Uu]ser/;
const ROLE_WORDS =
  /\b\w*?(?:[Rr]ole|[Aa]dmin|[Oo]wner|[Pp]ermi|[Ss]cope|[Aa]llowed|[Aa]uthori[sz]ed|[Mm]ember|[Gg]rant|[Pp]rivilege|[Ss]taff|[Ss]uperuser)\w*/g;
/** Who is asking: the words that tie a condition to the caller. */
const CALLER =
  /[Uu]ser|[Rr]ole|[Gg]roup|[Pp]rincipal|[Cc]laim|[Ss]ession|[Tt]oken|[Aa]ccount|[Mm]ember|[Cc]aller|[Ii]dentity|[Ss]ubject|[Ss]cope|[Pp]ermi|[Aa]uth/;

/** How far below a membership check its 403 may be (a log call between them). */
const TENANT_BODY = 12;

/**
 * An ownership check: a condition comparing a resource's owner with the current user whose branch
 * refuses with a 403 (`if post.author != token_auth.current_user(): abort(403)`). It checks
 * requests, though no role (blind round 17, microblog-api api/posts.py).
 */
const OWNER_WORD = String.raw`\b(?:owner|author|creator|created_by|user_id|userId|owner_id|ownerId|author_id|authorId|createdBy|creator_id|creatorId)\b`;
const CURRENT_USER = String.raw`\b(?:current_user|currentUser|CurrentUser|current_user_id|currentUserId|g\.user|request\.user|req\.user|ctx\.user)\b`;
/**
 * The scan looks only for the current user (one alternation, linear); whether that line is an
 * ownership condition whose branch refuses is judged once per match in `ownershipCheck` (three
 * lookaheads over one line made the whole pattern backtrack super-linearly).
 */
const OWNER_CMP = new RegExp(String.raw`${IF}[^\n]*(?:!==?|\bis\s+not\b|<>)`);
const OWNER_IN = new RegExp(OWNER_WORD);
const DENY_IN = new RegExp(DENY);
/**
 * A guard function named for the role it requires (`check_admin`, `require_super_user`,
 * `ensureOwner`): credited only when its body refuses with a 403 (the `deny` lines below it).
 */
const GUARD_FN = String.raw`^[ \t]*(?:(?:pub|export|async|public|private|static)[ \t]+)*(?:def|fn|func|function)[ \t]+((?=(?:check|require|ensure|verify|assert|must)_?\w*?(?:[Aa]dmin|[Ss]uper_?[Uu]ser|[Ss]taff|[Oo]wner|[Rr]ole|[Pp]ermission|[Mm]anager))\w+)`;
/** How far below a guard's definition its refusal may be. */
const GUARD_BODY = 25;
/**
 * Names of hand-written guards: a check verb and a role, permission or scope (`is_admin`,
 * `is_mod_or_admin`, `check_community_mod_action`, `hasPermission`, `require_role`). The reference
 * pattern records every such identifier, so a guard's definition and its uses are both among its
 * matches (src/facts/references.ts).
 */
// Or a subject before the verb: `memberHasRoles…`, `userIsAdmin`, `user_has_permission` (blind round 50, a Swift bot).
const GUARD_PREFIX = `(?:is|has|check|require|ensure|verify|assert|must|can|authorize|only|(?:member|user|caller|sender|actor|principal|requester|account)(?:Has|Is|Can|_has|_is|_can))(?:_|[A-Z])`;
const GUARD_REFS = String.raw`\b(?=${GUARD_PREFIX})(?=\w*?(?:[Aa]dmin|[Rr]ole|[Pp]erm|[Mm]od|[Oo]wner|[Ss]taff|[Ss]uper_?[Uu]ser|superuser|[Pp]rivilege|[Ss]cope|[Mm]anager))\w+`;
const GUARD_REFS_NAME = new RegExp(`^${GUARD_REFS.slice(2)}$`);
/**
 * GUARD_REFS as the scan runs it: the verb consumed, not looked ahead for, then the role word. The
 * same matches (start and text): a match is a whole run of word characters, and no role word can
 * start inside a verb followed by `_` or a capital. The lookahead form had nothing the regex
 * engine could skip by and was the costliest pattern of the scan (issue 17): ~40 % less time on
 * test262's sources.
 */
const GUARD_REFS_SCAN = String.raw`\b${GUARD_PREFIX.replace('(?:_|[A-Z])', '(?=[_A-Z])')}\w*?(?:[Aa]dmin|[Rr]ole|[Pp]erm|[Mm]od|[Oo]wner|[Ss]taff|[Ss]uper_?[Uu]ser|superuser|[Pp]rivilege|[Ss]cope|[Mm]anager)\w*`;
/** A guard's own name: the role word whole (`mod` but not `model`, `modified`). */
const GUARD_NAME = new RegExp(
  String.raw`^${GUARD_PREFIX.replace('(?:_|[A-Z])', '')}(?:_|(?=[A-Z]))\w*?(?:[Aa]dmin(?:istrator)?|(?:(?<=_)[Mm]od|(?<=[a-z])Mod)(?:erator)?|[Rr]ole|[Pp]ermission|[Pp]erm|[Oo]wner|[Ss]taff|[Ss]uper_?[Uu]ser|[Ss]uperuser|[Pp]rivilege)s?(?=_|[A-Z]|$)`,
);
/** Named for a role but about something else: a setting, a page, a menu, a count. */
const NOT_A_GUARD =
  /[Ss]ettings?|[Cc]onfig|[Aa]vailable|[Rr]ewrite|[Mm]ust[A-Z]|[Ll]oaded|[Ee]xists?|[Ee]nabled|[Uu]rl|[Pp]ath|[Pp]age|[Pp]anel|[Mm]enu|[Vv]iew|[Tt]emplate|[Ll]ink|[Rr]oute|[Cc]ount|[Ll]ist|[Nn]ame|[Ee]mail|[Bb]utton|[Ii]con|[Vv]isible|[Ss]hown|[Mm]odal|[Mm]ode\b|[Mm]odel|[Mm]odule|[Mm]odif/;
/** Browser code: a guard there hides a button, it refuses no request. */
const UI_FILE =
  /\.(?:tsx|jsx|vue|svelte)$|(?:^|\/)(?:frontend|client|clients|webui|web-ui|ui|desktop|static|public|www|assets)\//;
/**
 * A role a request is compared with (`user.role === 'admin'`, `role == Role::Moderator`,
 * `role in ("owner", "admin")`); `role === 'button'` is an ARIA attribute, not one of these.
 */
// Each name is tried from a word's start only (`\w*Role` from every character was quadratic).
const ROLE_VALUE = String.raw`['"](?:admin|administrator|owner|superuser|super_admin|moderator|mod|staff|manager|editor|maintainer)['"]|\b(?=\w*?Role(?:\.|::)[A-Z])\w+(?:\.|::)[A-Z]\w*|\b(?:\w+\.)?Role(?:Admin|Owner|Moderator|Superuser|SuperAdmin|Staff|Manager|Editor)\b|\bROLE_[A-Z]\w*`;
/** The identity provider's group claim of a token (see the groupClaim pattern). */
const GROUP_CLAIM = String.raw`\bGROUPS?_CLAIMS?\b|[Cc]laims?(?:\?\.|!!\.|\.)?\s*(?:get\s*\(|\[)\s*["']groups["']|getClaim(?:AsStringList|AsList)?\s*\(\s*["']groups["']|\bclaims\.groups\b`;
/** A caller's groups (English, or the Nordic `grupper`) tested for membership, tried from a word's start. */
const GROUP_CHECK = String.raw`\b(?=\w*?(?:[Gg]roups|GROUPS|[Gg]rupper|[Gg]rupp))\w+\s*(?:\?\.|\.|!!\.)\s*(?:contains|containsAll|containsAny|includes|intersect|has|some|any|isSuperset)\s*[({]`;
const GROUP_FILES = ['**/*.{java,kt,scala,groovy,js,ts,mjs,cjs,py,go,cs,rb,php,rs}'];
/** Go: a caller's group or role looked up in the configured allowed groups or roles. */
const ALLOWED_LOOKUP = String.raw`,\s*ok\s*:?=\s*[\w.]*\b[Aa]llowed_?(?:Groups|Roles|groups|roles)\s*\[\s*[\w.]+\s*\]|\bslices\.Contains\(\s*[\w.]*\b[Aa]llowed_?(?:Groups|Roles|groups|roles)\s*,`;
const RIGHTS = String.raw`\b(?:hasRequiredRights|requiredRights|requiredRoles|requiredPermissions|allowedRoles)\b`;

/**
 * Express/Koa/Fastify middleware written by hand (blind round 33, an Express app's
 * `authorisationMiddleware(roles)`): a condition on the caller's roles, authorities, permissions or
 * scopes (`!roles.some(r => allowed.includes(r))`, `!req.user.permissions.includes(p)`) in a file that
 * defines a request handler with `next`, refused within a few lines (403/401, a redirect to an error
 * page, `next(err)`, a throw), and mounted (`app.use(name(…))`, `router.get('/x', name(…), …)`).
 */
const MW_ROLE_COND = String.raw`${IF}${NOT_IF}{0,120}?\b(?=\w*?(?:[Rr]oles|[Aa]uthorities|[Pp]ermissions|[Ss]copes))\w+\s*(?:\?\.|\.)\s*(?:some|every|includes|has|indexOf|find|contains)\s*\(`;
/** A JS request handler with `next`: Express `(req, res, next)`, Koa `(ctx, next)`, typed or not. */
const JS_MW =
  /\(\s*req\w*(?::[ \t]*[\w.<>]+)?,[ \t]*res\w*(?::[ \t]*[\w.<>]+)?,[ \t]*next\b|\(\s*ctx(?::[ \t]*[\w.<>]+)?,[ \t]*next\b|\bRequestHandler\b|\bMiddleware\b/;
/** The refusal below the condition. */
const MW_REFUSE =
  /\b40[13]\b|[Ff]orbidden|[Uu]nauthori[sz]ed|FORBIDDEN|UNAUTHORIZED|\.redirect\s*\(|\bnext\s*\(\s*(?:new\b|create\w*\(|err\b|error\b|\w+Error\b)|\bthrow\b/;
/** How far below the condition the refusal may be (a log line between them). */
const MW_BODY = 4;
/** The function the condition sits in: the nearest definition above it. */
const MW_DEF =
  /^[ \t]*(?:export[ \t]+)?(?:default[ \t]+)?(?:async[ \t]+)?function[ \t]*\*?[ \t]*([A-Za-z_$][\w$]*)|^[ \t]*(?:export[ \t]+)?(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*(?::[^=\n]{0,80})?=/;
/** How far above the condition its function's definition may be. */
const MW_DEF_ABOVE = 40;

const CTRL_LABEL =
  'controller-runtime metrics filter: each request to the metrics endpoint authorised by a SubjectAccessReview against RBAC (filters.WithAuthenticationAndAuthorization)';

/**
 * Hand-written access guards: a function named for checking the caller's access to an object or
 * its ownership (`checkAccess`, `verify_owner`, `ensureUserOwnsOrder`, the Norwegian `sjekkTilgang`,
 * `verifyCaseIsForCorrectUser`) whose body throws an access exception (`throw
 * TilgangskontrollException(…)`, `raise PermissionDenied`, `throw new AccessDeniedException`, a 403)
 * and that another file calls: object-level authorization written by hand (blind round 47, a
 * Kotlin service's Tilgangskontroll called from every controller read as "no checks").
 */
const ACCESS_WORD = `(?:Access|access|Tilgang|tilgang|Owner|owner|Owns|owns|BelongsTo|belongs_to|CorrectUser|correct_user|SameUser|same_user)`;
const ACCESS_REFS_SCAN = String.raw`\b(?:check|verify|ensure|assert|require|sjekk|kontroller)(?=[_A-Z])\w*?${ACCESS_WORD}\w*`;
const ACCESS_NAME = new RegExp(
  String.raw`^(?:check|verify|ensure|assert|require|sjekk|kontroller)(?:_|(?=[A-Z]))\w*?${ACCESS_WORD}`,
);
/** Named for access but about something else: a token, a password, a session, a file or a log. */
const NOT_ACCESS =
  /[Tt]oken|[Pp]assword|[Pp]asswd|[Cc]redential|[Ll]ogin|[Ss]ession|[Kk]ey(?:s|[A-Z_]|$)|[Cc]srf|[Cc]ors|[Ll]og(?:s|[A-Z_]|$)|[Ff]ile|[Pp]ath|[Dd]ir(?:ectory)?(?:[A-Z_]|$)|[Uu]rl|[Cc]ache|[Ee]xpir|[Tt]imeout/;
/** The throw or refusal in the guard's body: an exception named for access, or a 403. */
const ACCESS_THROW =
  /\b(?:throw|raise)[ \t]+(?:new[ \t]+)?[\w.]{0,80}?(?:Tilgang|Access|Forbidden|Permission|NotOwner|Ownership|Authori[sz]ation)\w*/;
/** The longest access guard body read (lines). */
const ACCESS_BODY = 40;

/** A method declaration of a role helper (`bool IsInRole(string role)`, `Task<bool> IsInRoleAsync(…)`), not a call. */
const DOTNET_ROLE_DECLARATION = /\b(?:bool|Task\s*<\s*bool\s*>|ValueTask\s*<\s*bool\s*>)\s+IsInRole(?:Async)?\s*\(/;

export default defineRule({
  meta: {
    id: 'authorization',
    title: 'Access is checked by role or permission',
    failureTitle: 'No role or permission checks',
    description:
      'Authentication says who is calling; authorization decides what they may do. Without explicit role or permission checks every authenticated user can reach every operation, which is how most broken-access-control incidents happen (OWASP A01).',
    remediation:
      'Check roles or permissions where operations are defined: `@PreAuthorize`/`hasRole` in Spring, `[Authorize(Roles=…)]` or policies in ASP.NET, DRF `permission_classes`, FastAPI `Security(…, scopes=[…])`, NestJS `@Roles` + a guard, CASL/Casbin/OPA for policies, Pundit/CanCanCan in Rails, Laravel Gates and Policies.',
    severity: 'high',
    effort: 'medium',
    detection:
      'Code that checks a role, permission or policy (production code only): Elixir `Bodyguard.permit`/`use Bodyguard.Policy`, Canada `can?(…)`, Canary, LetMe `use LetMe.Policy`, Permit `use Permit.Phoenix.Controller`, PolicyWonk, a hand-written `plug :authorize…`/`plug :require_admin…` or module plug (`plug Authorize, [Policies.Admin.Post, :post]`, `plug RequireAdmin`) and hand-written Elixir checks on a role or permission that refuse the request (`authorized?(perm, role) || raise UnauthorizedError`, `if has_org_role?(…)` … `put_status(:forbidden) |> halt()`, an `on_mount` hook answering `{:halt, …}`); `@Roles(`/`RolesGuard`, CASL abilities, Casbin enforcers, `new AccessControl`; DRF `permission_classes` (not `AllowAny` alone), `@permission_required`, `PermissionRequiredMixin`, FastAPI `Security(…, scopes=…)`, `@roles_required`; Go Casbin/OPA; Spring `@PreAuthorize`/`@Secured`/`@RolesAllowed`/`hasRole`; ASP.NET `[Authorize(Roles|Policy=…)]`, `AddPolicy`, `RequireRole`; Pundit `authorize` (also spelt `authorise`), CanCanCan, gds-sso\'s `authorise_user!("permission")`; OAuth scope checks (`authorize_scope!`), Rocket/actix request guards named for a role (`FromRequest for AdminHeaders`), actix-web-grants/poem-grants `#[protect(…)]`/`#[has_permissions(…)]`, Go lookups of a caller’s group in the configured allowed groups (`_, ok := p.AllowedGroups[group]`), guard functions named for a role whose body refuses with 403 (`def check_admin` … `HTTPStatus.FORBIDDEN`), hand-written guard functions named for a role or permission (`is_admin`, `is_mod_or_admin`, `check_community_mod_action`, `hasPermission`, `require_role`) cited with their definition and one call elsewhere (a guard nothing calls, or one in browser code, earns nothing; nor one whose body names no role, permission, scope, group or owner: a `requireAdmin…` that only checks a password or token lets every authenticated caller through, which is authentication), membership checks in a request hook or middleware (`if (workspaceId !== workspace.id)` … `reply.status(403)`: the caller is not a member of the workspace, tenant or organisation the request names), conditions comparing the user’s role with a named role (`if user.role == "admin"`, `Role::Moderator`, `!user.admin`), hand-written guards: a condition on a role, permission, scope or membership that answers 403/forbidden (`if not rw: raise PermissionDenied`, `if !user.IsAdmin {… StatusForbidden`); Laravel `Gate::`, `$this->authorize`, `can:` middleware, Symfony `IsGranted`/`access_control`; role checks on identity-provider groups: the groups of a caller tested for a configured group (`groups.contains(…)`, `userGroups.includes(…)`) where production code reads the `groups` claim of the token (Azure AD/Entra ID, Keycloak); OPA `.rego` policies; Express/Koa middleware written by hand whose condition on the caller’s roles, authorities, permissions or scopes (`!roles.some(r => allowed.includes(r))`) refuses the request within a few lines (403/401, a redirect, `next(err)`, a throw), cited with the line that mounts it (`app.use(gate(…))`, a route that lists it). Libraries from the `authorization` catalogue alone earn partial credit; so do hand-written object-level access guards alone (a function named for an access or ownership check — `checkAccess`, `verifyOwner`, `sjekkTilgang`, `verify…ForCorrectUser` — whose body throws an access exception or answers 403 and that another file calls; names about tokens, passwords, sessions, keys or files are not access guards), and ownership checks alone (`if post.author != current_user(): abort(403)`). A variable of a guard’s name (a CLI flag `var isAdmin bool`) is neither a use of the guard nor a role check. Not applicable when the only HTTP server serves operational routes (/metrics, health probes, pprof), as the listener of a Kubernetes controller or an agent does. controller-runtime\'s metrics filter (`Metrics.FilterProvider = filters.WithAuthenticationAndAuthorization`: TokenReview and SubjectAccessReview on each request to /metrics) counts as a pass where the manager is the only HTTP server (a Kubernetes operator), as partial credit (metrics only) beside a web framework or another server. Where no check of the project\'s own is found, an Airflow deployment (an image FROM apache/airflow, or apache-airflow beside a dags/ folder) passes: its webserver checks Flask-AppBuilder RBAC roles on every view and API call by default.',
    patterns: {
      ctrlMetricsAuth: CTRL_METRICS_AUTH,
      js: {
        regex: new RegExp(
          String.raw`@Roles\s*\(|\bRolesGuard\b|@Permissions?\s*\(|\bPermissionsGuard\b|\bdefineAbility(?:For)?\s*\(|\bAbilityBuilder\b|\bcreateMongoAbility\s*\(|\bnewEnforcer\s*\(|\bnew\s+AccessControl\s*\(|@UseRoles\s*\(|\bcheckResource\s*\(|${ROLE_CALL}|${RIGHTS}`,
        ),
        files: ['**/*.{js,ts,mjs,cjs,jsx,tsx}'],
        literals: [
          'Roles',
          'Permission',
          'permission',
          'Ability',
          'Enforcer',
          'AccessControl',
          'checkResource',
          'Role',
          'Scope',
          'Rights',
          'required',
        ],
      },
      // `Security(…, scopes=`: the arguments stop at the next `Security(` (linear on many unclosed ones).
      python: {
        regex: new RegExp(
          String.raw`^[ \t]*permission_classes\s*=|DEFAULT_PERMISSION_CLASSES|@permission_required\b|\bPermissionRequiredMixin\b|\.has_perms?\s*\(|@roles_(?:required|accepted)\b|\bSecurity\s*\((?:(?!\bSecurity\s*\()[^)])*scopes\s*=|\bSecurityScopes\b|\bcasbin\.(?:Enforcer|SyncedEnforcer)\s*\(|\boso\.(?:authorize|is_allowed)\s*\(|@user_passes_test\b|\bPermission\s*\(\s*RoleNeed|\bif\s+not\s+[\w.]+\.(?:is_superuser|is_admin|is_staff)\b|Depends\(\s*get_current_active_(?:superuser|admin)\b|${ROLE_CALL}`,
          'm',
        ),
        files: ['**/*.py'],
        literals: [
          'permission',
          'PERMISSION',
          'PermissionRequired',
          'has_perm',
          'roles_',
          'scopes',
          'SecurityScopes',
          'casbin',
          'oso.',
          'user_passes_test',
          'RoleNeed',
          'Role',
          'Scope',
          'is_superuser',
          'is_admin',
          'is_staff',
          'get_current_active_',
        ],
      },
      go: {
        // A caller's group or role looked up in the configured allowed ones (`if _, ok :=
        // p.AllowedGroups[group]; ok`, `slices.Contains(allowedRoles, role)`; blind round 22,
        // oauth2-proxy providers/provider_default.go).
        regex: new RegExp(
          String.raw`${ALLOWED_LOOKUP}|\bcasbin\.NewEnforcer\s*\(|\bcasbin\.NewSyncedEnforcer\s*\(|\benforcer\.Enforce\s*\(|\brego\.New\s*\(|${ROLE_CALL}`,
        ),
        files: ['**/*.go'],
        literals: ['casbin', 'Enforce', 'rego.New', 'Role', 'Permission', 'Scope', 'llowed'],
      },
      jvm: {
        regex:
          /@PreAuthorize\s*\(|@PostAuthorize\s*\(|@Secured\s*\(|@RolesAllowed\s*\(|\.hasRole\s*\(|\.hasAnyRole\s*\(|\.hasAuthority\s*\(|\.hasAnyAuthority\s*\(|@EnableMethodSecurity|@EnableGlobalMethodSecurity|\bAuthorizationManager\s*</,
        files: ['**/*.{java,kt,scala,groovy}'],
        literals: [
          'Authorize',
          'Secured',
          'RolesAllowed',
          'Role',
          'Authority',
          'MethodSecurity',
          'AuthorizationManager',
        ],
      },
      dotnet: {
        regex:
          /\[Authorize\s*\(\s*(?:Roles|Policy)\s*=|\[Authorize\s*\(\s*"|\[(?=\w+?Authorize)\w+\s*\(\s*"|\[(?:Api|Require|Has)?Permission\w*\s*\(|\bAddPolicy\s*\(|\.RequireRole\s*\(|\.RequireClaim\s*\(|\bAuthorizationHandler\s*<|\bIsInRole\s*\(/,
        files: ['**/*.{cs,fs,vb}'],
        literals: [
          'Authorize',
          'Permission',
          'AddPolicy',
          'RequireRole',
          'RequireClaim',
          'AuthorizationHandler',
          'IsInRole',
        ],
      },
      // A hand-written request pipeline step that enforces roles and policies (a MediatR
      // AuthorizationBehaviour, an action filter): it reads the request's [Authorize] attributes,
      // checks the user's roles or asks IAuthorizationService for a policy.
      dotnetPipeline: {
        regex:
          /GetCustomAttributes\s*<\s*Authorize\w*Attribute\s*>|\bIsInRole(?:Async)?\s*\(|\bRoles\s*\??\.\s*(?:Any|Contains)\s*\(|\.AuthorizeAsync\s*\(/,
        files: ['**/*.{cs,fs,vb}'],
        literals: ['GetCustomAttributes', 'IsInRole', 'Roles', 'AuthorizeAsync'],
        maxPerFile: 6,
      },
      // The setup an AddPolicy sits in: authorization, a rate limiter or CORS (see policyKind).
      dotnetSetup: {
        regex:
          /\bAddRateLimiter\b|\bRateLimiterOptions\b|\bRateLimitPartition\.|\bAddCors\b|\bCorsOptions\b|\bAddAuthorization\w*\s*\(|\bAuthorizationOptions\b|\bAuthorizationBuilder\b|\.Require(?:Role|Claim)\s*\(/,
        files: ['**/*.{cs,fs,vb}'],
        literals: ['RateLimit', 'Cors', 'Authorization', '.Require'],
        maxPerFile: 50,
      },
      // Hand-written role guards: a condition on the user's admin/staff role that denies the request
      // (`if !request.IsAdminUser(r)`, `unless Current.user.admin?`, `if (!user.isAdmin)`).
      // Up to 40 characters, then the negation and the expression (`user.isAdmin()`) that ends in
      // the role. Without a negation, those characters end at one outside the expression, which
      // then starts right after it: one expression per `if`, not one per character.
      roleCheck: {
        regex: new RegExp(
          String.raw`${IF}(?:${NOT_IF}{0,40}?(?:!\s*|\bnot\s+)|(?:${NOT_IF}{0,39}[^\w.()\n])?)(?:(?!${IF})[\w.()])*\b(?:Is(?:Admin|SuperAdmin|Superuser|Staff)\w*|is(?:Admin|SuperAdmin|Staff)\b|(?:admin|super_admin|superuser|staff|moderator)\?|(?:admin|is_admin|is_superuser|is_staff|is_moderator)\b(?!\s*(?:[=:(]|!=)))|\b(?:role|Role|roles)\s*(?:[!=]==?|\bin\b|\.includes\(|\.contains\()\s*(?:[[(]\s*)?(?:${ROLE_VALUE})|(?:${ROLE_VALUE})\s*[!=]==?\s*[\w.]*\b(?:role|Role)\b|\b(?:Use|use|Before|before)\(\s*[\w.]*\b(?:RequireAdmin|requireAdmin|AdminOnly|adminOnly|AdminRequired|adminRequired)\b`,
        ),
        files: ['**/*.{go,rb,js,ts,mjs,cjs,py,java,kt,cs,php,rs}'],
        literals: [
          'IsAdmin',
          'isAdmin',
          'IsSuper',
          'isSuper',
          'IsStaff',
          'isStaff',
          'admin?',
          'superuser?',
          'staff?',
          'moderator?',
          'role',
          'Admin',
          'admin',
        ],
        maxPerFile: 3,
      },
      // Ruby's modifier form puts the refusal first (Sinatra `halt 403 if guest?`, `halt 403 unless
      // admin?`, Grape `error!('Forbidden', 403) unless current_user.admin?`; blind round 37, a
      // Sinatra API refusing writes to its guest role). The condition is one call or name a line holds.
      rubyModifierDeny: {
        regex:
          /\b(?:halt|error!)[ \t(]+(?:["'][^"'\n]{0,80}["'][ \t]*,[ \t]*)?(?:403|401)\b[^\n]{0,80}?[ \t](?:if|unless)[ \t]+(?:!|not[ \t]+)?[\w.@]{0,60}?(?<![\w])\w*(?:[Rr]ole|[Aa]dmin|[Oo]wner|[Pp]ermi|[Ss]cope|[Aa]uthori[sz]ed|[Mm]ember|[Gg]uest|[Ss]taff|[Ss]uperuser|[Mm]oderator|[Ee]ditor)\w*[?!]?/,
        files: ['**/*.rb'],
        literals: ['halt', 'error!'],
        maxPerFile: 3,
      },
      // An error raised the same way (`raise NotAuthorizedError, "…" unless auth.can?(permission)`;
      // blind round 48: a Sinatra server's per-key push/yank/fetch permissions).
      rubyRaiseDeny: {
        regex:
          /\braise[ \t(]+(?:\w+::)*(?:NotAuthori[sz]ed|Unauthori[sz]ed|Forbidden|AccessDenied|PermissionDenied)(?:Error|Exception)?[,( \t][^\n]{0,80}?[ \t](?:if|unless)[ \t]+(?:!|not[ \t]+)?(?:[@\w]+\.){0,3}(?:can|allowed|permitted|authori[sz]ed|has_permission|has_role|admin)\?/,
        files: ['**/*.rb'],
        literals: ['raise'],
        maxPerFile: 3,
      },
      // A permission decided by a conditional expression whose other branch refuses: `allowed ?
      // Mono.empty() : Mono.error(new AccessDeniedException(…))`, `isPermitted ? next() : reply.code(403)`
      // (blind round 48: a role-based access-control service checking each resource and action).
      ternaryDeny: {
        regex:
          /(?<![\w.])(?:(?:is|has|can)(?:Allowed|Permitted|Authori[sz]ed|Accessible|Granted|Access|Permission|Role)|allowed|permitted|authori[sz]ed|accessible|granted)(?:\(\))?[ \t]+\?[ \t]+[^:\n]{0,120}[ \t]:[ \t]+[^\n]{0,120}?(?:AccessDenied\w*|Forbidden\w*|PermissionDenied\w*|FORBIDDEN|\b403\b)/,
        files: ['**/*.{js,ts,mjs,cjs,java,kt,cs,php,dart}'],
        literals: ['403', 'orbid', 'AccessDenied', 'FORBIDDEN', 'PermissionDenied'],
        maxPerFile: 3,
      },
      roleDeny: {
        regex: new RegExp(ROLE_DENY),
        files: ['**/*.{go,rb,js,ts,mjs,cjs,py,java,kt,cs,php,rs}'],
        literals: ['403', 'orbid', 'PermissionDenied', 'AccessDenied', 'FORBIDDEN'],
        maxPerFile: 3,
      },
      tenantDeny: {
        regex: new RegExp(TENANT_CMP),
        files: ['**/*.{go,rb,js,ts,mjs,cjs,py,java,kt,cs,php,rs}'],
        literals: ['!='],
        maxPerFile: 3,
      },
      mwRoleCond: {
        regex: new RegExp(MW_ROLE_COND),
        files: ['**/*.{js,ts,mjs,cjs}'],
        literals: ['oles', 'uthorities', 'ermissions', 'copes'],
        maxPerFile: 3,
      },
      // Where a middleware is mounted: `app.use(name`, `router.use(name`, a route whose arguments
      // start with it (`router.get('/x', name(…)`), or a line that passes it on by itself (`  name([…]),`
      // in a multi-line route registration).
      mwMount: {
        regex:
          /\.use\(\s*([A-Za-z_$][\w$]*)|\.(?:get|post|put|patch|delete|all)\(\s*['"`][^'"`\n,]{0,200}['"`],\s*([A-Za-z_$][\w$]*)|^[ \t]+([A-Za-z_$][\w$]*)\([^()\n]{0,200}\),[ \t]*$/m,
        files: ['**/*.{js,ts,mjs,cjs}'],
        literals: ['.use(', '.get(', '.post(', '.put(', '.patch(', '.delete(', '.all(', '),'],
        maxPerFile: 60,
      },
      requestHook: {
        regex: REQUEST_HOOK,
        files: ['**/*.{go,rb,js,ts,mjs,cjs,py,java,kt,cs,php,rs}'],
        literals: ['addHook', 'next', 'before_'],
        maxPerFile: 1,
      },
      ownerDeny: {
        regex: new RegExp(CURRENT_USER),
        files: ['**/*.{go,rb,js,ts,mjs,cjs,py,java,kt,cs,php,rs}'],
        literals: ['403', 'orbid', 'PermissionDenied', 'AccessDenied', 'FORBIDDEN'],
        maxPerFile: 40,
      },
      guardFn: {
        regex: new RegExp(GUARD_FN, 'm'),
        files: ['**/*.{go,rb,js,ts,mjs,cjs,py,java,kt,cs,php,rs}'],
        literals: ['check', 'require', 'ensure', 'verify', 'assert', 'must'],
        maxPerFile: 6,
      },
      // Functions named for an access or ownership check, and their calls (references).
      accessRefs: {
        regex: new RegExp(ACCESS_REFS_SCAN),
        files: ['**/*.{go,rb,js,ts,mjs,cjs,py,java,kt,cs,php,rs}'],
        literals: ['ccess', 'ilgang', 'wner', 'wns', 'elong', 'orrectUser', 'orrect_user', 'ameUser', 'ame_user'],
        maxPerFile: 40,
      },
      // A refusal anywhere in a guard's body: the word or the status is enough there.
      deny: {
        regex:
          /\b(?:PermissionDenied|Http403|HttpResponseForbidden|StatusForbidden|Status403Forbidden|HTTP_403_FORBIDDEN|FORBIDDEN|Forbidden\w*|forbidden|AccessDenied\w*)\b|\b403\b/,
        files: ['**/*.{go,rb,js,ts,mjs,cjs,py,java,kt,cs,php,rs}'],
        literals: ['403', 'orbid', 'FORBIDDEN', 'PermissionDenied', 'AccessDenied'],
        maxPerFile: 40,
      },
      guardRefs: {
        regex: new RegExp(GUARD_REFS_SCAN),
        files: ['**/*.{go,rb,js,ts,mjs,cjs,py,java,kt,cs,php,rs,swift}'],
        literals: [
          'dmin',
          'Role',
          'role',
          'Perm',
          'perm',
          'Mod',
          'mod',
          'wner',
          'Staff',
          'staff',
          'uper',
          'rivilege',
          'Scope',
          'scope',
          'anager',
        ],
        maxPerFile: 40,
      },
      ruby: {
        regex:
          /^[ \t]*authori[sz]e\s*(?:\(|[@:]\w)|\bauthorize_scope!\s*[(:]|^[ \t]*include\s+Pundit\b|\bload_and_authorize_resource\b|^[ \t]*authorize_resource\b|^[ \t]*(?:can|cannot)\s+:\w+|\bverify_authorized\b|\bpolicy_scope\s*\(|\bauthori[sz]e!\s*[(@:]|\bauthori[sz]e_user!(?:\(|[ \t])[ \t]?["'](?=\w)|\bhas_role\?\s*\(/m,
        files: ['**/*.rb'],
        literals: [
          'authorize',
          'authorise',
          'Pundit',
          'can ',
          'cannot ',
          'policy_scope',
          'has_role',
          'authorize_scope',
        ],
      },
      // Elixir: Bodyguard (`Bodyguard.permit`, `use Bodyguard.Policy`), Canada/Canary (`can?`,
      // `plug :load_and_authorize_resource`), a project's `plug :authorize…`/`plug :require_admin…`
      // and its module plugs of that purpose (`plug Authorize, [Policies.Admin.Episode, :podcast]`,
      // `plug MyAppWeb.Plugs.RequireAdmin`: policy modules applied per action; not EnsureAuthenticated).
      // LetMe (`use LetMe.Policy`), Permit (`use Permit.Phoenix.Controller`, `use Permit.Permissions`),
      // PolicyWonk and Canada's protocol (`defimpl Canada.Can, for: User`).
      elixir: {
        regex:
          /\bBodyguard\.permit[!?]?\(|^[ \t]*(?:use|@behaviour)[ \t]+Bodyguard\.Policy\b|\bcan\?\(|^[ \t]*plug[ \t]*(?:\([ \t]*)?:(?:load_and_authorize_resource|authorize|require_(?:admin|role|permission|scope|access)|ensure_(?:admin|role|permission|access))|^[ \t]*plug[ \t]*(?:\([ \t]*)?(?:Canary\.Plugs|Guardian\.Permissions|PolicyWonk\.Enforce)\b|^[ \t]*plug[ \t]*(?:\([ \t]*)?(?:[A-Z]\w*\.)*(?:Authorize|Authorization|Require(?:Admin|Role|Permission|Scope|Access)s?|Ensure(?:Admin|Role|Permission|Access)s?)(?![\w.])|^[ \t]*use[ \t]+(?:LetMe\.Policy|Permit(?:\.Phoenix\.(?:Controller|LiveView|Router)|\.Ecto\.Permissions|\.Permissions)?|PolicyWonk\.(?:Policy|Enforce))\b|^[ \t]*defimpl[ \t]+Canada\.Can\b/m,
        files: ['**/*.ex'],
        literals: [
          'Bodyguard',
          'can?(',
          'plug',
          'Canary',
          'Guardian.Permissions',
          'LetMe',
          'Permit',
          'PolicyWonk',
          'Canada',
        ],
      },
      // Hand-written Elixir checks (blind round 36, nerves_hub_web: 101 `authorized!(:perm, scope)` calls
      // not found): a condition on a role or permission that refuses the request — raises an
      // Unauthorized/Forbidden error, answers 401/403, halts the conn or the LiveView mount, returns
      // `{:error, :forbidden}` — within a few lines (`if has_org_role?(org, user, role) do … else raise
      // UnauthorizedError`), or right after `||`/`or` (`authorized?(user, perm) || raise UnauthorizedError`).
      // The scan finds a file's refusals; the check reads the conditions around them
      // (_lib/elixir-role-deny.ts).
      elixirRoleDeny: {
        regex: new RegExp(EX_DENY),
        files: ['**/*.ex'],
        literals: ['raise', 'put_status', 'send_resp', ':halt', 'halt(', ':forbidden', ':unauthorized'],
        maxPerFile: 1,
      },
      php: {
        regex:
          /\bGate::(?:define|allows|denies|authorize|policy|before)\s*\(|\$this->authorize\s*\(|['"]can:[\w.-]+|->can\s*\(\s*['"]|#\[IsGranted\s*\(|@IsGranted\s*\(|denyAccessUnlessGranted\s*\(|->isGranted\s*\(|->hasPermissionTo\s*\(|->hasRole\s*\(|\$this->middleware\(\s*['"](?:role|permission):/,
        files: ['**/*.php'],
        literals: [
          'Gate::',
          'authorize',
          'can:',
          '->can(',
          'IsGranted',
          'Granted',
          'hasPermissionTo',
          'hasRole',
          'role:',
          'permission:',
        ],
      },
      phpConfig: {
        regex: /^[ \t]+access_control:|^[ \t]+role_hierarchy:/m,
        files: ['**/config/packages/security.{yaml,yml}', '**/security.{yaml,yml}'],
        literals: ['access_control', 'role_hierarchy'],
      },
      rust: {
        // Rocket/actix request guards named for a role (`impl<'r> FromRequest<'r> for AdminHeaders`):
        // a handler that takes one is refused unless the caller holds the role.
        // actix-web-grants / poem-grants / rocket-grants: a handler refused unless the caller holds
        // the named permission or role (`#[actix_web_grants::protect("TokenType::Delete", …)]`, blind
        // round 22, rustypaste server.rs).
        regex:
          /#\[(?:(?:actix_web_grants|poem_grants|rocket_grants|protect_endpoints)::)?(?:protect|has_permissions|has_any_permission|has_roles|has_any_role)\s*\(|\bEnforcer::new\s*\(|\.enforce\s*\(\s*\(|\bhas_role\s*\(|\brequire_role\s*\(|\bhas_permission\s*\(|\bimpl(?:<[^>\n]{0,20}>)?[ \t]+FromRequest(?:<[^>\n]{0,20}>)?[ \t]+for[ \t]+(?=\w*?(?:Admin|Manager|Owner|Role|Staff|Moderator|Superuser|Permission))[A-Z]\w*/,
        files: ['**/*.rs'],
        literals: [
          'Enforcer',
          'enforce',
          'has_role',
          'require_role',
          'has_permission',
          'has_any_',
          'FromRequest',
          'protect',
        ],
      },
      // Roles from the identity provider's groups (Azure AD/Entra ID, Keycloak, Okta): the token's
      // `groups` claim read (`claims.get(GROUPS_CLAIM)`, `getClaim("groups")`) …
      groupClaim: {
        regex: new RegExp(GROUP_CLAIM),
        files: GROUP_FILES,
        literals: ['groups', 'GROUPS_CLAIM', 'GROUP_CLAIM'],
        maxPerFile: 2,
      },
      // … and a caller's groups tested for a configured group (`ansattesGrupper.contains(it)`,
      // `userGroups.includes(adminGroupId)`): role checks, credited where the claim is read.
      groupCheck: {
        regex: new RegExp(GROUP_CHECK),
        files: GROUP_FILES,
        literals: ['roup', 'rupper', 'ruppe'],
        maxPerFile: 3,
      },
    },
  },
  appliesTo: ({ facts }) =>
    facts.opsOnlyHttp
      ? { reason: `${facts.opsOnlyHttp.reason}; no requests to authorise` }
      : facts.profile.id === 'service'
        ? true
        : { reason: `profile is ${facts.profile.id}: access control applies to services` },
  check(ctx) {
    // ASP.NET policies that only require a signed-in user, by name (computed once, when asked).
    let signedIn: Set<string> | undefined;
    const signedInPolicies = (): Set<string> => {
      signedIn ??= new Set(
        ctx
          .matches('dotnet')
          .filter(
            (m) =>
              /\bAddPolicy\b/.test(m.snippet) &&
              signedInOnlyPolicy(ctx.files.lines(m.path)?.range(m.line, m.line + 12) ?? [m.snippet]),
          )
          .map((m) => policyName(m.snippet))
          .filter((n): n is string => n !== undefined),
      );
      return signedIn;
    };
    // OPA policies are authorization as code, whatever language calls them.
    const rego: Evidence[] = ctx.files
      .match(['**/*.rego'])
      .filter((p) => !/_test\.rego$/.test(p))
      .slice(0, 3)
      .map((p) => ({ path: p, note: 'OPA/Rego policy' }));
    const refs = ctx.matches('guardRefs');
    // A variable of a guard's name (a command-line flag `var isAdmin bool` bound by
    // `BoolVar(&isAdmin, "admin", …)`) is no role check of a request (blind round 17, supabase auth
    // cmd/admin_cmd.go): neither a use of the guard nor a condition on a role.
    const declared = new Map<string, boolean>();
    const declaresVar = (path: string, name: string): boolean => {
      const key = `${path}\0${name}`;
      let hit = declared.get(key);
      if (hit === undefined) {
        const n = name.replace(/[^\w]/g, '');
        hit = new RegExp(String.raw`^[ \t]*var\b[^=\n]*\b${n}\b[^=\n]*$|\bBoolVarP?\(\s*&${n}\b`, 'm').test(
          ctx.files.read(path) ?? '',
        );
        declared.set(key, hit);
      }
      return hit;
    };
    const { own, unused } = ownGuards(
      refs,
      declaresVar,
      (p) => ctx.facts.componentOf(p) !== 'server',
      (m, name) => decidesByPrincipal(ctx.files, m, name),
      ctx.files,
    );
    const groupClaimRead = ctx.matches('groupClaim').some((m) => isProductionPath(m.path) && !UI_FILE.test(m.path));
    const mw = mountedRoleMiddleware(
      ctx.files,
      ctx.matches('mwRoleCond'),
      ctx.matches('mwMount'),
      (p) => isProductionPath(p) && !UI_FILE.test(p) && ctx.facts.componentOf(p) === 'server',
    );
    const result0 = codeOrDeps(ctx, {
      what: 'authorization',
      catalogue: 'authorization',
      extra: [...rego, ...mw],
      refs: 'guardRefs',
      refsCover: (name) => GUARD_REFS_NAME.test(name),
      own: {
        kind: { key: 'guardRefs', label: 'hand-written role or permission guards (defined and called)', rank: 1 },
        defs: own,
      },
      unused,
      kinds: [
        // A check in the page (the browser Notification API's `hasPermission()`, a guard that hides a
        // button) refuses no request: only the server's code counts (blind round 29).
        {
          key: 'js',
          label: 'JavaScript/TypeScript role or permission checks',
          rejectMatch: (m) => ctx.facts.componentOf(m.path) !== 'server',
        },
        // DRF: AllowAny alone, or an empty tuple or list, opens an endpoint: it checks nothing.
        {
          key: 'python',
          label: 'Python permission checks',
          reject: /permission_classes\s*=\s*[[(]\s*(?:(?:permissions\.)?AllowAny\s*,?\s*)?[\])]/,
        },
        { key: 'go', label: 'Go policy enforcement or allowed-group checks' },
        // `.hasRole(…)` called on a helper of the project's own (an SSO client's `SsoHelper.hasRole(user, …)`)
        // in a file that uses no Spring Security is a hand-written role check, not Spring's (blind round
        // 32, xxl-job IndexController.java:71): named for what it is.
        {
          key: 'jvm',
          label: `${jvmSecurityName(ctx.facts)} method or request security`,
          rejectMatch: (m) => handRoleCall(m.snippet, ctx.files.read(m.path)),
        },
        {
          key: 'jvm',
          label: 'hand-written role checks (a role tested on the signed-in user, no Spring Security)',
          rejectMatch: (m) => !handRoleCall(m.snippet, ctx.files.read(m.path)),
        },
        // AddPolicy also names CORS policies; those grant nothing.
        // and rate-limiter policies (RateLimiterOptions.AddPolicy partitions requests); those grant nothing.
        {
          key: 'dotnet',
          label: 'ASP.NET roles or policies',
          // `IsInRole(WindowsBuiltInRole.Administrator)` asks whether the process runs elevated
          // (an installer or a tray app), not whether a caller may do something (blind round 4,
          // jackett ServerUtil.cs).
          reject: /cors|WindowsBuiltInRole|WindowsPrincipal|WindowsIdentity/i,
          // `public bool IsInRole(string role)` declares a helper (an IUser wrapper), it checks nothing
          // (blind round 36, EquinoxProject: cited instead of its [CustomAuthorize(…)] attributes).
          rejectMatch: (m) =>
            DOTNET_ROLE_DECLARATION.test(m.snippet) ||
            // Nor does its body passing the argument on (`return User.IsInRole(role);` in that helper).
            (/\bIsInRole(?:Async)?\s*\(\s*\w+\s*\)/.test(m.snippet) &&
              DOTNET_ROLE_DECLARATION.test(ctx.files.read(m.path) ?? '')) ||
            (/\bAddPolicy\b/.test(m.snippet) &&
              (policyKind(m, ctx.matches('dotnetSetup')) !== 'authorization' ||
                signedInOnlyPolicy(ctx.files.lines(m.path)?.range(m.line, m.line + 12) ?? [m.snippet]))) ||
            // `[Authorize(Policy = X)]` naming such a policy lets every signed-in caller in too.
            signedInPolicyNamed(m.snippet, signedInPolicies()),
        },
        { key: 'ruby', label: 'Rails authorization (Pundit, CanCanCan, permission checks)' },
        { key: 'elixir', label: 'Elixir authorization (Bodyguard, Canada/Canary, LetMe, Permit, authorize plugs)' },
        {
          key: 'elixirRoleDeny',
          label: 'Elixir role or permission checks that refuse the request (raise, 401/403, halt)',
          rank: 2,
          matches: ctx
            .matches('elixirRoleDeny')
            .flatMap((m) => elixirRoleDenies(m.path, ctx.files.read(m.path) ?? '', 3)),
        },
        { key: 'php', label: 'Laravel/Symfony gates, policies or voters' },
        { key: 'phpConfig', label: 'Symfony access control' },
        { key: 'rust', label: 'Rust role or policy checks' },
        // A name that reads a setting is no role check (`IsAdminConfigured()`, `isAdminEnabled`).
        {
          key: 'roleCheck',
          label: 'role checks in handlers (admin guards)',
          rank: 2,
          // Nor a Go `if err := f(ctx, gc.admin, id); err != nil {`: the condition tests the error only,
          // the admin word is an argument passed on (blind round 49: a garbage collector hard-deleting
          // trees through its admin storage was "role checks in handlers").
          reject:
            /\b[Ii]s(?:Admin|SuperAdmin|Superuser|Staff)\w*?(?:Configured|Config|Enabled|Settings?|Exists?|Available)\b|^[ \t]*(?:\}[ \t]*else[ \t]+)?if[ \t][^;\n]{0,300};[ \t]*err[ \t]*!=[ \t]*nil[ \t]*\{[ \t]*$/,
          // `else if isAdmin {` on a variable of that name declared in the file (a CLI flag).
          rejectMatch: (m) =>
            [
              ...m.snippet.matchAll(
                /(?<![.\w])(\w*(?:[Aa]dmin|[Ss]taff|[Ss]uper_?[Uu]ser|[Mm]oderator)\w*)\b(?!\s*[(?])/g,
              ),
            ].some((x) => declaresVar(m.path, x[1]!)),
        },
        {
          key: 'rubyRaiseDeny',
          label: 'requests refused on a permission check (Ruby `raise NotAuthorized… unless can?(…)`)',
          rank: 2,
        },
        {
          key: 'rubyModifierDeny',
          label:
            'requests refused on a role or permission check (Ruby `halt 403 unless admin?`, `raise NotAuthorized… unless can?`)',
          rank: 2,
        },
        {
          key: 'ternaryDeny',
          label: 'requests refused (access denied, 403) unless a permission check allows them',
          rank: 2,
        },
        {
          key: 'roleDeny',
          label: 'requests refused with 403 on a role, permission or membership check',
          rank: 2,
          rejectMatch: (m) => inputAllowList(m.snippet),
        },
        // The caller's workspace or tenant compared with the one the request names, refused with 403
        // by a request hook (blind round 23, dittofeed requestContext.ts: "no checks in 736 files").
        {
          key: 'tenantDeny',
          label:
            'requests refused with 403 by a request hook when the caller is not a member of the workspace or tenant',
          rank: 2,
          rejectMatch: (m) =>
            !TENANT_IDS.test(m.snippet) ||
            !ctx.matches('requestHook').some((h) => h.path === m.path) ||
            !ctx.matches('deny').some((d) => d.path === m.path && d.line >= m.line && d.line <= m.line + TENANT_BODY),
        },
        // A membership test counts where production code reads the groups claim it tests.
        {
          key: 'groupCheck',
          label:
            "role checks on the identity provider's groups (the token's groups claim compared with configured groups)",
          rank: 2,
          rejectMatch: (m) => UI_FILE.test(m.path) || !groupClaimRead,
        },
        {
          key: 'guardFn',
          label: 'role guards that refuse with 403 (check_admin-style)',
          rank: 2,
          rejectMatch: (m) =>
            !ctx.matches('deny').some((d) => d.path === m.path && d.line > m.line && d.line <= m.line + GUARD_BODY),
        },
        {
          key: 'ctrlMetricsAuth',
          label: CTRL_LABEL,
          rejectMatch: () => !ctrlRuntime(ctx.facts),
        },
      ],
      searchedNote: `no role, permission or policy checks in ${ctx.searched('js') + ctx.searched('python') + ctx.searched('go') + ctx.searched('jvm') + ctx.searched('dotnet') + ctx.searched('ruby') + ctx.searched('elixir') + ctx.searched('php') + ctx.searched('rust')} source files, no .rego policies`,
    });
    const result = metricsOnly(ctx.facts, result0, CTRL_LABEL, 'Authorization');
    if (result.outcome === 'pass') return result;
    // A workflow platform the repository deploys (an Airflow image with its DAGs) checks roles on
    // every view and API call of its own web server: the framework's default (facts/workflow-platforms.ts).
    if (result.outcome === 'fail') {
      const platform = workflowPlatforms(ctx.files, ctx.facts.dependencies).find(providesAuthorization);
      if (platform)
        return pass(
          `Authorization is the framework's: ${platform.spec.authorization} (${platform.evidence.path}${platform.evidence.line ? `:${platform.evidence.line}` : ''}); no role check of the project's own was found.`,
          [platform.evidence],
          { ...result.data, platform: platform.spec.id },
        );
    }
    // Ownership checks refuse another user's request on a resource: requests are checked, though no
    // role or permission is (partial, named as what it is).
    const owner = ctx
      .matches('ownerDeny')
      .filter((m) => isProductionPath(m.path) && !UI_FILE.test(m.path) && ownershipCheck(ctx.files, m.path, m.line));
    if (owner.length > 0)
      return partial(
        Math.max(0.5, result.score ?? 0),
        `Requests are checked for ownership (the resource's owner compared with the current user, refused with 403) in ${new Set(owner.map((m) => m.path)).size} file${new Set(owner.map((m) => m.path)).size === 1 ? '' : 's'}, but no role, permission or policy check was found.`,
        [
          ...owner
            .slice(0, 4)
            .map((m) => fromMatch(m, 'ownership check: refused with 403 unless the current user owns the resource')),
          ...result.evidence.filter((e) => e.path !== '.').slice(0, 3),
        ],
        { ...result.data, ownershipChecks: owner.length },
      );
    // Hand-written object-level access guards that throw an access exception and are called elsewhere.
    const guards = accessGuards(ctx.files, ctx.matches('accessRefs'), (p) => ctx.facts.componentOf(p) === 'server');
    if (guards.length > 0) {
      return partial(
        Math.max(0.5, result.score ?? 0),
        `Access to objects is checked by hand-written guards (${listing(guards.slice(0, 3).map((g) => g.name))}${guards.length > 3 ? ` and ${guards.length - 3} more` : ''}: each refuses the caller with an access exception and is called from other files), but no role, permission or policy check was found.`,
        [
          ...guards
            .slice(0, 3)
            .flatMap((g) => [
              fromMatch(g.def, `access guard ${g.name}: checks the caller's access to the object`),
              { path: g.def.path, line: g.throwLine, snippet: g.throwText, note: `${g.name} refuses the caller here` },
              fromMatch(g.use, `${g.name} called here`),
            ]),
          ...result.evidence.filter((e) => e.path !== '.').slice(0, 2),
        ],
        { ...result.data, accessGuards: guards.length },
      );
    }
    // A pipeline step that enforces roles/policies, when no request declares one: the mechanism is
    // there (partial), what it protects is not. The step is a file that reads [Authorize] attributes
    // or is named for authorization (AuthorizationBehaviour, AuthorizationFilter), with a role or
    // policy check in it.
    const pipeline = ctx.matches('dotnetPipeline').filter((m) => isProductionPath(m.path));
    const stepFiles = new Set(
      pipeline
        .filter(
          (m) =>
            /GetCustomAttributes/.test(m.snippet) || /Authoriz\w*(?:Behaviou?r|Filter|Middleware)\.\w+$/.test(m.path),
        )
        .map((m) => m.path),
    );
    const checks = pipeline.filter((m) => stepFiles.has(m.path) && !/GetCustomAttributes/.test(m.snippet));
    if (checks.length === 0) {
      // Say what was found and set aside: policies that let every signed-in caller in.
      const signedInOnly =
        result.outcome === 'fail'
          ? ctx
              .matches('dotnet')
              .filter(
                (m) =>
                  isProductionPath(m.path) &&
                  /\bAddPolicy\b/.test(m.snippet) &&
                  signedInPolicies().has(policyName(m.snippet) ?? '\0'),
              )
          : [];
      if (signedInOnly.length === 0) return result;
      const names = [...new Set(signedInOnly.map((m) => policyName(m.snippet)!))];
      return fail(
        `No authorization found: the ASP.NET ${names.length === 1 ? 'policy' : 'policies'} ${listing(names)} only require${names.length === 1 ? 's' : ''} a signed-in user (RequireAuthenticatedUser), which is authentication; no role, claim or other requirement is checked.`,
        [
          ...signedInOnly
            .slice(0, 3)
            .map((m) =>
              fromMatch(m, 'policy that only requires an authenticated user: authentication, not authorization'),
            ),
          ...result.evidence.slice(0, 2),
        ],
        result.data,
      );
    }
    const step = checks[0]!.path.slice(checks[0]!.path.lastIndexOf('/') + 1).replace(/\.\w+$/, '');
    return partial(
      Math.max(0.6, result.score ?? 0),
      `A hand-written authorization step (${step}) checks roles and policies on requests that declare them, but no request declares a role or policy (no [Authorize(Roles=…)] or [Authorize(Policy=…)] found).`,
      [
        ...checks
          .slice(0, 3)
          .map((m) =>
            fromMatch(
              m,
              /AuthorizeAsync/.test(m.snippet)
                ? 'policy checked by the authorization step'
                : 'role checked by the authorization step',
            ),
          ),
        ...result.evidence.filter((e) => e.path !== '.').slice(0, 2),
      ],
      { ...result.data, pipelineChecks: checks.length },
    );
  },
});

/**
 * Which options an `AddPolicy` call configures, from the nearest setup line around it (scan matches,
 * so no file is read again): `AddAuthorization(options => options.AddPolicy(…))` grants access by
 * policy; `AddRateLimiter` / `RateLimiterOptions` partition requests and `AddCors` names origins. A
 * policy whose lambda requires a role or claim is an authorization policy wherever it is.
 */
function policyKind(m: Match, setups: readonly Match[]): 'authorization' | 'other' {
  if (/\.Require(?:Role|Claim|AuthenticatedUser|Assertion)\s*\(|\bAuthorizationPolicy\b/.test(m.snippet))
    return 'authorization';
  const near = setups.filter((x) => x.path === m.path);
  const above = near.filter((x) => x.line <= m.line && x.line >= m.line - 15).pop();
  if (above && !/\.Require(?:Role|Claim)\s*\(/.test(above.snippet))
    return /RateLimit|\bAddCors\b|\bCorsOptions\b/.test(above.snippet) ? 'other' : 'authorization';
  // The partition a rate-limiter policy returns comes in the lines below.
  const below = near.find((x) => x.line > m.line && x.line <= m.line + 10);
  return below && /RateLimitPartition/.test(below.snippet) ? 'other' : 'authorization';
}

/**
 * An `AddPolicy` whose body only requires a signed-in user (`policy.RequireAuthenticatedUser()`, no
 * role, claim, assertion or requirement): every authenticated caller passes it, which is
 * authentication (blind round 42: a NuGet feed's only policy read as authorization). The body is
 * the AddPolicy line and those below it up to the next AddPolicy or the closing `});`.
 */
function signedInOnlyPolicy(lines: readonly string[]): boolean {
  const body: string[] = [];
  for (const [i, l] of lines.entries()) {
    if (i > 0 && /\bAddPolicy\s*\(/.test(l)) break;
    body.push(l);
    if (i > 0 && /^[ \t]*\}\s*\)\s*;/.test(l)) break;
    if (i === 0 && /\)\s*\)\s*;[ \t]*$/.test(l)) break;
  }
  const text = body.join('\n');
  return (
    /\.RequireAuthenticatedUser\s*\(/.test(text) &&
    !/\.Require(?:Role|Claim|Assertion|UserName)\s*\(|\bRequirements\b|\.AddRequirements\s*\(/.test(text)
  );
}

/** The name an `AddPolicy(` line gives its policy: a string literal or the last part of a constant. */
function policyName(snippet: string): string | undefined {
  const m = /\bAddPolicy\s*\(\s*(?:name\s*:\s*)?(?:"([^"\n]{1,80})"|(?:\w+\.){0,4}(\w+)\s*[,)])/.exec(snippet);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Whether an `[Authorize(… Policy = X …)]` attribute names one of the given policies. */
function signedInPolicyNamed(snippet: string, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  const m = /\bPolicy\s*=\s*(?:"([^"\n]{1,80})"|(?:\w+\.){0,4}(\w+))/.exec(snippet);
  const name = m ? (m[1] ?? m[2]) : undefined;
  return name !== undefined && names.has(name);
}

/**
 * Guards the project wrote itself (`pub fn is_admin(…)`, `def check_permission(…)`,
 * `export function requireRole(`): a definition named for a role or permission that some other
 * line calls — one per file. A guard defined and never called checks nothing.
 */
function ownGuards(
  refs: readonly Match[],
  declaresVar: (path: string, name: string) => boolean,
  notServer: (path: string) => boolean,
  decides: (def: Match, name: string) => boolean = () => true,
  files?: Pick<FileView, 'lines'>,
): { own: Definition[]; unused: Definition[] } {
  const own: Definition[] = [];
  const unused: Definition[] = [];
  const seen = new Set<string>();
  for (const m of refs) {
    // Page code (app/javascript/, a component) hides a button; it refuses no request.
    if (seen.has(m.path) || UI_FILE.test(m.path) || notServer(m.path) || !isProductionPath(m.path)) continue;
    const name = definedName(m.snippet);
    if (!name || !GUARD_NAME.test(name) || NOT_A_GUARD.test(name)) continue;
    if (!decides(m, name)) continue;
    let pool = refs;
    let use = findUse(name, m, pool);
    while (use && use.path !== m.path && declaresVar(use.path, name)) {
      const skip = use.path;
      pool = pool.filter((r) => r.path !== skip);
      use = findUse(name, m, pool);
    }
    // A route handler that checks the caller's permission is called by its framework (a Spring
    // `@GetMapping` handler doing a SelfSubjectAccessReview; blind round 39).
    use ??= files ? routeAnnotation(files, m) : undefined;
    if (use) {
      seen.add(m.path);
      own.push({ def: m, name, use });
    } else unused.push({ def: m, name });
  }
  return { own, unused: own.length > 0 ? [] : unused.slice(0, 3) };
}

/**
 * A word of a decision that differs between signed-in principals: a role, an admin or staff flag, a
 * permission, a scope, a group, an owner, an authority, an ACL or policy.
 */
const PRINCIPAL_DECISION =
  /(?:\b|_|(?<=[a-z]))(?:roles?|admins?|administrators?|permissions?|perms?|scopes?|groups?|owners?|ownership|staff|superusers?|privileges?|authorit(?:y|ies)|acls?|polic(?:y|ies)|grants?|claims?)(?:\b|_|(?=[A-Z]))/i;
/** The longest guard body read (lines). */
const GUARD_BODY_MAX = 200;

/**
 * Whether a guard named for a role decides by the principal: its body (the lines below the definition
 * down to the first line indented no deeper, at most GUARD_BODY_MAX; comments left out) or the rest of
 * its definition line names a role, permission, scope, group or owner. A gate named `requireAdmin…`
 * that only checks a password or a token lets every authenticated caller through: authentication,
 * not authorization (blind round 35, keel: `requireAdminAuthorization` did basic auth or a token).
 */
function decidesByPrincipal(files: FileView, def: Match, name: string): boolean {
  const lines = files.lines(def.path);
  if (!lines) return true;
  const head = lines.line(def.line);
  const at = head.indexOf(name);
  if (at >= 0 && PRINCIPAL_DECISION.test(head.slice(at + name.length, at + name.length + 400))) return true;
  const indent = (t: string) => t.length - t.trimStart().length;
  const base = indent(head);
  const last = Math.min(lines.count, def.line + GUARD_BODY_MAX);
  for (let n = def.line + 1; n <= last; n++) {
    const text = lines.line(n).slice(0, 400);
    const trimmed = text.trim();
    if (!trimmed) continue;
    // At the definition's indentation, an opening brace on its own line (PSR, Allman) or the close of
    // a signature spread over lines (`) {`) continues it; a closing bracket, `end` or the next statement ends it.
    if (indent(text) <= base) {
      if (/^[{)]/.test(trimmed)) continue;
      break;
    }
    if (isCommentLine(trimmed)) continue;
    if (PRINCIPAL_DECISION.test(text)) return true;
  }
  return false;
}

/**
 * An ownership check at `line`: a condition (`if`/`unless`) comparing a resource's owner with the
 * current user, refused with a 403 on that line or the next (`if post.author != current_user(): abort(403)`).
 */
function ownershipCheck(files: FileView, path: string, line: number): boolean {
  const lines = files.lines(path);
  if (!lines) return false;
  const text = lines.line(line).slice(0, 400);
  return (
    OWNER_CMP.test(text) &&
    OWNER_IN.test(text) &&
    (DENY_IN.test(text) || DENY_IN.test(lines.line(line + 1).slice(0, 400)))
  );
}

/** A JVM file that uses Spring Security (its packages, HttpSecurity, a method-security annotation). */
const SPRING_SECURITY_FILE =
  /org\.springframework\.security|\b(?:Server)?HttpSecurity\b|@(?:PreAuthorize|PostAuthorize|Secured|RolesAllowed|EnableMethodSecurity|EnableGlobalMethodSecurity)\b/;
/**
 * A `hasRole`/`hasAuthority` call that is not Spring Security's: the line holds no Spring annotation
 * and its file uses no Spring Security.
 */
function handRoleCall(snippet: string, text: string | undefined): boolean {
  return (
    /\.has(?:Any)?(?:Role|Authority)\s*\(/.test(snippet) &&
    !/@(?:PreAuthorize|PostAuthorize|Secured|RolesAllowed)\b/.test(snippet) &&
    !SPRING_SECURITY_FILE.test(text ?? '')
  );
}

/**
 * Hand-written role middleware (MW_ROLE_COND) that refuses the request and is mounted: the condition
 * and the mount line, for the first such middleware. The function is the nearest definition above
 * the condition (or the file's own name, for a default export imported under it).
 */
function mountedRoleMiddleware(
  files: FileView,
  conds: readonly Match[],
  mounts: readonly Match[],
  production: (path: string) => boolean,
): Evidence[] {
  for (const m of conds) {
    if (!production(m.path)) continue;
    const lines = files.lines(m.path);
    if (!lines) continue;
    const below = lines.window(m.line, 0, MW_BODY, true).join('\n');
    if (!MW_REFUSE.test(below)) continue;
    const above = lines.window(m.line, MW_DEF_ABOVE, 0, true);
    if (!above.some((l) => JS_MW.test(l))) continue;
    const names = new Set<string>();
    for (let i = above.length - 1; i >= 0 && names.size === 0; i--) {
      const d = MW_DEF.exec(above[i]!);
      if (d) names.add((d[1] ?? d[2])!);
    }
    const base = m.path.slice(m.path.lastIndexOf('/') + 1).replace(/\.\w+$/, '');
    if (/^[A-Za-z_$][\w$]*$/.test(base)) names.add(base);
    const mount = mounts.find(
      (x) => production(x.path) && names.has(x.groups.find(Boolean) ?? '') && !(x.path === m.path && x.line <= m.line),
    );
    if (!mount) continue;
    return [
      fromMatch(
        m,
        "hand-written authorization middleware: the caller's roles or permissions checked, the request refused",
      ),
      fromMatch(mount, 'the role middleware mounted on the routes'),
    ];
  }
  return [];
}

/**
 * Access guards (ACCESS_NAME) defined in server code whose body, down to the first line indented no
 * deeper than the definition (at most ACCESS_BODY lines), throws an access exception or answers 403,
 * and that another file calls. One per name; at most 20 definitions read.
 */
function accessGuards(
  files: FileView,
  refs: readonly Match[],
  server: (path: string) => boolean,
): { name: string; def: Match; use: Match; throwLine: number; throwText: string }[] {
  const out: { name: string; def: Match; use: Match; throwLine: number; throwText: string }[] = [];
  const seen = new Set<string>();
  let read = 0;
  for (const m of refs) {
    if (out.length >= 10 || read >= 20) break;
    if (!isProductionPath(m.path) || UI_FILE.test(m.path) || !server(m.path)) continue;
    const name = definedName(m.snippet);
    if (!name || seen.has(name) || !ACCESS_NAME.test(name) || NOT_ACCESS.test(name)) continue;
    const lines = files.lines(m.path);
    if (!lines) continue;
    read++;
    const indent = (t: string) => t.length - t.trimStart().length;
    const head = lines.line(m.line);
    const base = indent(head);
    let refusal: { line: number; text: string } | undefined;
    const last = Math.min(lines.count, m.line + ACCESS_BODY);
    for (let n = m.line + 1; n <= last && !refusal; n++) {
      const text = lines.line(n).slice(0, 400);
      const trimmed = text.trim();
      if (!trimmed || isCommentLine(trimmed)) continue;
      if (indent(text) <= base) {
        if (/^[{)]/.test(trimmed)) continue;
        break;
      }
      if (ACCESS_THROW.test(text) || DENY_IN.test(text)) refusal = { line: n, text: trimmed.slice(0, 120) };
    }
    if (!refusal) continue;
    const use = findUse(name, m, refs);
    if (!use || use.path === m.path || UI_FILE.test(use.path)) continue;
    seen.add(name);
    out.push({ name, def: m, use, throwLine: refusal.line, throwText: refusal.text });
  }
  return out;
}
