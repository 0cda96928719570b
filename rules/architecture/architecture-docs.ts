import { defineRule, type Evidence, type FileView, type Match } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { headingProse, sectionBody } from '../_shared/ops-docs.js';
import { firstPerFile, fromMatch, isAgentDoc, isTestPath } from '../../src/facts/paths.js';

const DOC_GLOBS = [
  '**/ARCHITECTURE*.{md,mdx,rst,adoc,txt}',
  '**/architecture*.{md,mdx,rst,adoc}',
  '**/docs/architecture/**/*.{md,mdx,rst,adoc}',
  '**/doc/architecture/**/*.{md,mdx,rst,adoc}',
  '**/DESIGN.md',
  // Internals documents (`INTERNALS.md`, `docs/internals.md`) explain how the parts work together.
  '**/INTERNALS*.{md,mdx,rst,adoc}',
  '**/docs/internals*.{md,mdx,rst,adoc}',
  '**/docs/design/**/*.{md,mdx,rst,adoc}',
  // Design folders and documents under a language folder (docs/en/design/, docs/zh/architecture.md)
  // or named for the design of a part (`apollo-design.md`, `deployment-architecture.md`).
  '**/docs/**/design/**/*.{md,rst,adoc}',
  // An architecture folder anywhere under docs/ (docs/reference/architecture/overview.md, blind round 48).
  '**/docs/**/architecture/**/*.{md,mdx,rst,adoc}',
  '**/doc/**/design/**/*.{md,rst,adoc}',
  '**/docs/**/*-design.{md,rst,adoc}',
  '**/docs/**/*-architecture.{md,mdx,rst,adoc}',
  '**/*-design.md',
];
const ADR_GLOBS = [
  '**/adr/**/*.{md,rst,adoc}',
  '**/adrs/**/*.{md,rst,adoc}',
  // Upper-case folder names are as common (`ADR/01-….md`, blind round 46: 3 of 7 records unseen).
  '**/{ADR,ADRs,ADRS,Adr}/**/*.{md,rst,adoc}',
  '**/docs/decisions/**/*.{md,rst,adoc}',
  '**/doc/decisions/**/*.{md,rst,adoc}',
  '**/architecture/decisions/**/*.{md,rst,adoc}',
  '**/decision-records/**/*.{md,rst,adoc}',
  // Any folder named for decision records: architecture-decision-log/, adr-log/, design-decisions/.
  '**/*decision-{log,logs,records,record}/**/*.{md,rst,adoc}',
  '**/*-decisions/**/*.{md,rst,adoc}',
  '**/rfcs/**/*.md',
];
/**
 * A heading about CPU architectures ("Single architecture container building", "Supported
 * architectures", "Building for arm64"): the machine the image runs on, not the software's design.
 */
const CPU_ARCH =
  /\b(?:single|multi|multiple|cross|cpu|target|other|supported|different|all)[- ]?(?:platform|arch)|\barchitectures\b|\b(?:arm(?:64|v\d+)?|amd64|x86(?:_64)?|aarch64|i386|riscv\d*|ppc64le|s390x)\b/i;

/**
 * A heading about installing or running the program, not about its parts: "Running without
 * installing as a service", "Install as a Windows service", "Upgrading the Docker image" (blind
 * round 4, jackett: installation sections read as a component walkthrough).
 */
const HOW_TO_RUN =
  /\b(?:install\w*|uninstall\w*|running|run|start\w*|stop\w*|upgrad\w*|updat\w*|setup|set up|configur\w*|deploy\w*|troubleshoot\w*|systemd|launchd|windows|linux|mac ?os|os ?x|docker|homebrew|as an? (?:windows |system )?service)\b/i;

/**
 * A "design" heading about the product's values rather than its structure: "Design principles"
 * (nodemon: "Fewer flags is better", "Works across all platforms"), design goals, philosophy,
 * a UI design system. Architecture is the parts and how they fit, not what the authors value.
 */
const DESIGN_VALUES =
  /\bdesign\s+(?:principles?|goals?|philosophy|philosophies|tenets?|values?|guidelines?|system|tokens?|language)\b|\b(?:ui|ux|visual|graphic|logo|web|api)\s+design\b/i;
/** What a section on the system's design talks about: its parts and how they connect. */
const PARTS =
  /\b(?:components?|modules?|services?|layers?|packages?|subsystems?|processes|controllers?|handlers?|database|queues?|data ?flow|pipelines?|workers?|diagrams?|interfaces?|storage|caches?|servers?|clients?|gateway|adapters?|plugins?|watch(?:es|er)?|events?|requests?|talks? to|calls?)\b/i;

/**
 * A "Components" section that lists the libraries the project is built with ("Backend Web
 * Framework: [Echo](…)", "ORM: [GORM](…)"): a tech stack, not how the system's parts fit together
 * (round 12). Each bullet names a library (a link or `Role: Name`) and no line says what a part
 * does or talks to.
 */
function libraryList(body: string): boolean {
  const bullets = body.split('\n').filter((l) => /^[ \t]*[-*+][ \t]+\S/.test(l));
  if (bullets.length < 2) return false;
  const prose = body
    .split('\n')
    .filter((l) => l.trim() && !/^[ \t]*[-*+][ \t]+/.test(l) && !/^[ \t]*(?:<|!\[|\|)/.test(l));
  const named = bullets.filter((l) => /\[[^\]]+\]\([^)]+\)|^[ \t]*[-*+][ \t]+[\w ./-]{1,40}:[ \t]*\S/.test(l));
  const says =
    /\b(?:talks? to|calls?|sends?|stores?|reads?|writes?|handles?|serves?|receives?|forwards?|publishes|consumes?|runs?|manages?|responsible|communicat\w*|between)\b/i;
  return named.length >= bullets.length * 0.6 && prose.length <= 1 && !bullets.some((l) => says.test(l));
}

/**
 * A to-do list, backlog or roadmap (`docs/architecture-todo.md`, `ROADMAP.md`): work still to do,
 * named so or written as a task list (most of its list items are `- [ ]` check boxes); it plans
 * changes to the system, it does not describe it.
 */
const TODO_NAME = /(?:^|[_.-])(?:todo|todos|backlog|roadmap|wish-?list)(?:[_.-]|$)/i;
function isTaskList(text: string): boolean {
  const items = text.match(/^[ \t]*(?:[-*+]|\d+\.)[ \t]+\S/gm)?.length ?? 0;
  const boxes = text.match(/^[ \t]*(?:[-*+]|\d+\.)[ \t]+\[[ xX]\]/gm)?.length ?? 0;
  return boxes >= 5 && boxes * 2 >= items;
}
/**
 * A design plan for one feature (`docs/plans/2026-03-01-token-refresh-design.md`): kept in a
 * plans or proposals folder or dated like a work log, it designs a change, not the system.
 */
