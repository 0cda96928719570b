import { defineRule, type Evidence } from '../../src/types.js';
import { fail, listing, partial, pass, unknown } from '../../src/engine/results.js';

// GitHub shows a README from the root, .github/ or docs/, in that order.
const README = /^(\.github\/|docs\/)?readme(\.(md|markdown|rst|txt|adoc|asciidoc|org))?$/i;

// `exact`: a heading that means the section outright ("Usage", "Examples", "Development",
// "Contributing"); it wins over a loose word match elsewhere ("Terms of use", "📁 Bundleless build").
// `heading` is the looser fallback, `weak` the last resort.
const SECTIONS: { name: string; exact?: RegExp; heading: RegExp; weak?: RegExp }[] = [
  {
    name: 'installation',
    heading:
      /install|setup|set up|\bdownload|get(?:ting)? started|quick ?start|requirements|prerequisites|before you (?:start|begin)|self-?host|start(?:ing)?\b.*\blocally|run(?:ning)? locally|local (?:setup|development)|\bdeploy(?:ment|ing)?\b|running in production|^\W*start(?:ing)?\s+(?:the\s+|your\s+)?(?:app|application|server|service|project|api|backend|stack)\b/i,
  },
  // Word boundaries: "api" must not match "Rapid", nor "cli" "Client".
  {
    name: 'usage',
    // "Using this collection", "Using the role", "Use it in a playbook" (blind round 27): a heading
    // that starts with using or use-it is the usage section; "Use cases" is not.
    // "Basic use", "Typical use", "Tutorial", "Walkthrough", "Cookbook" (blind round 30, NSubstitute
    // README.md:27 "Basic use"): a kind of use is the usage section; "Uses", "Use cases", "Fair use" are not.
    exact:
      /\busage\b|how to use|\bexamples?\b|getting started|quick ?start|^\W*using\b|^\W*use (?:it|this|the)\b|^\W*(?:basic|simple|typical|common|general|example) use\W*$|\btutorials?\b|\bwalk-?through\b|\bcookbook\b/i,
    heading:
      /usage|how to use|\bexamples?\b|running|\brun\b|getting started|quick ?start|\bapi\b|configuration|\bcli\b|\bcommands?\b|documentation|\bdocs\b|try it/i,
  },
  // "Tested languages" is not a development section: test as a word, not a prefix. A heading about
  // developing, contributing, building or testing decides first; "local", "deploy" or "clone" only
  // when there is none, and never in a numbered feature heading ("7. ⏸️ Pause Deployments" is a
  // usage feature of the product, not how to work on it).
  {
    name: 'development',
    exact: /develop|contribut|hacking|build(?:ing)? (?:from source|locally)|running (?:the )?tests|\btesting\b/i,
    // Build and test as the subject of the heading ("Building", "Running the tests", "Unit tests"),
    // not a word at its end ("Validation: Tests" documents a schema's test() method). A "Deploy to
    // Heroku" section is how to install it, not how to work on it.
    heading:
      /develop|contribut|hacking|^\W*(?:(?:how to|running|run|unit|integration|e2e|end-to-end|the|and|local(?:ly)?)\s+)*(?:build(?:ing|s)?|compil(?:e|ing)|test(?:s|ing)?)\b/i,
    weak: /\blocal (?:setup|development|environment)\b|\bclon(?:e|ing)\b/i,
  },
];

/**
 * A link to the contributing or development guide: Markdown `[Contributing](…)`, reStructuredText
 * `` `Contributing <…>`_ ``, or a link to a CONTRIBUTING file.
 */
