import { parse as parseToml } from 'smol-toml';
import { parseJsonc } from '../../jsonc.js';

/*
 * What flowaudit reads of a workspace's manifests: the folders each tool lists its packages in (npm, pnpm, Rush,
 * Cargo, Go, uv, Dart's pub and Melos, release-please), a package's declared name and version, and the packages a changeset releases. A manifest is a file from the audited history, so each reader takes time linear in
 * its text, whatever its lines hold (a 300 KB list item, 200,000 blank lines): JSON and TOML go through their
 * parsers (smol-toml refuses nesting past a depth rather than recursing), the two line formats are scanned one
 * line at a time with no backtracking pattern. A manifest that does not parse says nothing.
 */

/**
 * The manifests that make a folder a package, by workspace tool; and the files release-please's `simple` and Maven
 * types version (`version.txt`, `pom.xml`), which make a package only of a folder its config releases.
 */
export type ManifestKind = 'package.json' | 'Cargo.toml' | 'go.mod' | 'pyproject.toml' | 'pubspec.yaml' | 'Chart.yaml' | Gemspec | Csproj | ReleaseFile;

/** A Ruby gem's specification, named for its gem (`opentelemetry-instrumentation-pg.gemspec`): its kind is its file name. */
export type Gemspec = `${string}.gemspec`;

/** Whether a file name is a gem's specification (`name.gemspec`; a file named `.gemspec` alone names no gem). */
export function isGemspec(file: string): file is Gemspec {
  return namedBy(file, '.gemspec');
}

/** A .NET project, named for it (`OpenTelemetry.Exporter.Geneva.csproj`): its kind is its file name, as a gemspec's. */
export type Csproj = `${string}.csproj`;

/** Whether a file name is a C# project's (`Name.csproj`; a file named `.csproj` alone names none). */
export function isCsproj(file: string): file is Csproj {
  return namedBy(file, '.csproj');
}

/** Whether a file is named for a package, then `extension` (a name before it: `.gemspec` alone names none). */
function namedBy(file: string, extension: string): boolean {
  return file.length > extension.length && file.endsWith(extension);
}

/** The package a file named for it names: its name less its extension (`pg.gemspec` → `pg`, `Acme.Core.csproj` → `Acme.Core`). */
export function fileStem(file: string): string {
  return file.slice(0, file.lastIndexOf('.'));
}

/** A file release-please versions in a package that holds no other manifest: its `simple` type's, its Maven type's. */
export type ReleaseFile = 'version.txt' | 'pom.xml';

/** The globs a root `package.json` lists under `workspaces` (an array, or `{packages: [...]}`). */
export function npmWorkspaces(text: string | null): string[] {
  const json = parseJson(text);
  const workspaces = json?.workspaces;
  const list = Array.isArray(workspaces) ? workspaces : isObject(workspaces) ? workspaces.packages : undefined;
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
}

/**
 * The folders a Rush monorepo's `rush.json` lists (each project's `projectFolder`), as written; none when it does not
 * parse (it is JSON with comments: read by jsonc-parser).
 */
export function rushProjects(text: string | null): string[] {
  if (text === null) return [];
  let json: unknown;
  try {
    json = parseJsonc(text);
  } catch {
    return [];
  }
  const projects = isObject(json) ? json.projects : undefined;
  if (!Array.isArray(projects)) return [];
  return projects.flatMap((p: unknown) => (isObject(p) && typeof p.projectFolder === 'string' ? [p.projectFolder] : []));
}

/** The `packages:` list of a pnpm-workspace.yaml, as a block or a flow sequence (the one key flowaudit reads). */
export function pnpmWorkspaces(text: string | null): string[] {
  return yamlList(text, 'packages');
}

/** The globs of a Dart workspace's packages in Melos's `melos.yaml` (its versions 1 to 6), written as pnpm's list is. */
export function melosPackages(text: string | null): string[] {
  return yamlList(text, 'packages');
}

/** The folders a root `pubspec.yaml` lists under `workspace:` (pub's workspaces, which Melos 7 reads too). */
export function pubWorkspace(text: string | null): string[] {
  return yamlList(text, 'workspace');
}

