import { defineRule, type Evidence, type Facts, type FileView, type Match } from '../../src/types.js';
import { DEPLOY_CONTEXT, headingProse, OPS_DOC, PRODUCT_ARTEFACT, sectionBody } from '../_shared/ops-docs.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { fromMatch, isAgentDoc, isExampleOnlyFolder, isTestPath } from '../../src/facts/paths.js';

// MDX: the pages of a docs site (Docusaurus `website/docs/`, Nextra, Starlight), which hold a
// project's operating guides as often as docs/ does (blind round 32: website/docs/maintenance/restore.mdx).
const DOC_EXT = '{md,mdx,markdown,rst,adoc,txt}';
/** Documents that are operational by name or place. */
const DEDICATED = [
  `**/{runbooks,runbook,Runbooks,playbooks,operations,ops,sre,oncall,on-call,incidents,postmortems,post-mortems,maintenance,Maintenance}/**/*.${DOC_EXT}`,
  `**/*{runbook,RUNBOOK,Runbook,RunBook}*.${DOC_EXT}`,
  `**/*{incident,Incident,INCIDENT}*.${DOC_EXT}`,
  `**/*{oncall,on-call,on_call,OnCall,ONCALL,ON_CALL}*.${DOC_EXT}`,
  `**/*{postmortem,post-mortem,Postmortem,PostMortem,POSTMORTEM}*.${DOC_EXT}`,
  `**/{OPERATIONS,Operations,operations,OPERATING,PLAYBOOK,playbook}.${DOC_EXT}`,
  '.github/ISSUE_TEMPLATE/*{incident,Incident,postmortem,outage}*',
];
/**
 * Operating guides a deployment package (a Terraform module, a Helm chart) ships for whoever runs
 * what it deploys: troubleshooting and upgrade guides (blind round 30, a Vault module's
 * TROUBLESHOOTING.md and UPGRADING.md).
 */
const PACKAGE_GUIDES = [
  `**/{TROUBLESHOOTING,Troubleshooting,troubleshooting,UPGRADING,Upgrading,upgrading,UPGRADE,Upgrade,upgrade}*.${DOC_EXT}`,
];
/** Topics of a package's operating sections: upgrading it, restoring its data, diagnosing it. */
const PACKAGE_TOPICS: [string, RegExp][] = [
  ['diagnosis', /troubleshoot|diagnos|debugging/i],
  ['recovery', /restor|snapshot|backup|recover|disaster|failover|roll ?back/i],
  ['operations', /upgrad|updating|scaling|maintenance|migrat/i],
];

const NOT_OPS =
  /(?:^|\/)(?:CHANGELOG|CHANGES|HISTORY|NEWS|RELEASES?|CODE[-_]OF[-_]CONDUCT|CONDUCT)[^/]*$|(?:^|\/)(?:node_modules|vendor|third_party)\//i;

/**
 * Documents for contributors and maintainers (CONTRIBUTING, development, building, hacking or
 * maintaining guides): a "Troubleshooting" section there fixes a contributor's build ("patches
 * didn't apply", round 20: code-server's docs/CONTRIBUTING.md) or the project's own tooling (its
 * MAINTAINING.md: a docs preview's logs), not the running system. The same for the CI's own docs
 * (.github/workflows/README.md: a failed restore or test run; round 21, ardalis-ca).
 */
const CONTRIBUTOR_DOC =
  /(?:^|\/)(?:CONTRIBUTING|MAINTAINING|MAINTAINERS|DEVELOPMENT|DEVELOPING|DEVELOPERS?|HACKING|BUILDING|BUILD|RELEASING|RELEASE[-_]?(?:PROCESS|PROCEDURE|GUIDE)|VERSIONING|VERSION[-_]?(?:MANAGEMENT|ING)|dev[-_]?(?:guide|setup)|developer[-_]?guide|local[-_]?(?:setup|development))[^/]*\.(?:md|markdown|rst|adoc|txt)$|(?:^|\/)(?:contributing|development|developers?|building|dev[-_]?guide)\/|^\.github\/(?:workflows|actions)\//i;
/**
 * Folders of example configurations and integration guides for other products (`example_configs/
 * netbox.md`, `examples-k8s/`, `integrations/grafana.md`, `third_party/`): a "Troubleshoot LDAP"
 * section there sets up the other product, it does not operate this one (blind round 27, lldap).
 */
const INTEGRATION_GUIDES = /(?:^|\/)(?:_?examples?[-_.][\w.-]*|[\w.-]*[-_.]examples?|integrations?|third[-_]?party)\//i;
const CONTRIBUTOR_DIAGNOSIS = /troubleshoot|debugging|diagnos/i;
/**
 * Guides for developers who build on the product — plugin, extension, add-on or SDK authors, API
 * clients (`docs/develop/plugins/wasm/assemblyscript.md` "Troubleshooting Network Requests", blind
 * round 35, Signal K): their troubleshooting sections fix the reader's plugin or client, they do not
 * operate this service. Folders (develop/, developers/, plugins/, extensions/, sdk/, api/, reference/)
 * and file names (plugin-development.md, writing-plugins.md, sdk-guide.md).
 */