const CONTRIBUTING_LINK =
  /\[[^\]\n]{0,40}\b(?:contribut|develop|hacking)[^\]\n]{0,40}\]\s*[([]|`[^`<\n]{0,40}\b(?:contribut|develop|hacking)[^`<\n]{0,40}<[^>\n]+>`_|\]\([^)\s]*CONTRIBUTING[^)\s]*\)|<[^>\n]*CONTRIBUTING[^>\n]*>`_/i;

/**
 * A Markdown link whose text or target names an installation, setup or usage guide. Its runs are
 * bounded as in CONTRIBUTING_LINK: unbounded, every `[` or `](` scanned to the line's end (one
 * 60 KB line of `[` under "Getting started": 18.5 s, the review of the round-22 fixes).
 */
const GUIDE_LINK =
  /\[[^\]\n]{0,80}(?:install|set ?up|deploy|usage|how to use)[^\]\n]{0,80}\]\(|\]\([^)\s]{0,200}(?:install|setup|deploy|usage)[^)\s]{0,200}\)/i;

/** A heading named for its place in the reader's path rather than a subject. */
const GENERIC_START = /get(?:ting)? started|quick ?start/i;
/** …unless it names a subject too ("Getting started: installation", "Quick start usage"). */
const OTHER_SECTION_WORD = /install|setup|set up|usage|how to use|running|\brun\b|example|deploy/i;
/** A line of steps: code (fenced or indented), inline code, a list item, or a bare command line (`shop serve`). */
const STEP_LINE =
  /^\s{0,3}(?:```|~~~)|^(?: {4}|\t)\S|`[^`\n]+`|^\s*(?:[-*+]|\d+[.)])\s+\S|::\s*$|^\s*(?:\$\s+)?(?:npm|npx|yarn|pnpm|bun|pip|pipx|uv|poetry|mvn|gradle|\.\/|make|docker|podman|go|cargo|git|curl|wget|helm|kubectl|python3?|node|deno|bundle|gem|rails|composer|php|dotnet|brew|apt(?:-get)?|java)\b|^\s*[a-z][\w.-]*(?:[ \t]+[-\w./:=@${}]+){0,8}[ \t]*$/;

/** A line of code: fenced, indented, or inline code (a command or a version to install). */
const CODE_STEP = /^\s{0,3}(?:```|~~~)|^(?: {4}|\t)\S|`[^`\n]+`/;

/** A numbered item heading ("7. Pause Deployments", "3) Targeted reload"): one of a list of features or steps. */
const NUMBERED_ITEM = /^\s*(?:\d+|[ivx]+)[.)]\s/i;

/**
 * A command that installs or starts the project, whatever the section it sits under is called
 * ("Get It Now", "Usage", "Provision Instructions"): the content says what the section is. A package
 * reference to paste counts too: `dotnet add package`, `Install-Package`, `go get`, a Cargo
 * `[dependencies]` block, Maven `<dependency>` and Gradle `implementation("group:artifact:1.0")`
 * coordinates, an sbt `libraryDependencies +=` (blind round 9, caffeine's "Download" section).
 * Adding a package source is installing too: `helm repo add`, `helm upgrade --install`, `uv add`,
 * `bun add`, `conda install` (blind round 18, grafana/helm-charts: a "Usage" section whose only
 * command is `helm repo add` was called "no installation section"). So is the project's own setup
 * step (`make setup`, `mix setup`, `bin/setup`, `bundle install`): a "Development" section that
 * starts with it installs the project (blind round 28, school_house README.md:9-15).
 */
const INSTALL_CMD =
  /^\s*(?:\$\s*|PM>\s*|>\s*)?(?:(?:make|just|task)\s+(?:setup|install|bootstrap|deps)\b|mix\s+(?:setup|deps\.get)\b|(?:\.\/)?(?:bin|script)\/(?:setup|bootstrap)\b|bundle\s+install\b|(?:sudo\s+)?(?:pip3?|pipx|uv(?:\s+pip|\s+tool)?|poetry|conda|mamba|npm|pnpm|yarn(?:\s+global)?|bun|deno|gem|cargo|go|brew|apt(?:-get)?|apk|dnf|yum|choco|winget|scoop|composer|helm(?:\s+repo)?|dotnet\s+tool|nix-env|snap|flatpak)\s+(?:install|add|require|i|get)\b|helm\s+upgrade\b[^\n]*?\s--install\b|dotnet\s+add\s+(?:\S+\s+)?package\b|Install-Package\b|ansible-galaxy\s+(?:(?:collection|role)\s+)?install\b|docker\s+(?:run|pull)\b|docker[ -]compose\s+up\b|podman\s+run\b|terraform\s+init\b|curl\s+[^|\n]*\|\s*(?:sudo\s+)?(?:ba)?sh\b)|^\s*module\s+"[^"]+"\s*\{|^\s*\[dependencies\]\s*$|^\s*<dependency>\s*$|^\s*(?:implementation|api|compile|compileOnly)\s*\(?\s*["'][\w.-]+:[\w.-]+:[^"'\s]+["']|^\s*libraryDependencies\s*\+=/m;

export default defineRule({
  meta: {
    id: 'readme',
    title: 'A README explains what it is and how to run it',
    failureTitle: 'No useful README',
    description:
      'The README is the first thing a new engineer, an on-call responder or an auditor reads: it should say what the project is, how to install it, how to run it and how to work on it.',
    remediation:
      'Write a README.md at the root with a one-paragraph description and sections for installation, usage (how to run it) and development (build, test, contribute).',
    severity: 'medium',
    effort: 'low',
    // Kept by the scanner when it reads them, so the rule's own read costs nothing.
    reads: ['{README,readme,Readme}*', '{.github,docs}/{README,readme,Readme}*'],
    detection:
      'README.md/.rst/.txt/.adoc at the root (else .github/ or docs/); Markdown, reStructuredText, AsciiDoc and HTML headings (and labels alone on a line: `Setup:`, `**Installation**`) for installation (a Deployment section counts), usage and development (also in Norwegian, Swedish, Danish, German, Dutch, French, Spanish, Portuguese and Italian: `Oppsett`, `Kjør prosjektet`, `Entwicklung`, `Utilisation`), and a section of any name whose body installs or starts the project (`pip install`, `docker run`, `helm install`, a Terraform `module` block), or builds it from source where no section is named installation (`mvn clean install`, `./gradlew build`, `cargo build`, `go build`, `dotnet build`, under "Running", "Build" or "Local development"), as installation; links to an app store or a releases page (Google Play, the App Store, Flathub, GitHub releases) as installation, and for a library a link to its package registry page (crates.io, PyPI, npm, RubyGems, NuGet…), and a section of any name whose body gives the commands that run the program (`./gradlew :backend:run`, `npm start`, `go run`) as usage (also a start script `bin/dev`, `foreman start`, `heroku local`, `docker run`, `java -jar`). Installation and usage pass; a missing development section is named, not scored. A stub (fewer than 5 lines of text, or fewer than 10 with under two of those sections) earns partial credit.',
  },
  check({ files, facts }) {
    // A library is installed from its package registry: a link to its page there is where to get it.
    const library = facts.profile.id === 'library';
    const candidates = files.paths.filter((p) => README.test(p));
    const readme =
      candidates.find((p) => !p.includes('/')) ?? candidates.find((p) => p.startsWith('.github/')) ?? candidates[0];
    if (!readme)
      return fail('No README at the repository root.', [
        { path: '.', note: 'no README.md, README.rst, README.txt or README.adoc at the root, in .github/ or in docs/' },
      ]);
    const text = files.read(readme);
    if (text === undefined)
      return unknown(`${readme} could not be read (too large, binary or unreadable).`, [{ path: readme }]);
    const { lines, headings, contentLines, firstText, found } = readSections(text, /\.rst$/i.test(readme), library);
    // A README that links to the product's own README (a chart repository's charts/x/README.md,
    // a monorepo's packages/app/README.md) is read on there for the sections it lacks (round 5:
    // nextcloud/helm's usage lives in charts/nextcloud/README.md, linked from the root).
    const linked: { path: string; at: { text: string; line: number } }[] = [];
    const dir = readme.includes('/') ? readme.slice(0, readme.lastIndexOf('/') + 1) : '';
    if (found.some((f) => !f.at))
      for (const m of text.matchAll(/\]\(\.?\/?([\w./-]+\/README\.(?:md|markdown|rst|adoc))\)/gi)) {
        const target = `${dir}${m[1]}`.replace(/^\.\//, '');
        if (target.includes('..') || !files.exists(target)) continue;
        const other = files.read(target);
        if (!other) continue;
        for (const f of readSections(other, /\.rst$/i.test(target), library).found)
          if (f.at) {
            const mine = found.find((x) => x.name === f.name)!;
            if (!mine.at) {
              mine.at = f.at;
              linked.push({ path: target, at: f.at });
            }
          }
        if (found.every((f) => f.at)) break;
      }
    const evidence: Evidence[] = [
      {
        path: readme,
        // The first line with text: the one the snippet quotes (a README may open with blank lines).
        line: firstText + 1 || 1,
        snippet: (lines[firstText] ?? '').trim().slice(0, 160),
        note: `${contentLines} lines of text, ${headings.length} headings`,
      },
    ];
    for (const f of found)
      if (f.at) {
        const via = linked.find((l) => l.at === f.at);
        evidence.push({
          path: via ? via.path : readme,
          line: f.at.line,
          snippet: f.at.text.slice(0, 160),
          note: via
            ? `${f.name} section (in ${via.path}, linked from ${readme})`
            : f.at.link
              ? `${f.name}: links the contributing guide`
              : f.at.store
                ? 'installation: where to get it (an app store, package or releases link)'
                : f.at.ran
                  ? 'usage: the installation block runs what it installed'
                  : f.at.snippet
                    ? `${f.name} snippet (${f.name === 'usage' ? 'code example after the introduction' : 'before the first section'})`
                    : `${f.name} section`,
        });
      }
    const have = found.filter((f) => f.at).map((f) => f.name);
    const missing = found.filter((f) => !f.at).map((f) => f.name);
    const data = { path: readme, lines: contentLines, headings: headings.length, sections: have };
    // Short is not a stub when it still says how to install, use and work on the project.
    if (contentLines < 5 || (contentLines < 10 && have.length < 2))
      return partial(0.3, `${readme} is a stub (${contentLines} lines of text).`, evidence, data);
    const withLinked = linked.length
      ? `${readme} (with the README it links to, ${listing([...new Set(linked.map((l) => l.path))])})`
      : readme;
    if (missing.length === 0) return pass(`${withLinked} covers installation, usage and development.`, evidence, data);
    // What it is and how to install and run it is what RULES.md asks of a README; a development
    // section is named as missing, not scored (blind round 23, kubectx: Usage :24, Installation :97).
    if (missing.length === 1 && missing[0] === 'development')
      return pass(
        `${withLinked} covers installation and usage; no development section (how to build and test it).`,
        evidence,
        data,
      );
    // Installation and usage matter most to a reader; development notes less.
    const score =
      0.4 +
      (have.includes('installation') ? 0.25 : 0) +
      (have.includes('usage') ? 0.25 : 0) +
      (have.includes('development') ? 0.1 : 0);
    return partial(score, `${withLinked} has no ${listing(missing)} section.`, evidence, data);
  },
});

/**
 * Installation, usage and development headings in other languages (Norwegian, Swedish, Danish,
 * German, Dutch, French, Spanish, Portuguese, Italian): a closed vocabulary, each word glossed with
 * the English one SECTIONS looks for (round 21, lydia-api: `# Oppsett`, `# Kjør prosjektet`,
 * `# Vedlikehold og videreutvikling`). Whole words only (`\p{L}` on either side is another word).
 */