/** The list under a top-level `key:` of a YAML file, as a block or a flow sequence; none when the key is absent. */
function yamlList(text: string | null, key: string): string[] {
  if (text === null) return [];
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(key) && keyAt(l, key));
  if (at === -1) return [];
  const rest = stripYamlComment((lines[at] as string).slice((lines[at] as string).indexOf(':') + 1)).trim();
  if (rest.startsWith('[')) return flowSequence([rest, ...lines.slice(at + 1)]);
  const patterns: string[] = [];
  for (const raw of lines.slice(at + 1)) {
    const line = raw.replace(/\r$/, '');
    const first = line[0];
    // the next key at the left margin ends the list (an item may sit at the margin too)
    if (first !== undefined && first !== ' ' && first !== '\t' && first !== '-' && first !== '#') break;
    const item = line.trimStart();
    if (!item.startsWith('-')) continue;
    patterns.push(yamlScalar(stripYamlComment(item.slice(1)).trim()));
  }
  return patterns.filter((p) => p !== '');
}

/** Whether a YAML line is the top-level `key:` (any spaces or tabs before the colon). */
function keyAt(line: string, key: string): boolean {
  let i = key.length;
  while (line[i] === ' ' || line[i] === '\t') i++;
  return line[i] === ':';
}

/**
 * The plain value of a top-level `key:` of a YAML file (pubspec.yaml's `name: bloc`, `version: 9.2.1`), quoted or
 * not, its comment left out; null when the key is absent or holds no scalar on its line. One pass over the lines.
 */
function yamlTopScalar(text: string | null, key: string): string | null {
  if (text === null) return null;
  for (const raw of text.replace(/^\uFEFF/, '').split('\n')) {
    if (!raw.startsWith(key) || !keyAt(raw, key)) continue;
    const written = stripYamlComment(raw.slice(raw.indexOf(':') + 1)).trim();
    // a flow collection (`[a, b]`, `{…}`) or a block scalar (`|`, `>`, its text on the lines below) is no scalar here
    if (/^[[{|>]/.test(written)) return null;
    const value = yamlScalar(written);
    return value === '' ? null : value;
  }
  return null;
}

/** A flow sequence (`[a, 'b', "c"]`) from the lines it starts on: up to its closing bracket. */
function flowSequence(lines: readonly string[]): string[] {
  const items: string[] = [];
  let item = '';
  let quote: string | null = null;
  let first = true;
  for (const raw of lines) {
    const line = quote === null ? stripYamlComment(raw) : raw;
    // the opening bracket is the first character of the first line
    for (let i = first ? 1 : 0; i < line.length; i++) {
      const c = line[i] as string;
      if (quote !== null) {
        item += c;
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") {
        quote = c;
        item += c;
      } else if (c === ',' || c === ']') {
        items.push(yamlScalar(item.trim()));
        item = '';
        if (c === ']') return items.filter((p) => p !== '');
      } else item += c;
    }
    first = false;
  }
  return [];
}

/** A YAML scalar as written: quoted (`'a''b'`, `"a\"b"`) or plain. */
function yamlScalar(text: string): string {
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).split("''").join("'");
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/\\(.)/g, '$1');
  return text;
}

/** The line before a YAML comment: a `#` at its start or after a space or tab, outside quotes. */
function stripYamlComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return line.slice(0, i);
  }
  return line;
}

/** The `[workspace]` table of a root Cargo.toml: the globs of its `members`, and the folders it `exclude`s. */
export function cargoWorkspace(text: string | null): { members: string[]; exclude: string[] } {
  return workspaceMembers(tomlTable(parseTomlText(text), 'workspace'));
}

/**
 * The `[tool.uv.workspace]` table of a root pyproject.toml (uv's workspace): the globs of its `members`, and those
 * it `exclude`s.
 */
export function uvWorkspace(text: string | null): { members: string[]; exclude: string[] } {
  return workspaceMembers(tomlTable(tomlTable(tomlTable(parseTomlText(text), 'tool'), 'uv'), 'workspace'));
}