const DEVELOPER_GUIDE =
  /(?:^|\/)(?:develop|developers?|development|dev[-_]?docs|plugins?|plugin[-_]?dev\w*|extensions?|extending|add-?ons?|sdks?|api|api[-_](?:docs|reference|guide)|reference)\/|(?:^|[/_-])(?:plugins?|extensions?|add-?ons?|sdk)[-_](?:dev\w*|guide|api|authoring)[^/]*$|(?:^|[/_-])(?:writing|developing|creating|authoring|building)[-_](?:plugins?|extensions?|add-?ons?)[^/]*$/i;

/** What an operational heading is about; a runbook worth the name covers more than one. */
const TOPICS: [string, RegExp][] = [
  ['incident response', /incident|\bon-?\s?call\b|escalat|triage|pag(?:er|ing)|severity|outage|war ?room|communicat/i],
  ['diagnosis', /troubleshoot|diagnos|alerts?\b|symptom|dashboards?|investigat|debugging/i],
  ['recovery', /roll ?back|restor(?:e|ing)|recover|failover|fail over|mitigat|disaster|revert|backup|remediat/i],
  ['postmortem', /post-?\s?mortem|root cause|timeline|lessons learned|retrospective|impact|action items/i],
  [
    'operations',
    /runbook|playbook|operat(?:ing|ions?)\b|maintenance|scaling|deploy(?:ment|ing)? procedure|(?:releas|deploy)(?:e|es|ing)? to (?:prod(?:uction)?|live)\b/i,
  ],
];

// Word-bounded: "application calls" holds "on call".
const STRONG =
  /runbook|incident|\bon-?\s?call\b|post-?\s?mortem|escalat|troubleshoot|disaster recovery|roll ?back|failover|outage|(?:releas|deploy)(?:e|es|ing)? to (?:prod(?:uction)?|live)\b/i;

/**
 * The heading a section sits under (`## Installation for Development` above `### Troubleshooting`):
 * the nearest heading before it of a higher level, or undefined.
 */