const PLAN = /(?:^|\/)(?:plans?|proposals?|rfcs?|specs?)\/|(?:^|\/)\d{4}-\d{2}-\d{2}[-_][^/]*$/i;

/** A folder of example, sample or demo projects (`examples/`, `samples/`, `demo/`). */
const EXAMPLE_PROJECT = /(^|\/)_?(?:examples?|samples?|demos?)\//i;

/** Documents where an architecture section counts for partial credit (never a pass). */
const SECTION_DOCS = [
  'README*',
  '**/README*.md',
  '**/CONTRIBUTING*.md',
  '**/DEVELOPMENT*.md',
  '**/HACKING*.md',
  'docs/*.md',
  // Contributor guides written for AI assistants too: counted when their section describes the parts.
  '**/CLAUDE.md',
  '**/AGENTS.md',
  '**/GEMINI.md',
];

/** An assistant guide in the project's own folders (`CLAUDE.md`, `AGENTS.md`), not one under a dot-folder. */
const GUIDE = /(^|\/)(?:CLAUDE|AGENTS|GEMINI)\.md$/i;

/**
 * An architecture section with substance: three lines or more (300 characters) of text under the heading. A line or
 * two ("Rails monolith with a Sidekiq worker.") tells an assistant where it is, it does not describe
 * the parts.
 */
/**
 * A page of its own about the system (INFRASTRUCTURE.md, SYSTEM.md: not a README, a changelog, a
 * contributor or assistant guide) whose diagrams come with prose: three or more of its sections
 * hold substantial text (blind round 42: INFRASTRUCTURE.md on tiers, the request path, deploys,
 * secrets and observability, with Mermaid diagrams, was "only diagrams"). At most 400 headings read.
 */