const FOREIGN_HEADINGS: [RegExp, string][] = [
  [
    /(?<!\p{L})(?:installasjon|installering|installera|installere|installeren|installatie|installazione|instalación|instalação|instalacion|instalacao|installieren|oppsett|opsætning|uppsättning|einrichtung|kom (?:i gang|igång|godt i gang)|komma igång|erste schritte|aan de slag|démarrage rapide|mise en route|primeros pasos|puesta en marcha|primeiros passos|per iniziare|forutsetninger|förutsättningar|forudsætninger|voraussetzungen|vereisten|prérequis|requisitos|requisiti|prerequisiti)(?!\p{L})/iu,
    'installation',
  ],
  [
    /(?<!\p{L})(?:bruk|brug|användning|verwendung|benutzung|nutzung|gebruik|utilisation|utilización|utilização|utilizacao|utilizzo|uso|kjør(?:e|ing)?|kør(?:sel)?|kör(?:a|ning)?|ausführen|ausführung|uitvoeren|exécution|lancement|ejecución|ejecutar|execução|executar|esecuzione|eksempler|exempel|beispiele|voorbeelden|exemples|ejemplos|exemplos|esempi)(?!\p{L})/iu,
    'usage',
  ],
  [
    /(?<!\p{L})(?:utvikling|videreutvikling|udvikling|utveckling|entwicklung|ontwikkeling|développement|desarrollo|desenvolvimento|sviluppo|bidra(?:g)?|mitwirken|beitragen|bijdragen|contribuer|contribuir|contribuire|contribución|contribuição|contributi)(?!\p{L})/iu,
    'development',
  ],
];

