import type { AiFinding } from '../../domain.js';
import { escapeRegExp, type Pattern } from '../../patterns.js';
import { looksLikeBot } from '../bot-names.js';
import { AI_SIGNATURES } from './catalogue.js';
import { PLACE_STRENGTH, type AiPlace, type AiSignature, type AiSignatureMeta, type IdentityRule } from './signature.js';
import { AI_TOOLS, toolCreditedIn, toolNamedIn, type AiTool, type AiToolId } from './tools.js';
import { append } from '../../lists.js';

// a template's box left unticked (`- [ ] AI was used to generate or assist with generating this PR.`, Homebrew's)
// says the line does not hold: no evidence; a ticked one (`- [x] …`) is the author's word
const UNTICKED = /^[ \t]*(?:[-*+][ \t]+)?\[ \][ \t]/;

/**
 * The evidence catalogue made ready to match (SPEC section 5): the built-in signatures of `catalogue.ts` and the
 * configuration's, one list. Every read of AI evidence — a commit message, a git author, a pull request's author,
 * branch, labels and description — goes through one of these, so a configured marker is an entry like any other.
 * Matching is linear: the built-in patterns are anchored and bounded, the configured ones run on RE2.
 */
export interface AiCatalogue {
  /** the evidence a commit message holds (co-authors, trailers, footers, configured patterns), in message order */
  message(text: string): AiFinding[];
  /** the agent a commit's git author is (`author: NAME`), or null */
  author(name: string, email: string): AiFinding | null;
  /** the agent a pull request's author is (`PR author: LOGIN`); `isBotType`: GitHub says the account is a Bot */
  pullAuthor(login: string, isBotType: boolean): AiFinding | null;
  /** what a branch's name says (`branch: NAME`): weak evidence */
  branch(name: string): AiFinding | null;
  /** what a pull request's label says (`label: NAME`) */
  label(name: string): AiFinding | null;
  /** what a pull request's description says (`PR body: …`), its first `BODY_LIMIT` characters */
  body(text: string): AiFinding[];
}

/**
 * What the configuration adds: patterns matched anywhere in a commit message, labels (exact names), and the
 * accounts of agents the catalogue cannot know (a team's own: GitHub logins, app slugs with or without `[bot]`,
 * or whole addresses, as `agentIdentity` reads them).
 */
export interface AiExtras {
  markers?: readonly Pattern[];
  labels?: readonly string[];
  agents?: readonly string[];
}

/** How much of a description is read at most: the source keeps a long one's start and end, under this. */
export const BODY_LIMIT = 16384;
/** An evidence line's longest: the rest of a long line says nothing more. */
export const MAX_LINE = 120;
/** How many trailer lines and authors are remembered at once: a history's people, not its every line */
const MAX_REMEMBERED = 50_000;