function systemPage(text: string, path: string): boolean {
  if (!/\.(?:md|mdx)$/i.test(path) || NOT_A_SYSTEM_PAGE.test(path)) return false;
  const lines = text.slice(0, 300_000).split('\n');
  let sections = 0;
  let headings = 0;
  for (let i = 0; i < lines.length && headings < 400; i++) {
    const h = /^(#{1,4})[ \t]+\S/.exec(lines[i]!);
    if (!h) continue;
    headings++;
    // The section's prose: its lines up to the next heading of its level or above (at most 80),
    // without fenced blocks (a diagram's source is no prose).
    const prose: string[] = [];
    let fenced = false;
    for (let j = i + 1; j < lines.length && j <= i + 80; j++) {
      const l = lines[j]!;
      const next = /^(#{1,6})[ \t]/.exec(l);
      if (!fenced && next && next[1]!.length <= h[1]!.length) break;
      if (/^[ \t]*(?:```|~~~)/.test(l)) {
        fenced = !fenced;
        continue;
      }
      if (!fenced && !next) prose.push(l);
    }
    if (substantial(prose.join('\n')) && ++sections >= 3) return true;
  }
  return false;
}
const NOT_A_SYSTEM_PAGE =
  /(?:^|\/)(?:README|CHANGELOG|CHANGES|HISTORY|NEWS|RELEASES?|CONTRIBUTING|CODE[-_]OF[-_]CONDUCT|SECURITY|SUPPORT|LICENSE|CLAUDE|AGENTS|GEMINI|TODO|ROADMAP)[^/]*$|(?:^|\/)\.github\//i;

function substantial(body: string): boolean {
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
  // Three paragraphs of 300 characters (entry point, request flow, key types: blind round 19,
  // an AGENTS.md "## Architecture") say as much as five short lines; a line or two stays nothing.
  return lines.length >= 3 && body.length >= 300;
}
/** A numbered (or ADR-prefixed) file name, as decision records are kept. */
const NUMBERED = /(?:^|\/)(?:adr[-_]?)?\d{1,5}[-_.][^/]+$/i;
/** A Status or Context heading, or a `Status:` line (MADR front matter, bold or in a list). */
const ADR_MARK = String.raw`^(?:#{1,4}[ \t]*(?:Status|Context(?: and Problem Statement)?)\b|[ \t]*(?:[*-][ \t]*)?\**Status\**:)`;
/**
 * A mark, then a Decision heading with no other mark between: each mark scans only up to the next
 * one, so many marks cost linear time (a scan of up to 8,000 characters from each of them did
 * not). Every file found before is found (a Decision heading after some mark follows the last
 * mark before it too); the 8,000-character limit is gone, which a long Context section no longer
 * exceeds.
 */
const ADR_SHAPE = new RegExp(
  String.raw`${ADR_MARK}(?:(?!${ADR_MARK})[\s\S])*?^#{1,4}[ \t]*(?:\d+\.?[ \t]*)?Decision(?: Outcome)?\b`,
  'm',
);
const DIAGRAM_GLOBS = [
  '**/*.{puml,plantuml,iuml,pu}',
  '**/*.{mmd,mermaid}',
  '**/*.dsl',
  '**/*.c4',
  '**/*.drawio',
  '**/*.d2',
];
/**
 * Documents named for one side of the system's design — its network, topology or infrastructure
 * layout (`NETWORK.md`, `TOPOLOGY.md`): the architecture document when they draw it (blind round 30,
 * a Terraform module's NETWORK.MD with an ASCII diagram of load balancer, subnets and instances).
 */
const TOPIC_DOC_GLOBS = [
  '{NETWORK,NETWORKING,TOPOLOGY,Network,Networking,Topology,network,networking,topology}.{md,MD,markdown,rst,adoc}',
  'docs/{NETWORK,NETWORKING,TOPOLOGY,network,networking,topology}.{md,MD,markdown,rst,adoc}',
];

/**
 * A drawing in a page or section: a Mermaid/PlantUML block, an image, or an ASCII diagram — two
 * lines or more of boxes and arrows (`+------+`, `-->`, box-drawing characters). Linear: one pass
 * over lines, each tested with bounded character classes.
 */
export function drawsDiagram(text: string): boolean {
  // Mermaid that draws only a process (a git graph, a release flow) is no drawing of the design.
  if (DIAGRAM_BLOCK.test(text)) {
    const blocks = mermaidBlocks(text);
    return blocks.length === 0 || blocks.some((b) => !b.process);
  }
  let n = 0;
  let arrows = 0;
  for (const line of text.split('\n', 4000)) {
    // An image of the design (its alt text or file named for it), not a screenshot or a badge.
    if (
      (line.includes('![') || /<img\b/i.test(line)) &&
      /architecture|diagram|topology|overview|design|components?|infrastructure/i.test(line.slice(0, 1000))
    )
      return true;
    // Arrows, not an HTML comment's `-->`; boxes alone may be a reStructuredText grid table.
    const arrow = /[─│┌┐└┘├┤┬┴┼→▶►]|-{2,}>|<-{2,}|={2,}>/.test(line) && !line.includes('<!--') && !/-->\s*$/.test(line);
    if (arrow) arrows++;
    if ((arrow || /\+-{3,}/.test(line)) && ++n >= 2 && arrows > 0) return true;
  }
  return false;
}

/**
 * A visual design system (`DESIGN.md` as a UI design-token seed: "# Design System", sections on
 * colours, typography, spacing, hex colour values): how screens look, not how the software's parts
 * fit together (blind round 41, a design-token DESIGN.md read as the architecture document). Decided
 * from the text, whatever the file's name: two or more visual-design headings, or a design-system
 * title, or eight hex colours, and no diagram and no section about the system's parts.
 */
const VISUAL_HEADING =
  /^#{1,4}[ \t]+(?:[\w-]+[ \t]+)?(?:colou?rs?|colou?r palette|palette|typography|type scale|fonts?|spacing|elevation|shadows?|motion|iconography|icons|radius|radii|borders?|design tokens?|tokens|brand|logo)\b/gim;
const DESIGN_SYSTEM_TITLE =
  /^#{1,2}[ \t]+(?:[^\n]{0,60}\b)?(?:design system|style ?guide|visual (?:design|language)|brand guidelines?|ui kit)\b/im;
const SYSTEM_HEADING =
  /^#{1,4}[ \t]+[^\n]{0,80}\b(?:architecture|components? overview|services?|modules?|layers?|data ?flow|request flow|subsystems?|backend|database|deployment|decisions?|internals|how it works)\b/im;
export function visualDesignDoc(text: string): boolean {
  const head = text.slice(0, 60_000);
  const visual = head.match(VISUAL_HEADING)?.length ?? 0;
  const hex = head.match(/#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b/g)?.length ?? 0;
  if (visual < 2 && !DESIGN_SYSTEM_TITLE.test(head) && hex < 8) return false;
  return !drawsDiagram(head) && !SYSTEM_HEADING.test(head);
}

/** Pictures of the architecture: diagrams, but not diagrams as code (nobody can review a change to a PNG). */
const IMAGE_GLOBS = ['**/*architecture*.{png,svg,jpg,jpeg}', '**/*-arch.{png,svg}'];

/** The opening line of a diagram block: a Markdown fence, an RST directive or an AsciiDoc block attribute. */
const DIAGRAM_BLOCK =
  /^[ \t]*(?:(?:`{3,}|~{3,})[ \t]*(?:mermaid|plantuml|puml)\b|\.\.[ \t]+(?:mermaid|uml|plantuml)::|\[(?:mermaid|plantuml)\b)/m;

/**
 * A page's title: a Markdown H1 or AsciiDoc `=` title (`# How pipdeptree works`), or the text over an
 * RST/Setext underline (`How pipdeptree works` ⏎ `====`). The scan keeps the first per page, the title;
 * TITLE_WORDS is then asked of that line (its first 200 characters). Linear: the title starts at a
 * non-blank, and no class crosses a line end (\u2028 and \u2029 included, where `^` also matches).
 */
const DOC_TITLE =
  /^[#=][ \t]+[^ \t\n\r\u2028\u2029]|^[ \t]{0,4}[^ \t\n\r\u2028\u2029][^\n\r\u2028\u2029]*\r?\n[=\-~^*#]{3,}[ \t]*$/m;
/** What a title says when the page explains the system's workings. */
const TITLE_WORDS =
  /\b(?:architecture|internals|how [\w.-]{1,40}(?: [\w.-]{1,40}){0,2} works|system design|design overview|high[- ]level design)\b/i;
/** Line numbers (1-based) inside fenced code blocks (``` or ~~~, the closing fence of the same kind). */
function fencedLines(text: string): Set<number> {
  const out = new Set<number>();
  let fence: string | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const f = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(lines[i]!);
    if (fence === null) {
      if (f) fence = f[1]!;
    } else if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && !/\S/.test(lines[i]!.slice(f[0].length))) {
      fence = null;
    } else out.add(i + 1);
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'architecture-docs',
    title: 'The design is written down',
    failureTitle: 'No architecture documentation',
    description:
      'An architecture overview and a record of the decisions behind it let new engineers and reviewers understand why the system is shaped as it is, and stop the same debates from recurring.',
    remediation:
      'Add an ARCHITECTURE.md (components, data flow, dependencies, deployment) and record significant decisions as ADRs in docs/adr/ (e.g. with adr-tools or MADR); keep diagrams as code (Mermaid, PlantUML, Structurizr).',
    severity: 'low',
    effort: 'medium',
    detection:
      'Pass: ARCHITECTURE.md or docs/architecture*, a docs page titled for how the system works whatever its file name (`How pipdeptree works`, `Architecture`, `Internals`, `System design` as its Markdown H1, RST or Setext title), DESIGN.md/docs/design (also under a language folder: docs/en/design/, *-design.md, docs/**/*-architecture.md), or an ADR folder (adr/, adrs/, docs/decisions/, architecture/decisions/, .adr-dir). Also pass (RULES.md lists them): diagrams as code — *.puml, *.mmd, Structurizr *.dsl, *.drawio, *.d2, or Mermaid/PlantUML blocks on a documentation page (docs/…, a page named for diagrams; Markdown or MDX fences, reStructuredText `.. mermaid::`/`.. uml::` directives, AsciiDoc `[mermaid]`/`[plantuml]` blocks). A page whose Mermaid diagrams all draw a process — an issue or pull-request life cycle, a release workflow, a gitGraph or Gantt chart — is set aside and named, not credited. Architecture pages in MDX count like Markdown (packages/docs/contributing/architecture.mdx). Partial: a Mermaid block only in a README or other page, architecture images (images named *architecture* are diagrams, not diagrams as code) or an Architecture section in the README, CONTRIBUTING or DEVELOPMENT guide, or in CLAUDE.md/AGENTS.md when it has three lines or more (300 characters) of text (other instructions for AI assistants — .github/copilot-*.md, .cursorrules — and a line or two in CLAUDE.md earn nothing) (or a README that walks through the services/components under three or more headings). ADRs are also found by shape: a numbered file with a Status or Context heading followed by a Decision heading. A design plan for one feature (in a plans/proposals/rfcs/specs folder, or a dated file such as docs/plans/2026-03-01-x-design.md) is partial, never the architecture document, and so is a to-do list (a file named *todo*/*backlog*/*roadmap*, such as docs/architecture-todo.md, or one whose list items are mostly `- [ ]` check boxes); a Components heading over a list of the libraries used (a tech stack), or in the README of a folder of deployment manifests (only YAML/JSON beside it), is no architecture section.',
    patterns: {
      // Mermaid or PlantUML blocks in any documentation markup: a Markdown fence (```mermaid, ```plantuml),
      // a reStructuredText directive (sphinxcontrib-mermaid `.. mermaid::`, sphinxcontrib-plantuml
      // `.. uml::`) or an AsciiDoc block (`[mermaid]`, `[plantuml]`) (blind round 26, pipdeptree:
      // docs/explanation.rst "How pipdeptree works" with five `.. mermaid::` diagrams was "no diagrams").
      mermaid: {
        regex: DIAGRAM_BLOCK,
        files: ['**/*.{md,mdx,rst,adoc,asciidoc}'],
        literals: ['mermaid', 'uml'],
        maxPerFile: 1,
      },
      // A documentation page titled for the system's workings ("How pipdeptree works", "Architecture",
      // "Internals", "System design"): the page is the architecture document, whatever its file name.
      docTitle: {
        regex: DOC_TITLE,
        files: ['docs/**/*.{md,mdx,rst,adoc,asciidoc}', 'doc/**/*.{md,mdx,rst,adoc,asciidoc}'],
        maxPerFile: 1,
      },
      readmeSection: {
        // "Components" only as the heading itself ("## Components", "## System components"), not
        // in passing ("Default parameters (applied to all demo components)").
        // The text after the blanks starts at a non-blank (`[^ \t…]`): blanks that either part
        // could take made a long run of spaces quadratic.
        regex:
          /^#{1,4}[ \t]+(?:(?:[^ \t\n\r\u2028\u2029].*)?\b(architecture|design|how it works|topology|internals|overview)\b|(?:the |system |main |core |key )?(components)[ \t]*$)/im,
        files: SECTION_DOCS,
        literals: ['rchitecture', 'esign', 'ow it works', 'omponents', 'opology', 'nternals', 'verview'],
        ignoreCase: true,
        // More than one: a CPU-architecture heading above the real one is set aside (CPU_ARCH).
        maxPerFile: 5,
      },
      // A README that walks through the system part by part ("Account service", "Config service",
      // "API Gateway"…) under headings of their own describes the architecture without the word.
      componentHeading: {
        // Linear: the title starts at a non-blank, and `.` stops at a lone \r, after which `^`
        // starts again (`[^\n]*` ran on from every \r-separated heading of a line to its end).
        regex:
          /^#{2,5}[ \t]+(?:[^ \t\n\r\u2028\u2029].*)?\b(?:services?|components?|gateway|modules?|layers?)\b[^\n]*/im,
        files: ['README*'],
        literals: ['ervice', 'omponent', 'ateway', 'odule', 'ayer'],
        ignoreCase: true,
        maxPerFile: 8,
      },
      // A decision record by its shape: a Status or Context heading, then a Decision heading
      // (Nygard, MADR), in a numbered file of any folder (`0003-use-postgres.md`).
      adrShape: {
        regex: ADR_SHAPE,
        files: ['**/*.{md,rst,adoc}'],
        literals: ['Decision'],
        maxPerFile: 1,
      },
    },
  },
  check(ctx) {
    // Tests, what lives in dot-folders (vendored agent skills in .agents/, editor settings), and
    // instructions for AI assistants (AGENTS.md, CLAUDE.md): guidance for a tool, not documentation.
    // An example project's README (examples/indexable/README.md "How it works") explains the
    // example, not this system (round 9, caffeine).
    const keep = (p: string) =>
      !isTestPath(p) && !/(^|\/)\.[^/]+\//.test(p) && !isAgentDoc(p) && !EXAMPLE_PROJECT.test(p);
    // A `# comment` inside a fenced code block is code, not a heading of the page (round 15, click:
    // docs/advanced.md "# And how it works on the command line:" in an example). Each page is read
    // once, only when a heading matched in it.
    const fences = new Map<string, Set<number>>();
    const prose = (m: Match) => {
      if (!/\.(?:md|markdown|mdx)$/i.test(m.path)) return true;
      let fenced = fences.get(m.path);
      if (!fenced) fences.set(m.path, (fenced = fencedLines(ctx.files.read(m.path) ?? '')));
      return !fenced.has(m.line);
    };
    // A docs page whose title names the system's workings (`How pipdeptree works`, `Architecture`,
    // `Internals`) is the architecture document whatever its file name (docs/explanation.rst): the
    // title is its first heading, within the page's first lines; CPU-architecture titles stay out.
    const titled = ctx
      .matches('docTitle')
      .filter(
        (m) =>
          m.line <= 12 &&
          TITLE_WORDS.test(m.snippet.slice(0, 200)) &&
          !CPU_ARCH.test(m.snippet) &&
          !HOW_TO_RUN_TITLE.test(m.snippet) &&
          prose(m) &&
          firstHeading(ctx.files.read(m.path) ?? '', m.line),
      )
      .map((m) => m.path);
    const matched = [...new Set([...ctx.files.match(DOC_GLOBS), ...titled])].sort().filter(keep);
    // Feature plans count as partial (below), not as the architecture document.
    const plans = matched.filter((p) => PLAN.test(p) && !/(?:^|\/)ARCHITECTURE[^/]*$/i.test(p));
    const todos = matched.filter(
      (p) =>
        !plans.includes(p) &&
        (TODO_NAME.test(p.slice(p.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '')) ||
          isTaskList(ctx.files.read(p) ?? '')),
    );
    const drawn = ctx.files
      .match(TOPIC_DOC_GLOBS)
      .filter((p) => keep(p) && !matched.includes(p) && drawsDiagram(ctx.files.read(p) ?? ''));
    // A visual design system (colours, typography, spacing) is set aside, whatever its name.
    const visual = matched.filter(
      (p) => !plans.includes(p) && !todos.includes(p) && visualDesignDoc(ctx.files.read(p) ?? ''),
    );
    const docs = [...matched.filter((p) => !plans.includes(p) && !todos.includes(p) && !visual.includes(p)), ...drawn];
    const adrDirFile = ctx.files.named('.adr-dir');
    const shaped = ctx
      .matches('adrShape')
      .map((m) => m.path)
      .filter((p) => NUMBERED.test(p));
    const adrs = [...new Set([...ctx.files.match(ADR_GLOBS), ...shaped, ...numberedInArchitecture(ctx.files)])]
      // A folder's index is no record: README, index.md, a Hugo section index (`_index.md`), a
      // template, a table of contents (round 21, ardalis-ca architecture-decisions/_index.md).
      .filter((p) => keep(p) && !/(^|\/)_?(readme|index|template|toc|summary)[^/]*$/i.test(p))
      .sort();
    // Decision records kept in one file (a decision log): their records count as ADRs (blind round 48).
    const logs = decisionLogs(ctx.files, keep).filter((l) => !adrs.includes(l.path));
    const records = adrs.length + logs.reduce((n, l) => n + l.records, 0);
    // A decision log or record under an architecture folder is cited as what it is, not as the overview.
    for (let i = docs.length - 1; i >= 0; i--)
      if (adrs.includes(docs[i]!) || logs.some((l) => l.path === docs[i])) docs.splice(i, 1);
    const diagrams = ctx.files.match(DIAGRAM_GLOBS).filter(keep);
    // A page's Mermaid diagrams count when one of them draws the system (its parts, calls, data);
    // a page whose diagrams all draw a process — an issue or pull-request life cycle, a release
    // workflow, a git graph or a Gantt chart — is set aside and named (blind round 23, commitizen
    // docs/contributing/contributing.md:114 "Issue life cycle"). Only pages with a Mermaid block are read.
    const processDiagrams: (Match & { heading?: string })[] = [];
    const mermaid = ctx
      .matches('mermaid')
      .filter((m) => keep(m.path) && !SITE_CONTENT.test(m.path))
      .flatMap((m) => {
        const blocks = mermaidBlocks(ctx.files.read(m.path) ?? '');
        const system = blocks.find((b) => !b.process);
        if (system || blocks.length === 0) return [system ? { ...m, line: system.line, snippet: system.snippet } : m];
        const b = blocks[0]!;
        processDiagrams.push({
          ...m,
          line: b.line,
          snippet: b.snippet,
          ...(b.heading ? { heading: b.heading } : {}),
        });
        return [];
      });
    const found: string[] = [];
    const evidence: Evidence[] = [];
    if (docs.length) {
      found.push('architecture document');
      evidence.push(...docs.slice(0, 3).map((p) => ({ path: p, note: 'architecture document' })));
    }
    if (records || adrDirFile.length) {
      found.push(`${records} architecture decision record(s)`);
      evidence.push(
        ...logs.slice(0, 2).map((l) => ({
          path: l.path,
          line: l.line,
          note: `decision log: ${l.records} decision record${l.records === 1 ? '' : 's'} kept in one file (${records} in total)`,
        })),
        ...[...adrDirFile, ...adrs].slice(0, 3).map((p) => ({ path: p, note: `ADR (${records} in total)` })),
      );
    }
    if (diagrams.length || mermaid.length) {
      found.push('diagrams as code');
      evidence.push(
        ...diagrams.slice(0, 2).map((p) => ({ path: p, note: 'diagram as code' })),
        // Diagrams of the architecture document first: another page's may draw an example.
        ...mermaid
          .slice()
          .sort((a, b) => Number(!docs.includes(a.path)) - Number(!docs.includes(b.path)))
          .slice(0, 2)
          .map((m) => fromMatch(m, 'Mermaid diagram')),
      );
    }
    if (plans.length) {
      found.push(`${plans.length === 1 ? 'a design plan' : `${plans.length} design plans`} for single features`);
      evidence.push(
        ...plans.slice(0, 2).map((p) => ({
          path: p,
          note: 'design plan for one feature (a plans folder or a dated file): it designs a change, not the system',
        })),
      );
    }
    if (todos.length) {
      found.push(todos.length === 1 ? 'a to-do list' : `${todos.length} to-do lists`);
      evidence.push(
        ...todos.slice(0, 2).map((p) => ({
          path: p,
          note: 'to-do list, backlog or roadmap (by its name or its check boxes): it plans changes, it does not describe the system',
        })),
      );
    }
    const aside: Evidence[] = processDiagrams
      .slice(0, 2)
      .map((m) =>
        fromMatch(
          m,
          `set aside: the Mermaid diagrams here draw a process${m.heading ? ` (under "${m.heading}")` : ''} — an issue, pull-request or release life cycle — not the system's parts`,
        ),
      );
    aside.push(
      ...visual.slice(0, 2).map((p) => ({
        path: p,
        line: 1,
        note: "set aside: a visual design system (colours, typography, spacing), not the system's architecture",
      })),
    );
    const images = ctx.files.match(IMAGE_GLOBS).filter(keep);
    if (images.length) {
      found.push('architecture diagrams as images');
      evidence.push(
        ...images.slice(0, 2).map((p) => ({ path: p, note: 'architecture diagram (image, not diagram as code)' })),
      );
    }
    const data = {
      documents: docs.length,
      plans: plans.length,
      todos: todos.length,
      adrs: records,
      diagrams: diagrams.length + mermaid.length,
      images: images.length,
    };
    if (docs.length || records || adrDirFile.length) {
      // An Architecture section of a README is an overview too, short of a document of its own
      // (blind round 46: "no architecture overview" beside README.md "## Architecture" and its diagram).
      // So is a page about the system (Mermaid diagrams and prose sections) beside decision records.
      const systemPage0 = docs.length
        ? undefined
        : firstPerFile(
            mermaid.filter((m) => systemPage(ctx.files.read(m.path) ?? '', m.path)),
            1,
          )[0];
      const overviewSection =
        docs.length || systemPage0
          ? undefined
          : ctx
              .matches('readmeSection')
              .find((m) => keep(m.path) && /^#{2,4}[ \t]/.test(m.snippet.trim()) && /architecture/i.test(m.snippet));
      const missing = [
        docs.length || systemPage0
          ? ''
          : overviewSection
            ? `the overview only as a section of ${overviewSection.path}`
            : 'no architecture overview',
        records ? '' : 'no decision records',
      ].filter(Boolean);
      if (systemPage0) found.unshift(`a page about the system with diagrams and prose (${systemPage0.path})`);
      return pass(
        `Design written down: ${listing(found)}${missing.length ? ` (${listing(missing)})` : ''}.`,
        [
          ...(systemPage0
            ? [fromMatch(systemPage0, 'a page about the system: Mermaid diagrams and three or more sections of prose')]
            : []),
          ...evidence.filter((e) => !(systemPage0 && e.path === systemPage0.path)),
          ...(overviewSection
            ? [fromMatch(overviewSection, `architecture section in ${overviewSection.path.split('/').pop()}`)]
            : []),
          ...aside,
        ],
        data,
      );
    }
    // Diagrams as code are architecture evidence as RULES.md lists them (`*.puml`, `*.mmd`,
    // Structurizr): a diagram file, or Mermaid diagrams on a documentation page (docs/…, a page
    // named for diagrams). A lone Mermaid block in a README stays partial (round 14: a docs/Diagrams.md
    // of Mermaid flowcharts was called "only diagrams").
    const diagramPages = mermaid.filter(
      (m) => /(^|\/)docs?\/|diagram/i.test(m.path) && !/(^|\/)readme[^/]*$/i.test(m.path),
    );
    const systemPages = firstPerFile(
      mermaid.filter((m) => systemPage(ctx.files.read(m.path) ?? '', m.path)),
      1,
    );
    if (systemPages.length) {
      const names = listing(systemPages.slice(0, 2).map((m) => m.path));
      return pass(
        `Design written down in ${names}: diagrams as code with prose sections on the system; no decision records.`,
        [
          ...systemPages
            .slice(0, 2)
            .map((m) => fromMatch(m, 'a page about the system: Mermaid diagrams and three or more sections of prose')),
          ...evidence.filter((e) => !systemPages.some((m) => m.path === e.path)),
          ...aside,
        ],
        data,
      );
    }
    if (diagrams.length || diagramPages.length) {
      return pass(
        `Design written down as diagrams as code (${listing([...diagrams.slice(0, 2), ...diagramPages.slice(0, 2).map((m) => m.path)])})${found.length > 1 ? `, with ${listing(found.filter((f) => f !== 'diagrams as code'))}` : ''}; no architecture overview document or decision records.`,
        [...evidence, ...aside],
        data,
      );
    }
    const byReadme = new Map<string, Match[]>();
    for (const m of ctx
      .matches('componentHeading')
      .filter((x) => keep(x.path) && !HOW_TO_RUN.test(x.snippet) && prose(x)))
      byReadme.set(m.path, [...(byReadme.get(m.path) ?? []), m]);
    const walkthrough = [...byReadme.values()].filter((ms) => ms.length >= 3).map((ms) => ms[0]!);
    // A "design" heading counts when it names the system's design and its text is about parts
    // (components, services, data flow); "Design principles" with product bullets is no architecture.
    // "Overview", "Topology", "Internals" name the design only when the section draws it (a
    // diagram: ASCII, Mermaid, an image), or, for topology and internals, explains it at length
    // (blind round 30, a Terraform module's README "## Overview" with an ASCII topology). An
    // "Overview" of prose is the project's introduction.
    const drawnSection = (m: Match) => {
      if (/architecture|design|how it works|components/i.test(m.snippet)) return true;
      const body = sectionBody(ctx.files.read(m.path) ?? '', m.line);
      return drawsDiagram(body) || (/topology|internals/i.test(m.snippet) && substantial(body));
    };
    const aboutParts = (m: Match) =>
      drawnSection(m) &&
      (!/design/i.test(m.snippet) ||
        /architecture|how it works|\bcomponents\b/i.test(m.snippet) ||
        (!DESIGN_VALUES.test(m.snippet) && PARTS.test(sectionBody(ctx.files.read(m.path) ?? '', m.line))));
    // "How it works" under a section about something else ("## Code formatting with Spotless" ⏎
    // "### How it works") explains that subject, not the system (blind round 22, laa-cma README.md:185).
    const toolHowTo = (m: Match) => {
      if (!/how it works/i.test(m.snippet) || /architecture|design/i.test(m.snippet)) return false;
      const parent = parentHeading(ctx.files.read(m.path) ?? '', m.line);
      return !!parent && parent.level >= 2 && !SYSTEM_PARENT.test(parent.text);
    };
    // A Components heading over a list of the libraries used is a tech stack. So is one in the
    // README of a folder of deployment manifests (deploy/bases/database/README.md beside its YAML):
    // it lists those manifests' resources, not the system's parts (blind round 43, a demo
    // database's kustomize base).
    const stack = (m: Match) =>
      /components/i.test(m.snippet) &&
      (manifestFolderReadme(m.path) || libraryList(sectionBody(ctx.files.read(m.path) ?? '', m.line)));
    const manifestFolders = new Map<string, boolean>();
    function manifestFolderReadme(path: string): boolean {
      const slash = path.lastIndexOf('/');
      if (slash < 0 || !/^README/i.test(path.slice(slash + 1))) return false;
      const dir = path.slice(0, slash);
      let known = manifestFolders.get(dir);
      if (known === undefined) {
        const others = ctx.files.match([`${dir}/*`]).filter((f) => !/\/README[^/]*$/i.test(f));
        known = others.length >= 2 && others.every((f) => /\.(?:ya?ml|json)$/i.test(f));
        manifestFolders.set(dir, known);
      }
      return known;
    }
    // A folder's README titled with the folder's own name (`print/components/README.md` "# COMPONENTS",
    // a framework's boilerplate: "This directory is not required…") says what that folder holds,
    // not how the system is built (blind round 49).
    const folderTitle = (m: Match) => {
      const parts = m.path.split('/');
      if (parts.length < 2 || !/^README/i.test(parts[parts.length - 1]!) || !/^#(?!#)/.test(m.snippet.trim()))
        return false;
      const bare = (x: string) => x.toLowerCase().replace(/[^a-z0-9]/g, '');
      return bare(headingProse(m.snippet)) === bare(parts[parts.length - 2]!);
    };
    // CLAUDE.md or AGENTS.md with an Architecture section of substance documents the design as a
    // CONTRIBUTING guide would (blind round 18, validator: CLAUDE.md "## Architecture" names the
    // three layers and their files); other assistant instructions stay set aside.
    const guide = (m: Match) =>
      GUIDE.test(m.path) &&
      !isTestPath(m.path) &&
      !/(^|\/)\.[^/]+\//.test(m.path) &&
      !EXAMPLE_PROJECT.test(m.path) &&
      substantial(sectionBody(ctx.files.read(m.path) ?? '', m.line));
    // A document's title (`# X — Clean Architecture, CQRS…`) names the design in passing: a section
    // heading of its own (`## Architecture`) is cited before it (blind round 24, README.md:50, not :1).
    const isTitle = (m: Match) => /^#(?!#)/.test(m.snippet.trim()) || m.line === 1;
    const sections = firstPerFile(
      ctx
        .matches('readmeSection')
        .slice()
        .sort((a, b) => Number(isTitle(a)) - Number(isTitle(b)))
        .filter(
          (m) =>
            (keep(m.path) || guide(m)) &&
            !todos.includes(m.path) &&
            !CPU_ARCH.test(m.snippet) &&
            prose(m) &&
            aboutParts(m) &&
            !stack(m) &&
            !toolHowTo(m) &&
            !folderTitle(m),
        ),
      Number.POSITIVE_INFINITY,
    );
    const section = [...sections, ...walkthrough.filter((m) => !sections.some((r) => r.path === m.path))];
    if (found.length || section.length) {
      evidence.push(
        ...section
          .slice(0, 2)
          .map((m) =>
            fromMatch(
              m,
              walkthrough.includes(m)
                ? `the README describes the system component by component (${byReadme.get(m.path)!.length} sections)`
                : `architecture section in ${m.path.split('/').pop()}`,
            ),
          ),
      );
      return partial(
        0.5,
        `Only ${listing([...found, ...(section.length ? [`an architecture section in ${section[0]!.path.split('/').pop()}`] : [])])}; no architecture document or decision records${visual.length ? ` (${visual[0]!.split('/').pop()} is a visual design system, not the architecture)` : ''}.`,
        [...evidence, ...aside],
        data,
      );
    }
    const stacks = ctx.matches('readmeSection').filter((m) => keep(m.path) && stack(m));
    return fail(
      `No architecture document, ADRs or diagrams found.${stacks.length ? ` The Components section of ${manifestFolderReadme(stacks[0]!.path) ? `${stacks[0]!.path} lists the resources of the deployment manifests beside it` : `${stacks[0]!.path.split('/').pop()} lists the libraries used (a tech stack)`}, not how the system's parts fit together.` : ''}${processDiagrams.length ? ` The Mermaid diagrams of ${listing([...new Set(processDiagrams.map((m) => m.path.split('/').pop()!))].slice(0, 2))} draw a process (issue, pull-request or release life cycle), not the system.` : ''}${visual.length ? ` ${visual[0]!.split('/').pop()} is a visual design system (colours, typography, spacing), not a description of the system's parts.` : ''}`,
      [
        {
          path: '.',
          note: `no ARCHITECTURE.md, docs/architecture*, DESIGN.md${visual.length ? " describing the system's parts" : ''}, docs/adr/, docs/decisions/, *.puml, *.mmd, *.dsl or Mermaid block in Markdown`,
        },
        ...stacks
          .slice(0, 1)
          .map((m) =>
            fromMatch(
              m,
              manifestFolderReadme(m.path)
                ? 'set aside: the README of a folder of deployment manifests, listing their resources, not an architecture description'
                : 'set aside: a list of the libraries used (a tech stack), not an architecture description',
            ),
          ),
        ...aside,
      ],
      data,
    );
  },
});

/**
 * No heading above `line` (1-based, within the page's first lines): the heading there is the page's
 * title. A Markdown `#`, an AsciiDoc `=` or an underlined title before it makes it a section.
 */
function firstHeading(text: string, line: number): boolean {
  const lines = text.split('\n', line);
  for (let i = 0; i < line - 1; i++) {
    const l = lines[i] ?? '';
    if (/^(?:#{1,6}|={1,6})[ \t]+\S/.test(l)) return false;
    // An underline under text (not the overline of the title itself, which sits just above it).
    if (i > 0 && i < line - 2 && /^([=\-~^*#"+_])\1{2,}[ \t]*$/.test(l) && /\w/.test(lines[i - 1] ?? '')) return false;
  }
  return true;
}

/** A title about running or deploying the program (`How deployment works`, `Deployment architecture` stays). */
const HOW_TO_RUN_TITLE =
  /\bhow (?:to|the (?:release|deploy\w*|install\w*|upgrade)|releases?|deploy\w*|install\w*|upgrad\w*|versioning|contribut\w*) /i;

/** A parent section about the system itself: a "How it works" under it is the system's. */
/**
 * A post or page of a site the repository publishes (a blog's `content/blog/*.mdx`, Jekyll `_posts/`):
 * its diagrams illustrate an article, not the design of this system (blind round 46, a personal
 * site's blog posts on semantic search counted as diagrams as code).
 */
const SITE_CONTENT = /(?:^|\/)(?:content\/(?:blog|posts?|articles?)|_posts|blog\/posts?)\//i;

const SYSTEM_PARENT = /architecture|design|overview|system|internals|concepts|about|introduction|how .* works/i;

/** The nearest Markdown heading above `line` (1-based) of a higher level than the heading there, outside code fences. */
function parentHeading(text: string, line: number): { level: number; text: string } | undefined {
  const lines = text.split('\n');
  const own = /^(#{1,6})[ \t]/.exec(lines[line - 1] ?? '')?.[1]?.length;
  if (!own) return undefined;
  const fenced = fencedLines(text);
  for (let i = line - 2; i >= 0; i--) {
    if (fenced.has(i + 1)) continue;
    const h = /^(#{1,6})[ \t]+(.*)$/.exec(lines[i]!);
    if (h && h[1]!.length < own) return { level: h[1]!.length, text: h[2]!.trim() };
  }
  return undefined;
}

/** Mermaid diagram types that chart time or history, never the system's structure. */
const PROCESS_TYPE = /^(?:gitGraph|gantt|journey|timeline|pie|quadrantChart|xychart-beta|kanban|requirementDiagram)\b/;
/** A heading over a diagram of how people work: issue/PR life cycles, triage, reviews, releases, branching. */
const PROCESS_HEADING =
  /\b(?:life ?cycles?|triage|workflows?|issues?|pull requests?|PRs?|reviews?|releas(?:e|es|ing)|branch(?:es|ing)?|git ?flow|contribut\w*|onboarding|roadmap|schedule)\b/i;
/** Words of a contribution process inside a diagram's nodes and edges. */
const PROCESS_WORDS =
  /\b(?:issues?|pull requests?|PRs?|triage|review(?:ed)?|merged?|approved?|wont-?fix|duplicate|needs-\w+|stale)\b/gi;

/**
 * The Mermaid (and PlantUML) blocks of a page — Markdown fences, RST directives (`.. mermaid::` and its
 * indented body), AsciiDoc `[mermaid]` blocks —: the line and text of the opening, the nearest heading
 * above it (`#` headings, Setext/RST underlined titles, AsciiDoc `=` titles), and whether it draws a
 * process rather than the system — a process diagram type (gitGraph, gantt…), a heading about issues,
 * reviews or releases, or nodes with three different words of a contribution process (issue, PR,
 * triage, merged…). One pass over the lines.
 */
function mermaidBlocks(text: string): { line: number; snippet: string; heading?: string; process: boolean }[] {
  const lines = text.split('\n');
  const out: { line: number; snippet: string; heading?: string; process: boolean }[] = [];
  let heading: string | undefined;
  const add = (i: number, body: string[]) => {
    const kept = body.filter((x) => x.trim() && !/^\s*%%/.test(x) && !/^\s*:\w[\w-]*:/.test(x));
    const type = kept[0]?.trim() ?? '';
    const words = new Set((kept.join(' ').match(PROCESS_WORDS) ?? []).map((w) => w.toLowerCase()));
    out.push({
      line: i + 1,
      snippet: lines[i]!.trim(),
      ...(heading ? { heading } : {}),
      process: PROCESS_TYPE.test(type) || (!!heading && PROCESS_HEADING.test(heading)) || words.size >= 3,
    });
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const h = /^(?:#{1,6}|={1,6})[ \t]+(.*\S)/.exec(l);
    if (h) heading = h[1]!;
    // An underlined title (RST, Setext): a line of one repeated punctuation under a line of text.
    else if (i > 0 && /^([=\-~^*#"+_])\1{2,}[ \t]*$/.test(l) && /^[ \t]*[\w(]/.test(lines[i - 1]!))
      heading = lines[i - 1]!.trim();
    const fence = /^[ \t]*(`{3,}|~{3,})\s*(\w*)/.exec(l);
    if (fence) {
      let j = i + 1;
      while (j < lines.length && !lines[j]!.trimStart().startsWith(fence[1]!)) j++;
      if (/^(?:mermaid|plantuml|puml)$/.test(fence[2]!)) add(i, lines.slice(i + 1, j));
      i = j;
      continue;
    }
    const directive = /^([ \t]*)\.\.[ \t]+(?:mermaid|uml|plantuml)::/.exec(l);
    if (directive) {
      const indent = directive[1]!.length;
      let j = i + 1;
      while (j < lines.length && (!lines[j]!.trim() || /^[ \t]*/.exec(lines[j]!)![0].length > indent)) j++;
      add(i, lines.slice(i + 1, j));
      i = j - 1;
      continue;
    }
    if (/^\[(?:mermaid|plantuml)\b/.test(l)) {
      const delimiter = /^(-{4,}|\.{4,})[ \t]*$/.exec(lines[i + 1] ?? '');
      let j = i + 2;
      if (delimiter) while (j < lines.length && lines[j]!.trim() !== delimiter[1]) j++;
      add(i, delimiter ? lines.slice(i + 2, j) : []);
      i = delimiter ? j : i;
    }
  }
  return out;
}

/** A file named for a log of decision records: decision-records.md, decision-log.md, decisions.md, ADRs.md. */
const DECISION_LOG_GLOBS = [
  '**/{decision-records,decision_records,decision-record,decision-log,decision_log,decisions,adr,adrs,architecture-decisions,architecture-decision-records}.{md,mdx,rst,adoc}',
  '**/{DECISIONS,ADR,ADRs,ADRS}.{md,mdx,rst,adoc}',
];
/** A record's Decision part at the start of a line (not indented: an admonition's template is): a heading, bold label or `Decision:`. */
const DECISION_PART =
  /^(?:#{1,5}[ \t]*(?:\d+\.?[ \t]*)?Decision(?: Outcome)?[ \t]*:?[ \t]*$|\*\*Decision(?: Outcome)?:?\*\*|__Decision__|Decision:(?:[ \t]|$))/gm;

/**
 * Decision logs: files named for decision records (DECISION_LOG_GLOBS) that hold at least one record,
 * counted by their Decision parts (blind round 48: docs/reference/architecture/decision-records.md
 * held several Context / Decision / Consequences records). The first record's line is cited. Files
 * of up to 500 KB are read, 200 records at most each.
 */
function decisionLogs(
  files: FileView,
  keep: (p: string) => boolean,
): { path: string; line: number; records: number }[] {
  const out: { path: string; line: number; records: number }[] = [];
  for (const path of files.match(DECISION_LOG_GLOBS).filter(keep).slice(0, 20)) {
    const text = (files.read(path) ?? '').slice(0, 500_000);
    let records = 0;
    let first = -1;
    for (const m of text.matchAll(DECISION_PART)) {
      if (first < 0) first = m.index;
      if (++records >= 200) break;
    }
    if (records > 0) out.push({ path, line: text.slice(0, first).split('\n').length, records });
  }
  return out;
}

/**
 * Numbered documents in an architecture or design folder (`doc/architecture/001-document-decisions.md`,
 * `002-person-model.md`): decision records kept one per numbered file, even when short of the
 * Status/Decision headings the shape needs (blind round 33). Two or more in one folder: a lone
 * `01-overview.md` is a chapter.
 */
function numberedInArchitecture(files: FileView): string[] {
  const byDir = new Map<string, string[]>();
  for (const p of files.match(['**/architecture/*.{md,rst,adoc}', '**/design/*.{md,rst,adoc}'])) {
    if (!/(?:^|\/)\d{1,5}[-_][^/]+$/.test(p)) continue;
    const dir = p.slice(0, p.lastIndexOf('/'));
    const list = byDir.get(dir) ?? [];
    list.push(p);
    byDir.set(dir, list);
  }
  // Each opens a record (a Status or Context heading); arc42's numbered chapters
  // (`01_introduction_and_goals.md`, `12_glossary.md`) are one architecture document, not records.
  const opens = new RegExp(ADR_MARK, 'mi');
  return [...byDir.values()]
    .filter((l) => l.length >= 2 && !l.some((p) => ARC42_CHAPTER.test(p)))
    .map((l) => l.filter((p) => opens.test((files.read(p) ?? '').slice(0, 20_000))))
    .filter((l) => l.length >= 2)
    .flat();
}

const ARC42_CHAPTER =
  /\/\d{1,2}[-_](?:introduction|architecture[-_]constraints|context[-_]and[-_]scope|solution[-_]strategy|building[-_]block|runtime[-_]view|deployment[-_]view|cross[-_]?cutting|glossary)/i;