/** A TOML workspace table's `members` and `exclude` (Cargo's and uv's write them alike); none without the table. */
function workspaceMembers(workspace: Table | null): { members: string[]; exclude: string[] } {
  return { members: strings(workspace?.members), exclude: strings(workspace?.exclude) };
}

/** One package a release-please config releases: its folder ('' for the root) and the name its tags carry. */
export interface ReleasePleasePackage {
  folder: string;
  /** its `package-name`, as written (`@acme/flagd-provider`, `dev.openfeature.contrib.providers.flagd`); null when none */
  packageName: string | null;
  /**
   * the component its tags carry (`flagd-provider-v0.16.0`) when the config names one: its `component`, else its
   * `package-name` less any npm scope (release-please's own default); null when neither is written, and its tags
   * then carry the name its manifest declares
   */
  component: string | null;
}

/**
 * The packages a release-please manifest config (`release-please-config.json`) releases: the keys of its
 * `packages` object, each a folder (`.` the root), in the order written.
 */
export function releasePleasePackages(text: string | null): ReleasePleasePackage[] {
  const packages = parseJson(text)?.packages;
  if (!isObject(packages)) return [];
  return Object.entries(packages).map(([path, options]) => {
    const named = (key: string): string | null => {
      const value = isObject(options) ? options[key] : undefined;
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
    };
    const packageName = named('package-name');
    return {
      folder: normalFolder(path),
      packageName,
      component: named('component') ?? (packageName === null ? null : packageName.replace(/^@[^/]+\//, '')),
    };
  });
}

/** A folder as a workspace manifest writes it (`./packages/a/`, `.`), from the repository's root: `packages/a`, ''. */
export function normalFolder(written: string): string {
  const folder = written.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  return folder === '.' ? '' : folder;
}

/** The folders of a go.work's `use` directives, one line or a block. */
export function goWorkUses(text: string | null): string[] {
  if (text === null) return [];
  const folders: string[] = [];
  let block = false;
  for (const raw of text.split('\n')) {
    const line = stripGoComment(raw).trim();
    if (block) {
      if (line === ')') block = false;
      else if (line !== '') folders.push(line);
      continue;
    }
    const words = line.split(/[ \t]+/);
    if (words[0] === 'use(' || (words[0] === 'use' && words[1] === '(')) block = true;
    else if (words[0] === 'use' && words[1] !== undefined) folders.push(words[1]);
  }
  return folders.map((f) => goString(f).replace(/^\.\/?/, '').replace(/\/$/, ''));
}

/** The module path a go.mod declares (`module example.com/api`); null when none. */
export function goModulePath(text: string | null): string | null {
  if (text === null) return null;
  for (const raw of text.split('\n')) {
    const line = stripGoComment(raw).trim();
    if (!line.startsWith('module')) continue;
    const path = goString(line.slice('module'.length).trim());
    if (path !== '' && line.length > 'module'.length && /[ \t]/.test(line['module'.length] as string)) return path;
  }
  return null;
}

/** A `retract` directive of a go.mod: the versions from `low` to `high` (one version: both), and why, when it says. */
export interface GoRetraction {
  low: string;
  high: string;
  /** its comment: on its line, else the comment lines just above it (or above its block) */
  rationale: string | null;
}

/**
 * The versions a go.mod retracts (`retract v1.0.0`, `retract [v1.74.0, v1.74.1]`, or a `retract ( … )` block of
 * them), each with its rationale, as `go list -m -retracted` shows it: the comment on its line, else the comment
 * lines just above it, else above its block. grpc-go's `retract [v1.74.0, v1.74.1]` sits under `// v1.74.0 was
 * published prematurely with known issues.`
 */
export function goRetractions(text: string | null): GoRetraction[] {
  if (text === null) return [];
  const found: GoRetraction[] = [];
  let above: string[] = [];
  let block: string[] | null = null;
  const add = (entry: string, rationale: string | null): void => {
    const range = /^\[\s*([^\s,\]]+)\s*,\s*([^\s,\]]+)\s*\]$/.exec(entry);
    if (range !== null) found.push({ low: goString(range[1] ?? ''), high: goString(range[2] ?? ''), rationale });
    else if (/^\S+$/.test(entry)) found.push({ low: goString(entry), high: goString(entry), rationale });
  };
  const why = (inline: string | null, ...comments: ReadonlyArray<readonly string[]>): string | null => inline ?? comments.map((c) => c.join(' ')).find((c) => c !== '') ?? null;
  for (const raw of text.split('\n')) {
    const at = raw.indexOf('//');
    const code = (at === -1 ? raw : raw.slice(0, at)).trim();
    const comment = at === -1 ? null : raw.slice(at + 2).trim() || null;
    if (code === '') {
      if (comment !== null) above.push(comment);
      else above = [];
      continue;
    }
    if (block !== null) {
      if (code === ')') block = null;
      else add(code, why(comment, above, block));
    } else {
      const directive = /^retract(?:\s+|(?=\())(.*)$/.exec(code);
      const rest = (directive?.[1] ?? '').trim();
      if (directive !== null && rest === '(') block = comment !== null ? [comment] : above;
      else if (directive !== null) add(rest, why(comment, above));
    }
    above = [];
  }
  return found;
}

function stripGoComment(line: string): string {
  const at = line.indexOf('//');
  return at === -1 ? line : line.slice(0, at);
}

function goString(text: string): string {
  return text.length >= 2 && (text[0] === '"' || text[0] === '`') && text.endsWith(text[0]) ? text.slice(1, -1) : text;
}

/**
 * The name a manifest declares: package.json's `name`, Cargo.toml's `[package] name`, go.mod's module path,
 * pyproject.toml's `[project] name` (else Poetry's `[tool.poetry] name`), pubspec.yaml's and a Helm chart's Chart.yaml's `name`, a gemspec's file
 * name (`pg.gemspec` is the gem `pg`), a .csproj's literal `<PackageId>`, else its file name; none for a release file
 * (its package is named by release-please's config).
 */
export function declaredName(kind: ManifestKind, text: string | null): string | null {
  if (kind === 'version.txt' || kind === 'pom.xml') return null;
  // RubyGems names a gem's specification for the gem: its Ruby is not read
  if (isGemspec(kind)) return fileStem(kind);
  // NuGet's package id is the project's file name unless the project sets a literal <PackageId>
  if (isCsproj(kind)) return xmlProperty(text, 'PackageId') ?? fileStem(kind);
  const name = kind === 'go.mod' ? goModulePath(text) : kind === 'pubspec.yaml' || kind === 'Chart.yaml' ? yamlTopScalar(text, 'name') : declared(kind, text, 'name');
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}

/** Whether a package.json says its package is never published (`"private": true`): a workspace's root, most often. */
export function isPrivatePackage(text: string | null): boolean {
  return parseJson(text)?.private === true;
}

/**
 * A field of the table a manifest declares its package in: package.json's top level, Cargo.toml's `[package]`,
 * pyproject.toml's `[project]` (else Poetry's `[tool.poetry]`).
 */
function declared(kind: 'package.json' | 'Cargo.toml' | 'pyproject.toml', text: string | null, key: 'name' | 'version'): unknown {
  if (kind === 'package.json') return parseJson(text)?.[key];
  const toml = parseTomlText(text);
  if (kind === 'Cargo.toml') return tomlTable(toml, 'package')?.[key];
  return tomlTable(toml, 'project')?.[key] ?? tomlTable(tomlTable(toml, 'tool'), 'poetry')?.[key];
}

/**
 * Whether a manifest of this kind may declare its package's version: not go.mod (a module's versions are its tags),
 * a pom.xml (not read), a gemspec (most often a constant of the gem's Ruby) or a .csproj (MinVer reads it from tags).
 */
export function carriesVersion(kind: ManifestKind): kind is Exclude<ManifestKind, 'go.mod' | 'pom.xml' | Gemspec | Csproj> {
  return kind !== 'go.mod' && kind !== 'pom.xml' && !isGemspec(kind) && !isCsproj(kind);
}

/**
 * The version a manifest declares: package.json's `version`, Cargo.toml's `[package] version` (or, when it is
 * `version.workspace = true`, the root's `[workspace.package] version`, given as `root`), pyproject.toml's
 * `[project] version` (else Poetry's), pubspec.yaml's and Chart.yaml's `version`, version.txt's one line (release-please writes the
 * version alone); null for a gemspec (its version is most often a constant of the gem's Ruby), for
 * go.mod, whose versions are its tags, for a Python project whose version is `dynamic` (its build reads it
 * elsewhere), and for a pom.xml (not read).
 */
export function declaredVersion(kind: ManifestKind, text: string | null, root: string | null = null): string | null {
  if (kind === 'version.txt') {
    const line = text?.trim().split('\n')[0]?.trim() ?? '';
    return line === '' ? null : line;
  }
  if (!carriesVersion(kind)) return null;
  if (kind === 'pubspec.yaml' || kind === 'Chart.yaml') return yamlTopScalar(text, 'version');
  const version = declared(kind, text, 'version');
  if (typeof version === 'string') return version.trim();
  if (kind !== 'Cargo.toml' || !isObject(version) || version.workspace !== true) return null;
  const inherited = tomlTable(tomlTable(parseTomlText(root), 'workspace'), 'package')?.version;
  return typeof inherited === 'string' ? inherited.trim() : null;
}

/**
 * The packages a changeset (`.changeset/*.md`, the changesets tool's) releases: the keys of its front matter whose
 * bump is major, minor or patch (`"@biomejs/biome": patch`), in the order written; a `none` bump releases nothing.
 * A file with no front matter names none.
 */
export function changesetPackages(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines[0]?.trimEnd() !== '---') return [];
  const names: string[] = [];
  for (const raw of lines.slice(1)) {
    if (raw.trimEnd() === '---') return names;
    const line = stripYamlComment(raw).trim();
    // a package name holds no colon: the last one ends the key
    const colon = line.lastIndexOf(':');
    if (colon <= 0) continue;
    const bump = yamlScalar(line.slice(colon + 1).trim());
    const name = yamlScalar(line.slice(0, colon).trim());
    if (name !== '' && (bump === 'major' || bump === 'minor' || bump === 'patch')) names.push(name);
  }
  // front matter never closed: not a changeset
  return [];
}