// keys that name a person who wrote the change with the author, and the sign-off, which names an agent only by its own
// address or account
const PERSON_KEY = /^co-?(?:authored|developed)-by$/i;
const SIGN_OFF_KEY = /^signed-off-by$/i;
// a line's rest taken whole, not lazily up to trailing blanks (trimmed after): no backtracking over long lines. A
// trailer may be written as a list item: electron's #52424 ends its list of changes with `- Assisted-By: GPT 5.6 Sol,
// OpenCode`; and indented by up to three spaces with the body it ends (prometheus' #18401 indents its whole body by
// two): four make a Markdown code block, an example of a trailer, not one
const TRAILER = /^ {0,3}(?:[-*][ \t]+)?([A-Za-z][A-Za-z0-9-]*):[ \t]*(\S[^\n]*)$/gm;
// a message whose writer typed `\n` for its line breaks, its trailers on one line with the text: playwright's pull
// request commits `…\n\nCo-authored-by: Copilot <…>\nCopilot-Session: <uuid>`. Read as breaks where one ends a
// paragraph or starts a trailer, so those trailers are read as git would have kept them; `\n` in other words
// (`handle \n in paths`) stays as it was
const TYPED_BREAK = /\\n(?=\\n|[A-Za-z][A-Za-z0-9-]*:[ \t])/g;
const NOREPLY = /^(?:\d+\+)?([^@\s]+?)(\[bot\])?@users\.noreply\.github\.com$/i;
const APP_NAME = /^(.+)\[bot\]$/i;
const WEB_ADDRESS = /^https?:\/\//i;
// a generated-with line that names no tool but AI itself ("Generated using AI")
const AI_WORD = /^ai\b/i;
// …and one that names the tool after it: "Generated with AI, specifically GPT 5.3 Codex (Medium)" (Homebrew/brew),
// "Generated with AI (Claude Sonnet 4.5)", "Generated with AI assistance (Claude)." (rust-lang/rust-analyzer); a tool
// in another clause ("Generated with AI, reviewed by Copilot") is not it
const AI_THEN_TOOL = /^ai(?:\s+(?:assistance|help))?\s*(?:,\s*(?:specifically|namely)\s+|\(\s*|:\s*)(.+)$/i;

interface Rule {
  readonly tool: AiToolId | 'named';
  readonly place: AiPlace;
}

/** A place's identities, indexed: by whole address, app and account (the first signature's tool), then by name. */
interface IdentityIndex {
  readonly emails: Map<string, string>;
  readonly apps: Map<string, string>;
  readonly accounts: Map<string, string>;
  readonly names: Array<{ readonly tool: string; readonly name: RegExp; readonly named: boolean }>;
  /** by whole address: the names a workflow commits under that address without being the agent (`borrowedBy`) */
  readonly borrowed: Map<string, RegExp>;
}

interface TrailerEntry extends Rule {
  readonly key: RegExp;
  readonly value: RegExp | undefined;
}

interface LineEntry extends Rule {
  /** every match of the entry in a text: `[index, line, what names the tool]` */
  readonly find: (text: string) => Array<[number, string, string]>;
  /** what every match holds, found faster than a scan line by line: a text without it is not scanned */
  readonly quick?: RegExp;
}

interface NameEntry extends Rule {
  readonly test: (name: string) => boolean;
}

/** A person's identity as a trailer or a commit writes it. */
interface Identity {
  readonly name: string;
  /** lower case; '' when there is none */
  readonly email: string;
}

/**
 * The catalogue with the configuration's markers and labels; `signatures`, the built-in ones unless a test gives
 * its own. The built-in catalogue alone (no configuration) is the same object each call.
 * @throws Error when a signature is malformed (a message signature without its hint): a mistake in the catalogue
 */
export function compileCatalogue(extras: AiExtras = {}, signatures?: readonly AiSignature[]): AiCatalogue {
  const plain = (extras.markers?.length ?? 0) === 0 && (extras.labels?.length ?? 0) === 0 && (extras.agents?.length ?? 0) === 0;
  if (plain && signatures === undefined) return (builtIn ??= new Compiled(Object.values(AI_SIGNATURES), {}));
  const agents = extras.agents?.length ? configuredAgents(extras.agents) : [];
  return new Compiled([...(signatures ?? Object.values(AI_SIGNATURES)), ...agents], extras);
}

/**
 * The configured agents as signatures of the tool `configured`, where an identity is read: as a commit's author,
 * a co-author and a pull request's author. Each entry is an address, or a login that is the agent's account or
 * app (`acme-agent` and `acme-agent[bot]` alike): by its noreply address, as a login, and as a git name whole
 * (a team's agent commits under its name from the team's own domain, which names no one).
 */
function configuredAgents(entries: readonly string[]): AiSignature[] {
  const emails = entries.filter((e) => e.includes('@')).map((e) => e.trim().toLowerCase());
  const logins = entries.filter((e) => !e.includes('@')).map((e) => e.trim().replace(APP_NAME, '$1').toLowerCase());
  const name = logins.length === 0 ? undefined : new RegExp(`^(?:${logins.map(escapeRegExp).join('|')})(?:\\[bot\\])?$`, 'i');
  const identity: IdentityRule = { emails, apps: logins, accounts: logins, ...(name && { name }) };
  const example = { text: entries[0] ?? '', seen: 'the config\'s `ai.agents`' };
  // a co-author read by name needs the message scan to stop at it: the logins are that hint
  const hint = logins.map(escapeRegExp).join('|');
  return (['author', 'co-author', 'pull-author'] as const).map((place) => ({
    meta: { tool: 'configured', place, rule: 'an agent the config\'s `ai.agents` names', examples: [example] },
    identity,
    ...(hint !== '' && { hint }),
  }));
}

let builtIn: Compiled | undefined;

class Compiled implements AiCatalogue {
  private readonly identities = new Map<'author' | 'co-author' | 'pull-author', IdentityIndex>();
  private readonly trailers: TrailerEntry[] = [];
  private readonly lines = new Map<'footer' | 'body' | 'message', LineEntry[]>();
  private readonly names = new Map<'branch' | 'label', NameEntry[]>();
  /** what every built-in message signature's match holds: a message without any has none, found in one scan */
  private readonly maybe: RegExp;
  /** what every footer's match holds: most messages that name a tool carry no footer */
  private readonly footers: RegExp | null;
  private readonly authors = new Map<string, AiFinding | null>();
  /** what each trailer line said, once: histories repeat their co-authors and sign-offs */
  private readonly trailerLines = new Map<string, AiFinding | null>();

  constructor(signatures: readonly AiSignature[], extras: AiExtras) {
    const hints: string[] = [];
    const literals: string[] = [];
    for (const signature of signatures) this.add(signature, hints, literals);
    // the tool-named signatures match what names a tool, in a key, a value or a co-author's name
    for (const tool of Object.values(AI_TOOLS) as AiTool[]) append(literals, tool.words ?? []);
    this.maybe = quickScan(hints, literals);
    const quick = (this.lines.get('footer') ?? []).map((e) => e.quick?.source ?? '.');
    this.footers = quick.length === 0 ? null : new RegExp(quick.join('|'), 'i');
    for (const pattern of extras.markers ?? []) {
      this.lineList('message').push({ tool: 'configured', place: 'message', find: (text) => pattern.matches(text).map((m) => [text.indexOf(m), m, '']) });
    }
    const labels = new Set(extras.labels ?? []);
    if (labels.size > 0) this.nameList('label').push({ tool: 'configured', place: 'label', test: (name) => labels.has(name) });
  }

  message(message: string): AiFinding[] {
    const text = message.includes('\\n') ? message.replace(TYPED_BREAK, '\n') : message;
    const found: Array<[number, AiFinding]> = [];
    if (this.maybe.test(text)) {
      for (const match of text.matchAll(TRAILER)) {
        let finding = this.trailerLines.get(match[0]);
        if (finding === undefined) {
          finding = this.trailer(match[1] ?? '', (match[2] ?? '').trimEnd(), match[0].trimStart());
          if (this.trailerLines.size >= MAX_REMEMBERED) this.trailerLines.clear();
          this.trailerLines.set(match[0], finding);
        }
        if (finding) found.push([match.index, finding]);
      }
      if (this.footers?.test(text) === true) for (const entry of this.lines.get('footer') ?? []) this.collect(entry, text, found);
    }
    for (const entry of this.lines.get('message') ?? []) this.collect(entry, text, found);
    return ordered(found);
  }

  author(name: string, email: string): AiFinding | null {
    const key = `${name}\u0000${email}`;
    let finding = this.authors.get(key);
    if (finding === undefined) {
      const entry = this.identity('author', { name: name.trim(), email: email.trim().toLowerCase() }, false);
      finding = entry ? { tool: entry.tool, strength: PLACE_STRENGTH.author, line: `author: ${name}` } : null;
      if (this.authors.size >= MAX_REMEMBERED) this.authors.clear();
      this.authors.set(key, finding);
    }
    return finding;
  }

  pullAuthor(login: string, isBotType: boolean): AiFinding | null {
    const bare = login.trim().replace(APP_NAME, '$1').toLowerCase();
    const app = isBotType || APP_NAME.test(login.trim());
    const index = this.identities.get('pull-author');
    const tool = (app ? index?.apps.get(bare) : undefined) ?? index?.accounts.get(bare);
    return tool === undefined ? null : { tool, strength: PLACE_STRENGTH['pull-author'], line: `PR author: ${login}` };
  }

  branch(name: string): AiFinding | null {
    const entry = this.names.get('branch')?.find((e) => e.test(name));
    return entry ? { tool: entry.tool, strength: PLACE_STRENGTH.branch, line: clip(`branch: ${name}`) } : null;
  }

  label(name: string): AiFinding | null {
    const entry = this.names.get('label')?.find((e) => e.test(name));
    return entry ? { tool: entry.tool, strength: PLACE_STRENGTH.label, line: clip(`label: ${name}`) } : null;
  }

  body(text: string): AiFinding[] {
    const read = text.length > BODY_LIMIT ? text.slice(0, BODY_LIMIT) : text;
    const found: Array<[number, AiFinding]> = [];
    for (const entry of this.lines.get('body') ?? []) this.collect(entry, read, found);
    return ordered(found).map((f) => ({ ...f, line: clip(`PR body: ${f.line}`) }));
  }

  private add(signature: AiSignature, hints: string[], literals: string[]): void {
    const { tool, place } = signature.meta as AiSignatureMeta;
    if ('identity' in signature) {
      if (place !== 'author' && place !== 'co-author' && place !== 'pull-author') throw new Error(`${place}: not an identity's place`);
      const { identity } = signature;
      let index = this.identities.get(place);
      if (index === undefined) this.identities.set(place, (index = { emails: new Map(), apps: new Map(), accounts: new Map(), names: [], borrowed: new Map() }));
      const keep = (map: Map<string, string>, keys: readonly string[] | undefined): void => {
        for (const key of keys ?? []) if (!map.has(key)) map.set(key, tool);
      };
      keep(index.emails, identity.emails);
      keep(index.apps, identity.apps);
      keep(index.accounts, identity.accounts);
      if (identity.borrowedBy !== undefined) for (const email of identity.emails ?? []) if (!index.borrowed.has(email)) index.borrowed.set(email, identity.borrowedBy);
      if (identity.name !== undefined) index.names.push({ tool, name: identity.name, named: tool === 'named' });
      for (const list of [identity.emails, identity.apps, identity.accounts]) append(literals, list ?? []);
      if (identity.name !== undefined && tool !== 'named' && place === 'co-author') hints.push(hintOf(signature));
    } else if ('trailer' in signature) {
      this.trailers.push({ tool, place, key: signature.trailer.key, value: signature.trailer.value });
      if (tool !== 'named') hints.push(hintOf(signature));
    } else if ('line' in signature) {
      if (place !== 'footer' && place !== 'body' && place !== 'message') throw new Error(`${place}: not a line's place`);
      const { line } = signature;
      const find = (text: string): Array<[number, string, string]> => Array.from(text.matchAll(line), (m): [number, string, string] => [m.index, m[0], m[1] ?? m[0]])
        .filter(([at]) => !UNTICKED.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at + 8)));
      if (place !== 'footer') this.lineList(place).push({ tool, place, find });
      else {
        const hint = hintOf(signature);
        hints.push(hint);
        this.lineList(place).push({ tool, place, find, quick: new RegExp(hint, 'i') });
      }
    } else {
      if (place !== 'branch' && place !== 'label') throw new Error(`${place}: not a name's place`);
      const { name } = signature;
      this.nameList(place).push({ tool, place, test: (text) => name.test(text) });
    }
  }

  private lineList(place: 'footer' | 'body' | 'message'): LineEntry[] {
    let list = this.lines.get(place);
    if (list === undefined) this.lines.set(place, (list = []));
    return list;
  }

  private nameList(place: 'branch' | 'label'): NameEntry[] {
    let list = this.names.get(place);
    if (list === undefined) this.names.set(place, (list = []));
    return list;
  }

  private collect(entry: LineEntry, text: string, found: Array<[number, AiFinding]>): void {
    if (entry.quick !== undefined && !entry.quick.test(text)) return;
    for (const [index, line, naming] of entry.find(text)) {
      // the naming starts where the line's tool words do (none of the words before them holds "ai")
      const tool = entry.tool === 'named' ? namedTool(naming, line.slice(line.indexOf(naming))) : entry.tool;
      if (tool !== null) found.push([index, { tool, strength: PLACE_STRENGTH[entry.place], line }]);
    }
  }

  /** The finding a trailer is, of the first signature it matches; null when none does. */
  private trailer(key: string, value: string, line: string): AiFinding | null {
    const person = PERSON_KEY.test(key);
    if (person || SIGN_OFF_KEY.test(key)) {
      // a sign-off names an agent only by the agent's own address or account: "Signed-off-by: Devin Smith" is a person
      const entry = this.identity('co-author', parseIdentity(value), !person);
      return entry ? { tool: entry.tool, strength: PLACE_STRENGTH['co-author'], line } : null;
    }
    for (const entry of this.trailers) {
      if (!entry.key.test(key) || (entry.value !== undefined && !entry.value.test(value))) continue;
      const tool = entry.tool === 'named' ? (toolCreditedIn(value) ?? toolNamedIn(key.replace(/-/g, ' '))) : entry.tool;
      if (tool !== null) return { tool, strength: PLACE_STRENGTH[entry.place], line };
    }
    return null;
  }

  /**
   * The first signature an identity matches at a place, with the tool it names: by the agent's own address,
   * app or account first, then by name. `exact`: by address, app or account only. A bot is an AI tool only by
   * a signature of its own (a known AI app): the tool-named rule passes bots by.
   */
  private identity(place: 'author' | 'co-author', who: Identity, exact: boolean): { tool: string } | null {
    const index = this.identities.get(place);
    if (index === undefined) return null;
    const noreply = NOREPLY.exec(who.email);
    const app = APP_NAME.exec(who.name)?.[1]?.toLowerCase() ?? (noreply?.[2] !== undefined ? noreply[1]?.toLowerCase() : undefined);
    const account = noreply?.[2] === undefined ? noreply?.[1]?.toLowerCase() : undefined;
    // a workflow that commits under the agent's address by a name of its own is not the agent, nor a tool by that name
    if (who.email !== '' && index.borrowed.get(who.email)?.test(who.name) === true) return null;
    const known = (who.email === '' ? undefined : index.emails.get(who.email)) ?? (app === undefined ? undefined : index.apps.get(app)) ?? (account === undefined ? undefined : index.accounts.get(account));
    if (known !== undefined) return { tool: known };
    if (exact || who.name === '') return null;
    for (const { tool, name, named } of index.names) {
      if (!named) {
        if (name.test(who.name)) return { tool };
        continue;
      }
      if (looksLikeBot(who.name, who.email)) continue;
      // a web address in place of an email names a project or a tool, never a person: its name is enough
      const nameable = name.test(who.name) || (WEB_ADDRESS.test(who.email) && toolNamedIn(who.name) !== null);
      if (nameable) return { tool: toolNamedIn(who.name) ?? 'unknown' };
    }
    return null;
  }
}