function parentHeading(text: string, line: number): string | undefined {
  const lines = text.split('\n', line);
  const level = /^(#+)/.exec(lines[line - 1] ?? '')?.[1]?.length;
  if (!level || level < 2) return undefined;
  for (let i = line - 2; i >= 0; i--) {
    const h = /^(#+)\s+(.*)$/.exec(lines[i]!);
    if (h && h[1]!.length < level) return h[2];
  }
  return undefined;
}
/** A parent section about setting up a development machine: its troubleshooting helps contributors. */
const DEV_PARENT = /\b(?:install(?:ation|ing)?|develop(?:ment|ing|er)?|local|getting started|set ?up|contribut)/i;

/**
 * What running the system is about: production, its processes, logs and failures. "the server"
 * alone is also the one a developer starts on a laptop (microblog's "port 5000 is taken on macOS").
 */
const RUNNING =
  /\b(?:production|prod|servers|pods?|kubectl|logs?|restart|outage|latency|error rates?|alerts?|incidents?|on-?call|memory|disk|cpu|health ?checks?|roll ?back|backups?|5\d\d|timeouts?|crash(?:es|ing)?|queue|database is|connection(?:s)? (?:refused|reset|pool))\b/i;
/** What the deployed system is about, beyond what a local run shares with it (connections, timeouts, memory). */
const RUNNING_LIVE =
  /\b(?:production|prod|live|servers|pods?|kubectl|outage|error rates?|alerts?|incidents?|on-?call|roll ?back|backups?|5\d\d|health ?checks?|customers?|users? (?:report|see))\b/i;
/** Running the test suite on a developer's machine: its errors are the contributor's. */
const TEST_RUN =
  /\b(?:tests? (?:errors?|fail(?:s|ed|ures?|ing)?|suite|runs?)|(?:system|unit|integration|feature|browser|e2e|end-to-end) (?:tests?|specs?)|running (?:the )?(?:tests?|specs?)|rspec|minitest|jest|vitest|pytest|phpunit|cypress|playwright|capybara|chromedriver|chromium|selenium)\b/i;
/** What setting up a development machine is about: installing, building, toolchains. */
const DEV_SETUP =
  /\b(?:install(?:s|ed|ing|ation)?|gems?|bundle|brew|homebrew|npm|yarn|pip|compil(?:e|ing)|node_modules|xcode|macs?|macos|rbenv|rvm|nvm|asdf|IDE|editor|local (?:setup|environment)|dev(?:elopment)? (?:setup|environment)|localhost|system preferences|--port|docker[ -]compose up)\b/i;

/** What only a developer's own machine has: a desktop container VM, WSL, a Git checkout's line endings. */
const LOCAL_MACHINE =
  /\b(?:docker[ \t]+(?:desktop|vm|for[ \t]+(?:mac|windows)|on[ \t]+(?:windows|mac(?:os)?))|wsl2?|autocrlf|core\.autocrlf|re-?clone|clone (?:the|this) (?:repo|repository)|your (?:laptop|workstation|dev(?:elopment)? machine))\b/i;

/**
 * A "Deploy to Production" heading is operational when its section speaks of operating the
 * release (verifying it, watching it, rolling it back, promoting from staging), not when it is a
 * first-time setup guide (create the project, set the callback URL, copy the variables: blind round 39).
 */
const DEPLOY_HEADING_ONLY = /(?:releas|deploy)(?:e|es|ing)? to (?:prod(?:uction)?|live)\b/i;
const OTHER_STRONG =
  /runbook|incident|\bon-?\s?call\b|post-?\s?mortem|escalat|troubleshoot|disaster recovery|roll ?back|failover|outage/i;
const OPERATING_RELEASE =
  /\b(?:roll(?:ed|ing|s)?[ -]?back|revert|rollout|health ?checks?|smoke[ -]tests?|verify|monitor\w*|logs?|alerts?|downtime|maintenance window|incidents?|approv\w*|staging|canary|promot\w*)\b/i;

/**
 * What cutting a release is about: the repository's history and version numbers (`git tag -d`,
 * "the version bump commit", a branch to rebase). A development procedure, not the running system.
 */
const RELEASE_TOOLING =
  /\b(?:git|tags?|commits?|branch(?:es)?|bump(?:s|ed|ing)?|bumpversion|rebase|pull requests?|changelog|semver|version numbers?)\b/i;

/**
 * A "Troubleshooting" section in a setup guide about installing gems or a toolchain (casa's
 * "Nokogiri not found on some Macs") helps a contributor, not whoever runs the service: its body
 * speaks of setting up a machine and never of running the system. The same for one in a release
 * procedure about re-tagging a version or undoing a version bump (blind round 27).
 */
function devSetupOnly(body: string, parent = ''): boolean {
  // A container runtime on a developer's own machine (Docker on Windows, the Docker Desktop VM,
  // WSL, Git's autocrlf, re-cloning the repository): its crashes are the contributor's, unless the
  // section also speaks of the deployed system (blind round 39, a README's "Troubleshooting").
  if (LOCAL_MACHINE.test(body) && !RUNNING_LIVE.test(body) && !RUNNING_LIVE.test(parent)) return true;
  if (!(DEV_SETUP.test(body) || RELEASE_TOOLING.test(body))) return false;
  if (!RUNNING.test(body)) return true;
  // A failing local test run ("System tests Error TCP Connection refused" ⏎ "Fix: chromium install")
  // speaks of connections and timeouts too, but of the test suite, never of production (blind round 33).
  return TEST_RUN.test(body) && !RUNNING_LIVE.test(body);
}

/** A debugging guide for a developer's machine: it speaks of setting one up and never of the deployed system. */
function devDebugging(text: string): boolean {
  return devSetupOnly(text) || ((DEV_SETUP.test(text) || LOCAL_MACHINE.test(text)) && !RUNNING_LIVE.test(text));
}

/**
 * A whole product manual or user guide (blind round 32: doc/XXL-JOB-English-Documentation.md, whose
 * "5.4.8 task HA (Failover)" describes a routing strategy of the product): by its name, or by its
 * shape — many headings, among them an introduction, overview or feature list. Its failover or
 * recovery sections describe features; only those with steps for an operator are procedures.
 */
const MANUAL_NAME =
  /(?:^|\/)[^/]*(?:documentation|manual|user[-_ ]?guide|handbook|reference[-_ ]?guide|官方文档|使用文档|用户手册|手册)[^/]*$/i;
const MANUAL_INTRO =
  /^#{1,4}[ \t]+(?:[\d.]+[ \t]*)?(?:brief[ \t]+)?(?:introduction|overview|features|feature list|quick[ \t]?start|getting started)\b/i;
function productManual(path: string, text: string): boolean {
  if (OPS_DOC.test(path)) return false;
  if (MANUAL_NAME.test(path)) return true;
  let headings = 0;
  let intro = false;
  let start = 0;
  for (let n = 0; n < 20000 && start < text.length; n++) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : Math.min(end, start + 300));
    start = end === -1 ? text.length : end + 1;
    if (line.charCodeAt(0) !== 35) continue;
    headings++;
    if (!intro && MANUAL_INTRO.test(line)) intro = true;
  }
  return intro && headings >= 30;
}

/**
 * Steps for an operator under a heading: a numbered list, a bullet or line that starts with an
 * instruction (run, restart, restore, check…), or commands (a shell code block, a `$ ` prompt, a
 * line starting with kubectl, docker, systemctl…). A description of a feature has none.
 */