type Table = Record<string, unknown>;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isObject(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tomlTable(table: Table | null, key: string): Table | null {
  const value = table?.[key];
  return isObject(value) ? value : null;
}

function parseJson(text: string | null): Table | null {
  if (text === null) return null;
  try {
    const json: unknown = JSON.parse(text);
    return isObject(json) ? json : null;
  } catch {
    return null;
  }
}

function parseTomlText(text: string | null): Table | null {
  if (text === null) return null;
  try {
    return parseToml(text) as Table;
  } catch {
    return null;
  }
}

/**
 * The name a project's tags carry, as MinVer reads them: a .csproj's literal `<MinVerTagPrefix>` less its
 * separator (`Exporter.Geneva-` → `Exporter.Geneva`, opentelemetry-dotnet-contrib's tag `Exporter.Geneva-1.9.0`);
 * null for any other manifest, a prefix that names no project (`v`), or one built from properties (`$(…)`).
 */
export function declaredTagPrefix(kind: ManifestKind, text: string | null): string | null {
  if (!isCsproj(kind)) return null;
  const prefix = xmlProperty(text, 'MinVerTagPrefix')?.replace(/[-_/@]+$/, '') ?? '';
  return prefix === '' || /^v$/i.test(prefix) ? null : prefix;
}

/**
 * The text of an MSBuild property's first element (`<PackageId>Acme.Core</PackageId>`), trimmed; null when the
 * project sets none, or sets it from other properties (`$(…)`), which only MSBuild can evaluate. Linear in the
 * text: one indexOf for each tag.
 */
function xmlProperty(text: string | null, name: string): string | null {
  if (text === null) return null;
  const open = `<${name}>`;
  const start = text.indexOf(open);
  if (start === -1) return null;
  const end = text.indexOf(`</${name}>`, start + open.length);
  if (end === -1) return null;
  const value = text.slice(start + open.length, end).trim();
  return value === '' || value.includes('$(') || value.includes('<') ? null : value;
}