/** A heading's words: a link's target is no part of its meaning ("Terms of use[?](…/docs/why.md)"). */
const meaning = (t: string) => {
  const words = t.replace(/\]\([^)]*\)/g, ']').replace(/<[^>]+>/g, '');
  const glosses = FOREIGN_HEADINGS.filter(([re]) => re.test(words)).map(([, en]) => en);
  return glosses.length > 0 ? `${words} (${glosses.join(', ')})` : words;
};

/** The level of a Markdown ATX heading line (`### Setup` is 3), or undefined for any other line. */
function atxLevel(line: string): number | undefined {
  const m = /^\s{0,3}(#{1,6})\s/.exec(line);
  return m ? m[1]!.length : undefined;
}

/** The headings of a README and the installation, usage and development sections they open. */
function readSections(text: string, rst = false, library = false) {
  const lines = text.split(/\r?\n/);
  // `snippet`: an install command cited where it stands, outside any section.
  // `link`: a link to the contributing guide, cited where it stands.
  // `store`: a link to an app store or releases page, cited where it stands.
  const headings: { text: string; line: number; snippet?: boolean; link?: boolean; store?: boolean; ran?: boolean }[] =
    [];
  let fence: string | null = null;
  lines.forEach((l, i) => {
    // A "# install deps" comment inside a fenced shell block is not a heading. reStructuredText has
    // no fences: its `~~~~` lines underline headings (blind round 8, djangoproject.com README.rst).
    const f = rst ? null : /^\s{0,3}(```|~~~)/.exec(l);
    if (f) fence = fence === null ? f[1]! : fence === f[1] ? null : fence;
    if (fence !== null || f) return;
    const md = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(l);
    // Markdown ATX, AsciiDoc (== Title) and HTML (<h2>Title</h2>) headings.
    const other = md ? null : (/^\s{0,3}={1,6}\s+(\S.*)$/.exec(l) ?? /<h[1-6][^>]*>(.*?)<\/h[1-6]>/i.exec(l));
    if (md) headings.push({ text: md[1]!, line: i + 1 });
    else if (other && other[1]!.replace(/<[^>]+>/g, '').trim())
      headings.push({ text: other[1]!.replace(/<[^>]+>/g, '').trim(), line: i + 1 });
    // A label alone on its line ("Setup:", "**Installation**") opens a section as a heading does,
    // when it names one of the sections looked for.
    else if (
      /^\s{0,3}(?:(?:\*\*|__)[A-Z][\w -]{1,40}?:?(?:\*\*|__):?|[A-Z][\w -]{1,40}?:)\s*$/.test(l) &&
      SECTIONS.some((x) => x.heading.test(l) || x.weak?.test(l))
    )
      headings.push({ text: l.replace(/[*_:]/g, '').trim(), line: i + 1 });
    // reStructuredText / setext headings: a line underlined with = - ~ ^
    else if (
      i > 0 &&
      /^([=\-~^*+#])\1{2,}\s*$/.test(l) &&
      lines[i - 1]!.trim() &&
      !/^([=\-~^*+#])\1+\s*$/.test(lines[i - 1]!)
    )
      headings.push({ text: lines[i - 1]!.trim(), line: i });
  });
  const contentLines = lines.filter((l) => l.trim() && !/^\s*([=\-~^*+#]){3,}\s*$/.test(l)).length;
  // The document title ("# Shop API") names the project; it is not a section.
  const firstText = lines.findIndex((l) => l.trim());
  const sections = headings.filter((h, i) => !(i === 0 && h.line <= firstText + 2));
  // "Getting started" / "Quick start" names a section by its place, not its content: it installs or
  // shows use only when its body has a step (a command, code, a list of steps). Prose that describes
  // the project under it is neither (blind round 22, actual-server README.md:7).
  // Its body runs to the next heading of its level or above: a "Quickstart Guide" whose steps sit in
  // sub-sections ("### Setup", "### Bundling", "### Stopping the Server") has them (blind round 48).
  const stepless = (h: (typeof sections)[number]) => {
    if (!GENERIC_START.test(meaning(h.text)) || OTHER_SECTION_WORD.test(meaning(h.text))) return false;
    const i = sections.indexOf(h);
    const level = atxLevel(lines[h.line - 1]!);
    const next = level
      ? sections.slice(i + 1).find((x) => (atxLevel(lines[x.line - 1]!) ?? 7) <= level)
      : sections[i + 1];
    const end = (x: (typeof sections)[number] | undefined) => (x?.line ?? lines.length + 1) - 1;
    // A sub-section named for a part of its own (`### Initial setup`, `### Requirements`) is that
    // section, judged as such: only the unnamed steps below the heading make the quickstart usage.
    const body = lines.slice(h.line, end(sections[i + 1]));
    for (let k = i + 1; level && sections[k] && sections[k] !== next; k++) {
      const sub = meaning(sections[k]!.text);
      if (OTHER_SECTION_WORD.test(sub) || /requirements|prerequisites/i.test(sub)) continue;
      body.push(...lines.slice(sections[k]!.line, end(sections[k + 1])));
    }
    // A link to the installation or usage guide ("[Installation Docs](…/installation)") points to the steps.
    return !body.some((l) => STEP_LINE.test(l) || GUIDE_LINK.test(l)) && !INSTALL_CMD.test(body.join('\n'));
  };
  // "Requirements" / "Prerequisites" alone names what is needed, not how to install it: it is the
  // installation section only with steps in it or in the section after it (a command, code, a link
  // to the guide). A licence's "Key Requirements:" list of obligations is none (blind round 32).
  const requirementsOnly = (h: (typeof sections)[number]) => {
    const t = meaning(h.text);
    if (!/requirements|prerequisites/i.test(t) || /install|set ?up|download|start|deploy|host|locally/i.test(t))
      return false;
    const i = sections.indexOf(h);
    const body = lines.slice(h.line, (sections[i + 2]?.line ?? lines.length + 1) - 1);
    return !body.some((l) => CODE_STEP.test(l) || GUIDE_LINK.test(l)) && !INSTALL_CMD.test(body.join('\n'));
  };
  // A section whose body only installs the package (".NET CLI Console" over `dotnet add package`
  // under "Install") is installation whatever its heading says: not usage (blind round 25, CsvHelper).
  const installOnly = (h: (typeof sections)[number]) => {
    const i = sections.indexOf(h);
    const body = lines.slice(h.line, (sections[i + 1]?.line ?? lines.length + 1) - 1).join('\n');
    return installsOnly(body);
  };
  const found = SECTIONS.map(({ name, exact, heading, weak }) => ({
    name,
    heading,
    at:
      (exact ? sections.find((h) => exact.test(meaning(h.text)) && !stepless(h)) : undefined) ??
      sections.find(
        (h) =>
          heading.test(meaning(h.text)) &&
          !stepless(h) &&
          !(name === 'usage' && installOnly(h)) &&
          !(name === 'installation' && requirementsOnly(h)),
      ) ??
      // Code in a heading is an API name (`Schema.clone()`), not the section's subject.
      (weak
        ? sections.find((h) => weak.test(meaning(h.text).replace(/`[^`]*`/g, ' ')) && !NUMBERED_ITEM.test(h.text))
        : undefined),
  }));
  // No installation or usage heading: a section whose body installs or starts the project
  // (a Terraform module block under "Provision Instructions") is one; installation first.
  // A build from source that installs the service (`mvn clean install`, `./gradlew build`, `cargo build`)
  // under "Running", "Build" or "Local development" is how to install it too (blind round 35,
  // rm-collection-exercise-service README.md:5 "Running": `mvn clean install`, `mvn spring-boot:run`).
  const runs = sections.filter((h, i) => {
    const end = sections[i + 1]?.line ?? lines.length + 1;
    const body = lines.slice(h.line, end - 1).join('\n');
    return INSTALL_CMD.test(body) || BUILD_CMD.test(body);
  });
  const [install, usage] = [found[0]!, found[1]!];
  if (!install.at) install.at = runs[0];
  // An install snippet before the first section (a library's `[dependencies] x = "1.0"` under its
  // one-paragraph description) is its installation, cited at the snippet.
  if (!install.at) {
    const end = (sections[0]?.line ?? lines.length + 1) - 1;
    let fenced = false;
    for (let i = firstText + 1; i < end; i++) {
      if (!rst && /^\s{0,3}(```|~~~)/.test(lines[i]!)) fenced = !fenced;
      else if (fenced && INSTALL_CMD.test(lines[i]!)) {
        install.at = { text: lines[i]!.trim(), line: i + 1, snippet: true };
        break;
      }
    }
  }
  // Where to get the product: links to an app store or a release page ("Android: available on
  // Google Play", apps.apple.com, Flathub, the GitHub releases) are its installation, cited at the
  // first such line (blind round 23, kotlinconf-app README.md:15).
  if (!install.at) {
    let fenced = false;
    for (let i = firstText + 1; i < lines.length; i++) {
      if (!rst && /^\s{0,3}(```|~~~)/.test(lines[i]!)) fenced = !fenced;
      // A struck-through line (`~Snap: [Snap](…)~ (Deprecated)`) is no longer where to get it.
      else if (
        !fenced &&
        (storeLink(lines[i]!) || (library && REGISTRY_PAGE.test(lines[i]!))) &&
        !/^\s*(?:[*-]\s+)?~/.test(lines[i]!)
      ) {
        install.at = { text: lines[i]!.trim(), line: i + 1, store: true };
        break;
      }
    }
  }
  // A second such section is usage only when it starts the program (`docker run`, `npm start`):
  // another package manager's install line (`dotnet add package` under "Install") is installation
  // too (blind round 25, CsvHelper README.markdown:19 was cited as usage).
  if (!usage.at)
    usage.at = runs.find((h) => {
      if (h === install.at) return false;
      const i = sections.indexOf(h);
      const body = lines.slice(h.line, (sections[i + 1]?.line ?? lines.length + 1) - 1).join('\n');
      return !installsOnly(body);
    });
  // A section of any name ("Building the project") whose body gives the commands that run the
  // program (`./gradlew :backend:run`, `npm start`, `go run .`, `docker compose up`) says how to run
  // it: usage, cited at its heading, even when it is the development section too.
  if (!usage.at)
    usage.at = sections.find((h, i) => {
      const end = sections[i + 1]?.line ?? lines.length + 1;
      return h !== install.at && RUN_CMD.test(lines.slice(h.line, end - 1).join('\n'));
    });
  // The installation section itself goes on to start the program ("Running Locally": clone,
  // `pnpm install`, then `pnpm run dev`): it says how to run it too (blind round 40, skateshop
  // README.md:39 was "no usage section" while the tool cited it as installation).
  if (!usage.at && install.at && sections.includes(install.at as (typeof sections)[number])) {
    const i = sections.indexOf(install.at as (typeof sections)[number]);
    const end = sections[i + 1]?.line ?? lines.length + 1;
    if (RUN_CMD.test(lines.slice(install.at.line, end - 1).join('\n'))) usage.at = install.at;
  }
  // A section named for using, running or starting the product under another word ("Use Cases",
  // "Starting the APIs", "Run it", "Demo") whose body shows it as code — a fenced block other than
  // an install command (a playbook, `tye run`, an API call) — is its usage (blind round 40: an
  // Ansible collection's "Use Cases" with playbooks, a .NET repository's "Starting the APIs").
  if (!usage.at && !rst)
    usage.at = sections.find((h, i) => {
      if (h === install.at || !USE_WORD.test(meaning(h.text))) return false;
      const end = sections[i + 1]?.line ?? lines.length + 1;
      return codeShown(lines, h.line, end - 1);
    });
  // The installation's code block goes on to run what it installed (`cargo install microbin`, then
  // `microbin`; `go install …/cmd/tool@latest`, then `tool serve`): how to run it, usage, cited at
  // that line (blind round 37, microbin README.md:27).
  if (
    !usage.at &&
    install.at &&
    !('snippet' in install.at) &&
    sections.includes(install.at as (typeof sections)[number])
  )
    usage.at = runAfterInstall(
      lines,
      install.at.line,
      sections[sections.indexOf(install.at as (typeof sections)[number]) + 1]?.line ?? lines.length + 1,
    );
  // A library shows its use as code right after its introduction (caffeine's "Cache" section opens
  // with a builder example): a fenced code block in the opening text or the first section, other
  // than an install command, is its usage, cited at the code.
  if (!usage.at) {
    const end = (sections[1]?.line ?? lines.length + 1) - 1;
    let open = -1;
    for (let i = firstText + 1; i < end && !rst; i++) {
      if (!/^\s{0,3}(```|~~~)/.test(lines[i]!)) continue;
      if (open === -1) {
        open = i;
        continue;
      }
      const body = lines.slice(open + 1, i);
      const code = body.findIndex((l) => l.trim());
      if (code !== -1 && !INSTALL_CMD.test(body.join('\n'))) {
        usage.at = { text: body[code]!.trim(), line: open + 2 + code, snippet: true };
        break;
      }
      open = -1;
    }
  }
  // No development heading: a link to the contributing guide ("- [Contributing](…/contributing.html)",
  // "see CONTRIBUTING.md") points to how to work on the project (loguru's Documentation list).
  const dev = found[2]!;
  if (!dev.at) {
    let fenced = false;
    for (let i = firstText + 1; i < lines.length; i++) {
      if (!rst && /^\s{0,3}(```|~~~)/.test(lines[i]!)) fenced = !fenced;
      else if (!fenced && CONTRIBUTING_LINK.test(lines[i]!)) {
        dev.at = { text: lines[i]!.trim(), line: i + 1, link: true };
        break;
      }
    }
  }
  // Still none: a section of any name ("NPM scripts", "Getting started") whose body lists the
  // commands to test or develop the project (`yarn test`, `npm run start:dev`, `make test`) is one,
  // cited at its heading (round 12).
  if (!dev.at)
    dev.at = sections.find((h, i) => {
      const end = sections[i + 1]?.line ?? lines.length + 1;
      return h !== install.at && DEV_CMD.test(lines.slice(h.line, end - 1).join('\n'));
    });
  return { lines, headings, contentLines, firstText, found };
}

/**
 * A link to where the product is installed from: an app store, an extension marketplace, a package
 * index; a GitHub releases page only on a line about downloading or installing (not "previous
 * versions are on the Releases page", blind round 21 ardalis-ca README.md:85).
 */
const STORE_HOST =
  /\]\(https?:\/\/(?:play\.google\.com\/store|apps\.apple\.com\/|itunes\.apple\.com\/|apps\.microsoft\.com\/|www\.microsoft\.com\/store|flathub\.org\/apps|snapcraft\.io\/|f-droid\.org\/(?:\w+\/)?packages|chromewebstore\.google\.com|chrome\.google\.com\/webstore|addons\.mozilla\.org|marketplace\.visualstudio\.com|plugins\.jetbrains\.com\/plugin|aur\.archlinux\.org\/packages|search\.nixos\.org\/packages|formulae\.brew\.sh)/i;
/**
 * A link to a library's page on its package registry (`](https://crates.io/crates/axum)`, PyPI, npm,
 * RubyGems, NuGet, Hex, Packagist, pkg.go.dev, Maven Central): for a library, the registry is where
 * it is installed from with the package manager's one line (blind round 49: a crate's README with its
 * crates.io and docs.rs links and a usage example was "no installation section"). Libraries only.
 */
const REGISTRY_PAGE =
  /\]\(https?:\/\/(?:crates\.io\/crates\/|pypi\.org\/project\/|(?:www\.)?npmjs\.com\/package\/|rubygems\.org\/gems\/|(?:www\.)?nuget\.org\/packages\/|hex\.pm\/packages\/|packagist\.org\/packages\/|pkg\.go\.dev\/|central\.sonatype\.com\/artifact\/|search\.maven\.org\/artifact|mvnrepository\.com\/artifact\/|pub\.dev\/packages\/|cocoapods\.org\/pods\/)/i;
const RELEASES = /\]\(https?:\/\/github\.com\/[\w.-]+\/[\w.-]+\/releases/gi;
const GET_WORD = /\b(?:download|install|binar(?:y|ies)|pre-?built)\b/i;
const GET_WORD_AFTER = /\b(?:download|install|binar(?:y|ies)|pre-?built)/gi;

/**
 * Whether a line links to where the product is got (STORE_HOST, or a releases link with a word of
 * getting it before or after it). The links are found first and the words looked for once on each
 * side: one regex of `word[^\n]*link` retried the rest of the line from every such word (quadratic
 * in their number on a line, review 23).
 */
function storeLink(line: string): boolean {
  if (!line.toLowerCase().includes('](http')) return false;
  if (STORE_HOST.test(line)) return true;
  const links = [...line.matchAll(RELEASES)];
  const last = links.at(-1);
  if (!last) return false;
  // A word (whole) that ends before the last releases link starts.
  const word = GET_WORD.exec(line);
  if (word && word.index + word[0].length <= last.index) return true;
  // A word that starts after the first releases link ends (its \b read in the whole line).
  GET_WORD_AFTER.lastIndex = links[0]!.index + links[0]![0].length;
  return GET_WORD_AFTER.test(line);
}

/** A command that runs the program, as a README lists it (Gradle/Maven run tasks, npm start, go/cargo/dotnet run). */
/**
 * A section body that only installs a package (`pip install x`, `dotnet add package X`): no command
 * that starts the program, no Terraform `module` block that uses it.
 */
function installsOnly(body: string): boolean {
  return (
    INSTALL_CMD.test(body) &&
    !STARTS_CMD.test(body) &&
    !RUN_CMD.test(body) &&
    !/^\s*module\s+"[^"]+"\s*\{|\bterraform\s+init\b/m.test(body)
  );
}

/**
 * A command that builds and installs the project from its source, at the start of a line: Maven
 * `install`/`package`, Gradle `build`/`installDist`/`assemble`, `cargo build`, `go build`,
 * `dotnet restore`/`build`, `make build`. Installation only where no section is named so.
 */
const BUILD_CMD =
  /^[ \t]*(?:\$[ \t]*|>[ \t]*)?(?:(?:\.\/)?mvnw?(?:[ \t]+-[\w.=-]+)*[ \t]+(?:clean[ \t]+)?(?:install|package|verify)\b|(?:\.\/)?gradlew?(?:[ \t]+-[\w.=-]+)*[ \t]+(?:clean[ \t]+)?(?::?[\w-]+:)?(?:build|installDist|assemble|install)\b|(?:cargo|go)\s+build\b|dotnet\s+(?:restore|build)\b|(?:make|just|task)\s+build\b)/m;

/** A command that starts the program from its image (not one that installs a package). */
const STARTS_CMD = /\b(?:docker|podman)\s+run\b|docker[ -]compose\s+up\b/;
/** A package manager's install of a named program (`cargo install microbin`, `go install example.com/x/cmd/tool@latest`). */
const INSTALLED_PROGRAM =
  /^\s*(?:\$\s*)?(?:sudo\s+)?(?:(?:cargo|go|pipx|pip3?|gem|brew|uv\s+tool|dotnet\s+tool)\s+install|npm\s+(?:install|i))\s+(?:(?:-g|--global|--locked|-f|--force)\s+)*([\w@./:-]{1,200})/;

/**
 * The first line of a fenced block in a section (from its heading at `from` to the next at `to`)
 * that runs a program an earlier line of the section's code installed: the bare name, with or
 * without arguments. Each line is read once.
 */
function runAfterInstall(
  lines: string[],
  from: number,
  to: number,
): { text: string; line: number; ran: true } | undefined {
  const installed = new Set<string>();
  let fenced = false;
  for (let i = from; i < Math.min(to - 1, lines.length, from + 400); i++) {
    const l = lines[i]!;
    if (/^\s{0,3}(```|~~~)/.test(l)) {
      fenced = !fenced;
      continue;
    }
    if (!fenced) continue;
    const m = INSTALLED_PROGRAM.exec(l);
    if (m) {
      const name = m[1]!
        .replace(/@[^/]*$/, '')
        .split('/')
        .pop()!
        .toLowerCase();
      if (name.length >= 2) installed.add(name);
      continue;
    }
    const word = /^\s*(?:\$\s*)?([\w.-]+)(?:\s|;|$)/.exec(l)?.[1]?.toLowerCase();
    if (word && installed.has(word)) return { text: l.trim(), line: i + 1, ran: true };
  }
  return undefined;
}

const RUN_CMD =
  /(?:^|[\s`'"])(?:\.\/gradlew|gradle)\s+(?:\S+:)?\w*[Rr]un\w*\b|(?:\.\/mvnw|mvn)\s+[\w.:-]*:run\b|(?:npm|yarn|pnpm|bun)\s+(?:run\s+)?(?:start|dev|serve|preview)\b|\b(?:tye|dapr|aspire)\s+run\b|\bmanage\.py\s+runserver\b|\bflask\s+run\b|\buvicorn\s+\S|\bphp\s+artisan\s+serve\b|\bansible-playbook\s+\S|(?:go|cargo|dotnet|flutter)\s+run\b|docker[ -]compose\s+up\b|python3?\s+-m\s+\w+|\bmake\s+run\b|\bmix\s+phx\.server\b|\biex\s+-S\s+mix\b|\b(?:bin\/)?rails\s+s(?:erver)?\b|(?:^|[\s`'"])(?:\.\/)?bin\/(?:dev|start|serve|server|run)\b|\b(?:foreman|overmind|hivemind)\s+start\b|\bheroku\s+local\b|\bsymfony\s+serve\b|\b(?:docker|podman)\s+run\s+\S|\bjava\s+-jar\s+\S|\bdeno\s+run\b|\b(?:rackup|gunicorn\s+\S|bundle\s+exec\s+(?:puma|rackup|unicorn))/m;

/** A command that tests or develops the project, as a README lists it. */
/** Heading words for using or running the product other than "usage": use cases, start, launch, run, demo, playground. */
const USE_WORD =
  /\buse(?:s|\s+cases?)?\b|\bstart(?:s|ing)?\b|\blaunch(?:ing)?\b|\brun(?:s|ning)?\b|\bdemo\b|\bplayground\b/i;

/** A fenced code block in lines [from, to) with code other than an install command; one pass. */
function codeShown(lines: string[], from: number, to: number): boolean {
  let open = -1;
  for (let i = from; i < to && i < lines.length; i++) {
    if (!/^\s{0,3}(```|~~~)/.test(lines[i]!)) continue;
    if (open === -1) {
      open = i;
      continue;
    }
    const body = lines.slice(open + 1, i);
    if (body.some((l) => l.trim()) && !installsOnly(body.join('\n')) && !INSTALL_CMD.test(body.join('\n'))) return true;
    open = -1;
  }
  return false;
}

const DEV_CMD =
  /(?:^|[\s`'"])(?:(?:npm|yarn|pnpm|bun)\s+(?:run\s+)?(?:test|start:dev|dev|watch|lint)\b|make\s+(?:test|check|lint|dev)\b|(?:cargo|go|dotnet|mvn|gradle|\.\/gradlew|mix|bundle exec rspec)\s+test\b|pytest\b|tox\b|python\s+manage\.py\s+test\b|composer\s+test\b)/m;
