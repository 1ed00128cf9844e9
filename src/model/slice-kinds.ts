import { pathSliceGlob } from '../glob.js';
import { teamsOf, UNOWNED, type Owners } from './owners.js';
import { AI_TOOL_IDS } from './ai/tools.js';
import type { SliceChange, SliceKind } from './slice-kind.js';

/*
 * Every kind of slice (SPEC section 10), one entry each, in the order the README's table and the errors list them.
 * A new kind is its entry here and, when it reads a field of a change no kind read before, that field's name in
 * `SliceChange` (`slice-kind.ts`); the slice pattern, `compare`'s sides, gates, `--by`'s choices, help and errors,
 * the pages' nouns and the README's table are made from the registry.
 */

const lower = (value: string): string => value.toLowerCase();

/** AI-assisted: evidence of agent or assisted strength (weak evidence, a branch name, is not enough). */
const assisted = (change: SliceChange): boolean => change.aiEvidence.length > 0;

/** the `--by ai` row of the changes with no AI evidence: the `other` slice */
const NO_AI = '(no AI evidence)';

/** The folder `depth` levels deep as a path's owner: `src/api/x.ts` at depth 2 is `src/api`; a shallower file has none. */
function folderOwners(depth: number): Owners {
  return {
    of(path) {
      const parts = path.split('/');
      return parts.length > depth ? [parts.slice(0, depth).join('/')] : [];
    },
  };
}

/** Why a repository is one product, as the product kind's messages say it. */
const ONE_PRODUCT = '(its tags version fewer than two of its workspace packages, and the config names no two products)';