const STEPS =
  /^[ \t]*(?:\d{1,3}[.)][ \t]+\S|(?:[-*+][ \t]+)?(?:\*\*)?(?:run|restart|stop|start|check|restore|roll ?back|scale|delete|verify|switch|promote|execute|apply|copy|ensure|make sure|re-?run|drain|kill|remove|revert|edit|connect|log ?in|wait|replace|increase|reduce|go to|navigate|click|confirm|disable|enable|reboot|trigger|escalate|page|contact|identify|investigate|look at|inspect)\b|(?:```|~~~)[ \t]*(?:bash|sh|shell|console|zsh|powershell|ps1|cmd)\b|[$][ \t]+\S|(?:sudo|kubectl|docker|systemctl|service|helm|psql|pg_restore|pg_dump|mysql|redis-cli|curl|terraform|aws|gcloud|az)[ \t])/im;

/** A document title naming an operating topic: alerts, restoring, recovery, backups, maintenance, outages. */
const OPS_TITLE =
  /\b(?:alerts?|alerting|restor(?:e|ing)|recover(?:y|ing)?|disaster|failover|backups?|maintenance|troubleshoot\w*|outages?|incidents?)\b/i;
/** What an alert means: "this would indicate", "means that", "is caused by", "fires when". */
const ALERT_MEANING = /\b(?:would indicate|indicates?|means that|(?:is|are) caused by|fires? (?:when|if))\b/i;
/** What to do about it: restore, investigate, check, re-index, restart, remove, escalate, contact. */
const ALERT_ACTION =
  /\b(?:restor(?:e|ing)|investigat\w*|check|re-?index\w*|re-?run|restart|remove|escalat\w*|contact|roll ?back|purge|replay|retry)\b/i;

/**
 * Whether a document (at most its first 400 lines) gives an operator procedures for the running
 * system: steps or commands (STEPS) about it, or at least two sections that each say what an alert
 * or symptom means and what to do about it.
 */
function procedures(text: string): boolean {
  const lines = text.split('\n', 400);
  const body = lines.join('\n');
  if (!(RUNNING.test(body) || RUNNING_LIVE.test(body))) return false;
  if (STEPS.test(body)) return true;
  let answered = 0;
  let section = '';
  for (const l of [...lines, '#']) {
    if (l.startsWith('#')) {
      if (ALERT_MEANING.test(section) && ALERT_ACTION.test(section)) answered++;
      section = '';
    } else section += `${l}\n`;
  }
  return answered >= 2;
}

/** Whether line `line` (1-based) is the document's first heading (its title). */
function isTitle(text: string, line: number): boolean {
  const lines = text.split('\n', line);
  return !lines.slice(0, line - 1).some((l) => /^(?:#|=)/.test(l) && !/^---/.test(l));
}

const topicsOf = (ms: Match[]) => [
  ...new Set(
    ms.flatMap((m) =>
      PLACE_DIAGNOSIS.has(m)
        ? ['diagnosis']
        : OPERATOR_GUIDE.has(m)
          ? [operatorTopic(m.snippet)]
          : (PACKAGE_MATCH.has(m) ? PACKAGE_TOPICS : TOPICS)
              .filter(([, re]) => re.test(headingProse(m.snippet)))
              .map(([t]) => t),
    ),
  ),
];

/** Whether the repository is a package others deploy: a reusable module or chart, or a chart library. */
function deploymentPackage(facts: Facts, files: FileView): boolean {
  if (facts.reusable) return facts.reusable.kind !== 'ansible-content';
  return (
    facts.profile.id === 'library' &&
    files.match('**/Chart.yaml').some((p) => !isTestPath(p) && !isExampleOnlyFolder(p))
  );
}

/** A package's headings about upgrading, restoring or troubleshooting what it deploys. */
function packageOps(files: FileView, matches: (k: string) => Match[]): Match[] {
  const guides = new Set(files.match(PACKAGE_GUIDES));
  return (
    matches('packageHeading')
      // A README's title names its module (`# Update Certificate Store`), it is no section of it.
      .filter((m) => PACKAGE_HEADING.test(m.snippet) && (guides.has(m.path) || !/^[#=][ \t]/.test(m.snippet)))
      .filter(
        (m) =>
          !isTestPath(m.path) && !isExampleOnlyFolder(m.path) && !NOT_OPS.test(m.path) && !CONTRIBUTOR_DOC.test(m.path),
      )
      .filter((m) => guides.has(m.path) || /(?:^|\/)README[^/]*$/i.test(m.path) || /(?:^|\/)docs?\//i.test(m.path))
      // A note on moving to a new version of the package (`docs/upgrading_to_sql_db_23.0.md`,
      // `upgrade-v3.md`: renamed inputs, state moves) changes the caller's code; it operates nothing
      // (blind round 42: 16 such notes, one cited for "role update in backup module", read as recovery).
      .filter((m) => !VERSION_MIGRATION.test(m.path) && !versionIndex(sectionBody(files.read(m.path) ?? '', m.line)))
      // A section that only points to another README ("### Azure Backup" ⏎ "See the backup module
      // README") names a feature; it holds no procedure (blind round 39).
      .filter((m) => !pointerOnly(sectionBody(files.read(m.path) ?? '', m.line)))
      .map((m) => {
        const out = { ...m };
        PACKAGE_MATCH.add(out);
        return out;
      })
  );
}
/** A package's notes for moving to one of its versions, by file name (`upgrading_to_v2.0.md`, `upgrade-v3.md`). */
const VERSION_MIGRATION = /(?:^|\/)upgrad(?:e|ing)[-_](?:to[-_])?(?:[\w.-]{0,80}[-_])?v?\d[^/]*$/i;
/** What a package's operating heading is about: upgrading, restoring, troubleshooting what it deploys. */
const PACKAGE_HEADING =
  /\b(?:upgrad\w*|updating|restor\w*|snapshots?|backups?|troubleshoot\w*|disaster|recover\w*|failover|scaling|maintenance|roll(?:ing)? ?back)\b/i;
/** Headings found by `packageHeading`: their topics are PACKAGE_TOPICS. */
const PACKAGE_MATCH = new WeakSet<Match>();

/**
 * Guides in a troubleshooting folder (`docs/how-to-guides/troubleshooting/pxe-boot.md`): diagnosis
 * by their place, whatever their headings say ("PXE server logs", "Nodes not booting"), when they
 * give procedures for the running system (blind round 48). Their title stands for them as a
 * diagnosis heading (PLACE_DIAGNOSIS).
 */
const TROUBLESHOOTING_DIR = [`**/{troubleshooting,Troubleshooting,troubleshoot,TROUBLESHOOTING}/**/*.${DOC_EXT}`];
const PLACE_DIAGNOSIS = new WeakSet<Match>();

/**
 * The title of an operator's guide: deploying, upgrading, monitoring, administering or debugging
 * the product. Such a guide (found in check) stands for one topic: diagnosis when it is about
 * debugging or monitoring, operations when it is about deploying, upgrading or administering.
 */
const OPERATOR_TITLE =
  /^\W*(?:deploying|upgrading|monitoring|debugging|troubleshooting|administ(?:ering|ration)|operating)\b|\b(?:deployment|upgrade|monitoring|debugging|administration|operator'?s?)[ \t]+(?:guide|notes|procedure)\b/i;
const OPERATOR_GUIDE = new WeakSet<Match>();
/** What operating a deployed release is about: upgrading or downgrading it, rolling it back, its health check. */
const OPERATING_DEPLOYED =
  /\b(?:upgrad(?:e|es|ed|ing)|downgrad(?:e|es|ed|ing)|health ?checks?|roll(?:ed|ing|s)?[ -]?back)\b|\/health\b/i;
const operatorTopic = (heading: string) =>
  /debugging|monitoring|troubleshoot/i.test(heading) ? 'diagnosis' : 'operations';

export default defineRule({
  meta: {
    id: 'runbooks',
    title: 'Operations are documented',
    failureTitle: 'No runbooks or incident documentation',
    description:
      'Runbooks tell whoever is on call how to diagnose, mitigate and recover without the author in the room; incident and postmortem templates make every outage teach something.',
    remediation:
      'Write runbooks (docs/runbooks/ or RUNBOOK.md) per alert or failure mode: symptoms, diagnosis, mitigation, rollback and escalation; add an incident response/on-call guide and a postmortem template.',
    severity: 'medium',
    effort: 'medium',
    detection:
      'Runbook, incident response, on-call and postmortem documents (docs/runbooks/, RUNBOOK.md, OPERATIONS.md, *incident*.md, *postmortem*.md, issue templates), judged by their headings: incident response, diagnosis, recovery/rollback, postmortem, operations. A document under another name (not a README) whose title names alerts, restoring, recovery, backups, maintenance, troubleshooting or incidents is one by content when its body gives procedures for the running system: steps or commands, or at least two sections that each say what an alert means and what to do (blind round 43: Alerts.md, RestoringSnapshots.md). Operational sections in other docs (a README "Troubleshooting" section) earn partial credit; documents in examples, samples or demo folders, example-configuration folders (example_configs/) and integration guides for other products (integrations/, third_party/) are about those and count for nothing; troubleshooting sections of contributor guides and of guides for developers building on the product (plugin, extension, SDK or API guides: develop/, plugins/, sdk/, api/) fix the reader\'s build or plugin, not the running system.',
    patterns: {
      // A line that starts with `#`, `=` or `**` (`#{1,6}[ \t]*` matched the same lines: the text
      // after could take more marks and blanks, which it shared with them). `.` stops at a lone \r
      // or U+2028, after which `^` starts again (`[^\n]*` ran on from every heading between them).
      opsHeading: {
        regex:
          /^(?:[#=]|\*\*).*(?:runbook|playbook|incident|on-?\s?call|post-?\s?mortem|escalat|roll ?back|disaster|failover|troubleshoot|mitigat|alert|outage|recover|restore|restoring|maintenance|operating|operations|diagnos|severity|root cause|triage|pager|paging|debugging|monitoring|upgrad(?:e|es|ing)\b|deploying|(?:releas|deploy)(?:e|es|ing)? to (?:prod(?:uction)?|live)\b)[^\n]*/gim,
        files: [`**/*.${DOC_EXT}`, '.github/ISSUE_TEMPLATE/*'],
        literals: [
          'runbook',
          'playbook',
          'incident',
          'call',
          'mortem',
          'escalat',
          'roll',
          'disaster',
          'failover',
          'troubleshoot',
          'mitigat',
          'alert',
          'outage',
          'recover',
          'restore',
          'restoring',
          'maintenance',
          'operat',
          'diagnos',
          'severity',
          'root cause',
          'triage',
          'pager',
          'paging',
          'to prod',
          'to live',
          'debugging',
          'monitoring',
          'upgrad',
          'deploying',
        ],
        ignoreCase: true,
        maxPerFile: 12,
      },
      // How to upgrade, restore or troubleshoot what a package deploys: Markdown, AsciiDoc or RST
      // headings (`## Updating StatefulSets`, `## Restoring from Snapshots`); read for packages only.
      packageHeading: {
        // Every heading (its words are tested in packageOps): one bounded run after the marks.
        regex: /^(?:#{1,4}|={1,4})[ \t][^\n\r]{0,200}/gm,
        files: [`**/*.${DOC_EXT}`],
        literals: ['#', '='],
        maxPerFile: 60,
      },
    },
    reads: [...DEDICATED, ...PACKAGE_GUIDES],
  },
  // Runbooks tell an operator how to run something; a library, a CLI or a docs site is not operated.
  // A deployment package (a Terraform module, a Helm chart) is judged when it documents operating
  // what it deploys — upgrading, restoring, troubleshooting (blind round 30): those guides are its
  // runbooks. Without them, its callers operate what they deploy.
  appliesTo: ({ facts, files, matches }) => {
    const pkg = deploymentPackage(facts, files);
    if (pkg && packageOps(files, matches).length > 0) return true;
    return facts.reusable
      ? { reason: `${facts.reusable.reason}: there is no running system of its own to operate` }
      : ['library', 'cli', 'docs'].includes(facts.profile.id)
        ? { reason: `profile is ${facts.profile.id}: there is no running system to operate` }
        : true;
  },
  check(ctx) {
    // An example's documents (docs/examples/mtls/README.md "Troubleshooting") are about running
    // that example, not the project's own system (blind round 25, cluster-operator).
    const relevant = (p: string) =>
      !isTestPath(p) &&
      !NOT_OPS.test(p) &&
      !isAgentDoc(p) &&
      !isExampleOnlyFolder(p) &&
      !INTEGRATION_GUIDES.test(p) &&
      !VERSION_MIGRATION.test(p);
    const headings = ctx.matches('opsHeading').filter((m) => relevant(m.path));
    const manuals = new Map<string, boolean>();
    const manual = (p: string): boolean => {
      let known = manuals.get(p);
      if (known === undefined) manuals.set(p, (known = productManual(p, ctx.files.read(p) ?? '')));
      return known;
    };
    // A document whose title calls it a runbook or playbook is one, wherever it lives
    // ("# SAML SP Key Rotation Runbook" in docs/saml_key_rotation.md).
    const titles = headings.filter(
      (m) =>
        /^(?:#[ \t]|=[ \t])/.test(m.snippet) &&
        /runbook|playbook/i.test(m.snippet) &&
        isTitle(ctx.files.read(m.path) ?? '', m.line),
    );
    // A document titled for alerts, restoring, recovery or maintenance whose body gives an operator
    // procedures for the running system ("# Alerts" ⏎ "### Index size greater" ⏎ "This would indicate
    // … see Restoring Snapshots to restore"; "# Restoring from Snapshots" with its commands) is a
    // runbook by content, whatever its name (blind round 43: Alerts.md, RestoringSnapshots.md).
    const byContent = headings.filter(
      (m) =>
        /^(?:#[ \t]|=[ \t])/.test(m.snippet) &&
        OPS_TITLE.test(headingProse(m.snippet)) &&
        !/(?:^|\/)README[^/]*$/i.test(m.path) &&
        !CONTRIBUTOR_DOC.test(m.path) &&
        !DEVELOPER_GUIDE.test(m.path) &&
        !titles.includes(m) &&
        isTitle(ctx.files.read(m.path) ?? '', m.line) &&
        !manual(m.path) &&
        procedures(ctx.files.read(m.path) ?? ''),
    );
    titles.push(...byContent);
    // An operator's guide by its title — deploying, upgrading, monitoring or debugging the product
    // (a man page in Markdown: "# Deploying <product>" with the upgrade commands and the /health
    // check, "# Debugging <product>" with where the log is and `<product> status`) — whose body gives
    // procedures for the running system: operational sections, not a dedicated runbook (blind round 48).
    const operatorGuides = headings.filter(
      (m) =>
        /^(?:#[ \t]|=[ \t])/.test(m.snippet) &&
        OPERATOR_TITLE.test(headingProse(m.snippet)) &&
        !titles.includes(m) &&
        !/(?:^|\/)README[^/]*$/i.test(m.path) &&
        !CONTRIBUTOR_DOC.test(m.path) &&
        !DEVELOPER_GUIDE.test(m.path) &&
        isTitle(ctx.files.read(m.path) ?? '', m.line) &&
        !manual(m.path) &&
        procedures(ctx.files.read(m.path) ?? '') &&
        // A deploying guide operates the release when it says how to upgrade, roll back or check its
        // health; a first-time setup guide ("Deploying with minimal costs") does not.
        !(
          operatorTopic(m.snippet) === 'operations' &&
          !OPERATING_DEPLOYED.test((ctx.files.read(m.path) ?? '').slice(0, 50_000))
        ) &&
        // Debugging the code on a developer's machine (an IDE, `npm run dev`, localhost) is not operating it.
        !(operatorTopic(m.snippet) === 'diagnosis' && devDebugging((ctx.files.read(m.path) ?? '').slice(0, 20_000))),
    );
    for (const m of operatorGuides) OPERATOR_GUIDE.add(m);
    const titled = titles.map((m) => m.path);
    const dedicated = [...new Set([...ctx.files.match(DEDICATED).filter(relevant), ...titled])];
    const dedicatedSet = new Set(dedicated);
    const placed: Match[] = [];
    for (const p of ctx.files.match(TROUBLESHOOTING_DIR).slice(0, 50)) {
      if (!relevant(p) || CONTRIBUTOR_DOC.test(p) || DEVELOPER_GUIDE.test(p)) continue;
      const text = ctx.files.read(p) ?? '';
      if (!procedures(text)) continue;
      const lines = text.split('\n', 50);
      const at = Math.max(
        0,
        lines.findIndex((l) => /^(?:#|=)[ \t]/.test(l)),
      );
      const m: Match = { path: p, line: at + 1, snippet: (lines[at] ?? '').trim().slice(0, 200), groups: [] };
      PLACE_DIAGNOSIS.add(m);
      placed.push(m);
      if (!dedicatedSet.has(p)) {
        dedicated.push(p);
        dedicatedSet.add(p);
      }
    }
    // The title that made a document dedicated is not a section of it: its topics are its headings.
    const inDedicated = [
      ...placed,
      ...headings.filter(
        (m) =>
          dedicatedSet.has(m.path) &&
          !titles.includes(m) &&
          !placed.some((x) => x.path === m.path && x.line === m.line),
      ),
    ];
    // Outside operational documents only unmistakable headings count: a README's "Alert" component
    // or "Operations" API section is not an operations guide.
    const elsewhere = headings.filter(
      (m) =>
        !dedicatedSet.has(m.path) &&
        !OPERATOR_GUIDE.has(m) &&
        STRONG.test(headingProse(m.snippet)) &&
        !(
          /troubleshoot/i.test(m.snippet) &&
          devSetupOnly(
            sectionBody(ctx.files.read(m.path) ?? '', m.line),
            parentHeading(ctx.files.read(m.path) ?? '', m.line),
          )
        ) &&
        // A section that only points elsewhere (`## Troubleshooting` ⏎ "see [this guide](https://…)")
        // holds no steps of its own (blind round 30, a Helm chart README's one-line link).
        !pointerOnly(sectionBody(ctx.files.read(m.path) ?? '', m.line)) &&
        !(
          DEPLOY_HEADING_ONLY.test(headingProse(m.snippet)) &&
          !OTHER_STRONG.test(headingProse(m.snippet)) &&
          !OPERATING_RELEASE.test(sectionBody(ctx.files.read(m.path) ?? '', m.line))
        ) &&
        // A troubleshooting section of the development setup (`## Installation for Development` ⏎
        // `### Troubleshooting`: Docker Desktop out of disk) is the contributor's (blind round 24).
        !(
          /troubleshoot|debugging|diagnos/i.test(m.snippet) &&
          DEV_PARENT.test(parentHeading(ctx.files.read(m.path) ?? '', m.line) ?? '')
        ) &&
        !(
          (CONTRIBUTOR_DOC.test(m.path) || DEVELOPER_GUIDE.test(m.path)) &&
          CONTRIBUTOR_DIAGNOSIS.test(headingProse(m.snippet))
        ) &&
        // A product manual's section on a feature named failover or recovery is no procedure
        // unless it gives an operator steps (blind round 32).
        !(manual(m.path) && !STEPS.test(sectionBody(ctx.files.read(m.path) ?? '', m.line))) &&
        // A rollback heading elsewhere is operational only when it is about a deployment.
        !(/roll ?back/i.test(m.snippet) && PRODUCT_ARTEFACT.test(headingProse(m.snippet))) &&
        !(
          /roll ?back/i.test(m.snippet) &&
          !/runbook|incident|\bon-?\s?call\b|post-?\s?mortem|escalat|troubleshoot|disaster recovery|failover|outage/i.test(
            headingProse(m.snippet),
          ) &&
          !DEPLOY_CONTEXT.test(`${headingProse(m.snippet)}\n${sectionBody(ctx.files.read(m.path) ?? '', m.line)}`)
        ),
    );
    for (const m of operatorGuides) if (!dedicatedSet.has(m.path)) elsewhere.push(m);
    // A deployment package's operating guides and sections: dedicated when the document is one
    // (TROUBLESHOOTING.md, UPGRADING.md), otherwise sections in its README.
    if (deploymentPackage(ctx.facts, ctx.files)) {
      const ops = packageOps(ctx.files, ctx.matches).filter((m) => relevant(m.path));
      for (const p of ctx.files.match(PACKAGE_GUIDES).filter((x) => relevant(x) && !VERSION_MIGRATION.test(x)))
        if (!dedicatedSet.has(p)) {
          dedicated.push(p);
          dedicatedSet.add(p);
        }
      for (const m of ops) {
        const into = dedicatedSet.has(m.path) ? inDedicated : elsewhere;
        if (!into.some((x) => x.path === m.path && x.line === m.line)) into.push(m);
      }
    }
    const dTopics = topicsOf(inDedicated);
    const eTopics = topicsOf(elsewhere);
    // A dedicated document counts as content when it is more than a title and a TODO.
    const substantial = dedicated.filter((p) => {
      const text = ctx.files.read(p) ?? '';
      return text.split('\n').filter((l) => l.trim()).length >= 4 || text.replace(/\s+/g, ' ').trim().length >= 150;
    });
    const data = { documents: dedicated.slice(0, 20), topics: dTopics, otherDocsTopics: eTopics };
    const cite = (ms: Match[]) => {
      // One heading per topic, so the evidence shows the breadth that earned the verdict.
      const out: Evidence[] = [];
      for (const [t, re] of TOPICS) {
        const m = ms.find((x) =>
          PLACE_DIAGNOSIS.has(x)
            ? t === 'diagnosis'
            : OPERATOR_GUIDE.has(x)
              ? t === operatorTopic(x.snippet)
              : PACKAGE_MATCH.has(x)
                ? (PACKAGE_TOPICS.find(([n]) => n === t)?.[1] ?? /$^/).test(x.snippet)
                : re.test(x.snippet),
        );
        if (m && !out.some((e) => e.path === m.path && e.line === m.line))
          out.push(
            fromMatch(
              m,
              PLACE_DIAGNOSIS.has(m)
                ? `${t} (a guide in a troubleshooting folder)`
                : OPERATOR_GUIDE.has(m)
                  ? `${t} (an operator's guide: ${headingProse(m.snippet).slice(0, 80)})`
                  : t,
            ),
          );
      }
      return out;
    };
    const files = (ps: string[]) => ps.slice(0, 3).map((p): Evidence => ({ path: p, note: 'operational document' }));
    if (dTopics.length >= 2 && substantial.length > 0) {
      return pass(
        `Operational docs cover ${listing(dTopics)} (${dedicated.length} document${dedicated.length === 1 ? '' : 's'}).`,
        [...cite(inDedicated), ...files(substantial)],
        data,
      );
    }
    if (substantial.length > 0 && dTopics.length === 1) {
      const missing = TOPICS.map(([t]) => t).filter((t) => t !== 'operations' && !dTopics.includes(t));
      return partial(
        0.6,
        `Operational docs cover ${dTopics[0]} only; no ${listing(missing.slice(0, 3))} sections.`,
        [...cite(inDedicated), ...files(substantial)],
        data,
      );
    }
    if (dedicated.length > 0) {
      const ev = [...files(dedicated), ...cite(elsewhere)];
      return partial(
        eTopics.length > 0 ? 0.5 : 0.4,
        `Runbook-like documents exist (${listing(dedicated.slice(0, 3))}) but their headings name no diagnosis, mitigation, recovery or escalation steps.`,
        ev,
        data,
      );
    }
    if (eTopics.length > 0) {
      return partial(
        eTopics.length >= 2 ? 0.5 : 0.3,
        `Operational sections in general docs (${listing(eTopics)}), but no dedicated runbook, incident-response or on-call document.`,
        cite(elsewhere),
        data,
      );
    }
    return fail(
      'No runbooks, incident response, on-call or postmortem documentation found.',
      [
        {
          path: '.',
          note: `no docs/runbooks/, RUNBOOK.md, incident, on-call or postmortem document; no operational heading in ${ctx.searched('opsHeading')} documentation files`,
        },
      ],
      data,
    );
  },
});

/**
 * A section with no steps of its own: empty, or one or two lines that each link elsewhere (a
 * Markdown or AsciiDoc link, a bare URL). A pointer to someone else's guide is not a runbook.
 */
/**
 * A section that lists the package's version notes (`## Upgrading` ⏎ "guides are available" ⏎
 * `- [3.X -> 4.0](./docs/upgrading_to_x_4.0.0.md)` …): every link goes to a version note, and at most
 * two lines say anything else.
 */
function versionIndex(body: string): boolean {
  let links = 0;
  let other = 0;
  for (const l of body.split('\n', 400)) {
    const t = l.trim();
    if (!t) continue;
    const targets = [...t.matchAll(/\]\(([^)\s]{1,300})\)/g)].map((x) => x[1]!);
    if (targets.length === 0) {
      if (++other > 2) return false;
      continue;
    }
    if (!targets.every((x) => VERSION_MIGRATION.test(x.replace(/#.*$/, '')))) return false;
    links += targets.length;
  }
  return links > 0;
}

function pointerOnly(body: string): boolean {
  const lines: string[] = [];
  for (const l of body.split('\n', 200)) {
    const t = l.trim();
    if (t) lines.push(t);
    if (lines.length > 2) return false;
  }
  return lines.every((l) => /\]\([^)\s]+\)|https?:\/\/\S|\blink:\S|<<[\w-]+/.test(l));
}