/**
 * `Name <email>`, `Name email@host` (OpenHands writes it so), or a bare name. Cut at the last `<` or blank, not by a
 * pattern: a line of a million blanks from a hostile commit must not cost a million squared steps.
 */
function parseIdentity(value: string): Identity {
  const v = value.trim();
  const open = v.endsWith('>') ? v.lastIndexOf('<') : -1;
  if (open !== -1) return { name: v.slice(0, open).trim(), email: v.slice(open + 1, -1).trim().toLowerCase() };
  const blank = Math.max(v.lastIndexOf(' '), v.lastIndexOf('\t'));
  const tail = blank === -1 ? '' : v.slice(blank + 1);
  if (tail.includes('@') && tail.includes('.')) return { name: v.slice(0, blank).trim(), email: tail.toLowerCase() };
  return { name: v, email: '' };
}

/** Findings in the order their lines come, each line once (the first signature's), clipped. */
function ordered(found: Array<[number, AiFinding]>): AiFinding[] {
  if (found.length === 0) return NONE;
  const seen = new Set<string>();
  const out: AiFinding[] = [];
  for (const [, finding] of found.sort((a, b) => a[0] - b[0])) {
    const line = clip(finding.line);
    if (line === '' || seen.has(line)) continue;
    seen.add(line);
    out.push(line === finding.line ? finding : { ...finding, line });
  }
  return out;
}