export const SLICE_KINDS: Readonly<Record<string, SliceKind>> = {
  team: {
    meta: {
      name: 'team',
      argument: 'NAME',
      noun: 'team',
      help: 'those the team owns at least a third of the changed lines of, by the CODEOWNERS file (`.github/CODEOWNERS`, else `CODEOWNERS`, else `docs/CODEOWNERS`, as GitHub looks) at the window\'s end, its patterns applied as GitHub does (gitignore-style, with case, the last matching line wins; `docs/*` owns only the files directly in `docs/`; a file of 3 MB or more is not loaded). `@acme/payments` is `team:payments`. A change is never split: a 50/50 change is in both teams, an 80/20 one in the first alone. `team:unowned`: no team owns a third',
      needs: ['files', 'owners'],
    },
    // `@acme/payments` is `payments`, as CODEOWNERS names its owners
    normalise: (value) => value.replace(/^@/, '').replace(/^[^/]*\//, '').toLowerCase(),
    predicate: (slice, { owners }) => (f) => {
      const teams = owners === null ? [] : teamsOf(f.files, owners);
      return slice.value === UNOWNED ? teams.length === 0 : teams.includes(slice.value ?? '');
    },
    by: {
      help: 'CODEOWNERS',
      groups: (f, { owners }) => (owners === null ? [] : teamsOf(f.files, owners)),
      none: UNOWNED,
      owners: true,
      warning: ({ owners }) => (owners === null ? 'no CODEOWNERS file (.github/, the root or docs/) at the window\'s end: every change is unowned' : null),
    },
  },
  product: {
    meta: {
      name: 'product',
      argument: 'NAME',
      noun: 'product',
      help: 'in a monorepo, those of the product (see [Products of a monorepo](#products-of-a-monorepo)): touching its code, or touching no product\'s and shipped by its deploy. `product:@acme/api`',
      needs: [],
    },
    normalise: lower,
    predicate: (slice) => (f) => (f.change.products ?? []).some((p) => p.toLowerCase() === slice.value),
    // a product's deploys ship its changes alone (SPEC section 3): its DORA keys and its changes' deploys are its own
    ownProduct: (slice) => (product) => product?.toLowerCase() === slice.value,
    by: {
      help: 'a monorepo\'s',
      groups: (f) => f.change.products ?? [],
      none: '(no product)',
      // a repository of fewer than two products is one product (SPEC section 3): its figures are the report's own
      ungrouped: ({ products }) => (products ? null : `No product to slice by: this repository is one product ${ONE_PRODUCT}, so its figures and deploys are those of the whole report.`),
    },
    unknown: (slice, { products, several = false }) => {
      const named = `product:${slice.value ?? ''}`;
      if (products === null) return `${named} names no product: ${several ? 'each of these repositories is' : 'this repository is'} one product ${ONE_PRODUCT}`;
      if (products.some((p) => p.toLowerCase() === slice.value)) return null;
      // the terminal's and the page's rows leave the products' common scope out: the name copied from a row is a tail
      const tails = products.filter((p) => ['/', '.'].some((at) => p.toLowerCase().endsWith(`${at}${slice.value ?? ''}`)));
      if (tails.length === 1) return `${named} names no product: rows leave the common scope out of their names; give the whole name, product:${tails[0] ?? ''}`;
      const shown = products.slice(0, 8).join(', ');
      return `${named} names no product with a change or a deploy in the window: ${several ? 'the repositories\' products' : 'its products'} are ${shown}${products.length > 8 ? ` and ${products.length - 8} more (--by product lists them)` : ''}`;
    },
  },
  path: {
    meta: {
      name: 'path',
      argument: 'GLOB',
      noun: 'folder',
      help: 'those touching a file the gitignore-style glob matches, with case (`path:src/api/`, `path:*.sql`)',
      needs: ['files'],
    },
    predicate: (slice) => {
      const matches = pathSliceGlob(slice.value ?? '');
      return (f) => f.files.some((file) => matches(file.path));
    },
    by: {
      // the folders DEPTH levels deep, by the teams' one-third rule
      argument: { text: 'DEPTH', example: '2', pattern: /^[1-9]$/ },
      help: 'folders DEPTH deep',
      groups: (f, _context, depth) => teamsOf(f.files, folderOwners(Number(depth))),
      none: '(top level)',
    },
  },
  label: {
    meta: { name: 'label', argument: 'NAME', noun: 'label', help: '(GitHub mode) those whose pull request has the label', needs: [] },
    normalise: lower,
    predicate: (slice) => (f) => (f.change.labels ?? []).some((l) => l.toLowerCase() === slice.value),
    by: {
      help: 'GitHub',
      groups: (f) => [...new Set((f.change.labels ?? []).map(lower))],
      none: '(no label)',
    },
  },
  ai: {
    meta: {
      name: 'ai',
      argument: 'TOOL',
      alone: true,
      values: AI_TOOL_IDS,
      noun: 'AI tool',
      help: `those with AI evidence of agent or assisted strength (a lower bound: only marked work is found; a branch name alone is weak evidence and not enough). \`ai:TOOL\`: those whose evidence names the tool, by the evidence catalogue's id (${AI_TOOL_IDS.map((id) => `\`${id}\``).join(', ')}; see [Bots and AI](docs/definitions.md#bots-and-ai)); a change naming two tools is in both. \`ai\` is \`ai-agent\` and \`ai-assisted\` together, \`other\` the rest`,
      needs: [],
    },
    normalise: lower,
    predicate: (slice) => (f) => assisted(f.change) && (slice.value === null || (f.change.aiTools ?? []).includes(slice.value)),
    by: {
      help: 'per AI tool',
      // an AI-assisted change a report read back names no tool: the catalogue's `unknown`
      groups: (f) => (assisted(f.change) ? ((f.change.aiTools ?? []).length > 0 ? (f.change.aiTools ?? []) : ['unknown']) : []),
      none: NO_AI,
      // aider's own repository, its 77 changes of aider beside bevy's slower ones: pooled, the aider row read a lead
      // time p50 of 7d 2h against 89d 11h for the changes with no AI evidence, where within aider's repository the
      // AI comparison found no difference the data could tell
      pooledNote:
        'Across repositories each row pools its changes, so a row reads the pace of the repositories its changes come from: side by side, the rows compare repositories as much as tools. The AI comparison takes each difference within a repository: read it for whether AI-assisted work is faster or slower.',
    },
  },
  'ai-agent': {
    meta: { name: 'ai-agent', noun: 'slice', help: 'those an AI agent authored or opened (their strongest evidence is of agent strength: an agent\'s own identity as author, or its pull request)', needs: [] },
    predicate: () => (f) => assisted(f.change) && f.change.aiStrength === 'agent',
  },
  'ai-assisted': {
    meta: { name: 'ai-assisted', noun: 'slice', help: 'those a person wrote naming an AI tool (assisted evidence, such as a co-author trailer, and none of agent strength)', needs: [] },
    predicate: () => (f) => assisted(f.change) && f.change.aiStrength !== 'agent',
  },
  other: {
    meta: { name: 'other', noun: 'slice', help: 'those without AI evidence: the rest', needs: [] },
    predicate: () => (f) => f.change.aiEvidence.length === 0,
  },
  bots: {
    meta: { name: 'bots', noun: 'slice', help: 'those a bot wrote (counted in the slice whatever `--include-bots` says; the whole leaves them out without it)', needs: [], countsBots: true },
    predicate: () => (f) => f.change.bot,
  },
  author: {
    // a report names an author by login (GitHub) or name (git), never by email: the slice matches what it names
    meta: { name: 'author', argument: 'LOGIN', noun: 'author', help: 'one person\'s (their GitHub login, or from git alone their name), for self-assessment only: never in a `--by` table', needs: [] },
    normalise: lower,
    predicate: (slice) => (f) => f.change.author.toLowerCase() === slice.value,
  },
};