const NONE: AiFinding[] = [];

function clip(line: string): string {
  return line.trim().slice(0, MAX_LINE);
}

/**
 * The one scan a commit message passes before its trailers and lines are read: every hint, and every literal that
 * does not open with a shorter one (`openhands@all-hands.dev` opens with `openhands`), each from a word's start. A
 * shorter one inside a word is not at a word's start: `chatgpt` holds `gpt`, and with only `gpt` kept
 * opentelemetry-collector's `Assisted-by: ChatGPT 5` was never read. Most messages name no tool; this keeps them at
 * one pass of a regular expression V8 can skip through (an alternation of a hundred literals, unanchored, took
 * twice as long over 256,444 real messages).
 */
function quickScan(hints: readonly string[], literals: readonly string[]): RegExp {
  const words = [...new Set(literals.map((l) => l.toLowerCase()))];
  const kept = words.filter((w) => !words.some((other) => other !== w && w.startsWith(other)));
  return new RegExp(String.raw`\b(?:${[...new Set(hints), ...kept.map(escapeRegExp)].join('|')})`, 'i');
}

/** A message signature's hint; a signature that reads messages without one is a mistake in the catalogue. */
function hintOf(signature: AiSignature): string {
  if (signature.hint === undefined || signature.hint === '') throw new Error(`the signature of ${signature.meta.tool} at ${signature.meta.place} has no hint`);
  return signature.hint;
}

/** The tool a generated-with line names: its own words, else the tool it names after `AI`, else `unknown` for AI alone. */
function namedTool(naming: string, rest: string): AiToolId | null {
  const credited = toolCreditedIn(naming);
  if (credited !== null || !AI_WORD.test(naming)) return credited;
  const then = AI_THEN_TOOL.exec(rest);
  return (then?.[1] === undefined ? null : toolCreditedIn(then[1])) ?? 'unknown';
}
