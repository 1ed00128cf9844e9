import type { Change } from '../domain.js';
import type { ChangedFile } from '../sources/git/changed-files.js';
import type { Owners } from './owners.js';

/** One predicate over a window's changes, as read (SPEC section 10): `team:payments` is the kind `team` and the value `payments`. */
export interface Slice {
  /** a kind of the registry (`slice-kinds.ts`) */
  readonly kind: string;
  /** what follows `kind:`, normalised (names without case); null for a kind that takes none (`ai`, `bots`) */
  readonly value: string | null;
}

/**
 * The fields of a change the kinds read. A kind that reads another field of the domain's change names it here:
 * the facts are made from the report's changes (`audit/slice-facts.ts`), which carry every field of it.
 */
export type SliceChange = Pick<Change, 'author' | 'bot' | 'aiEvidence' | 'aiTools' | 'aiStrength' | 'labels' | 'products'>;

/** What a slice reads of one change. */
export interface SliceFacts {
  readonly id: string;
  readonly change: SliceChange;
  /** the files it touched with their changed lines; empty unless a kind needs them, or when the clone could not say */
  readonly files: readonly ChangedFile[];
}

/** What a slice reads besides each change's own record: read once per report, only when a kind asks for it. */
export type SliceNeed = 'files' | 'owners';

/** What the repository says beyond each change: read for the slices of one report. */
export interface SliceContext {
  /** the CODEOWNERS file at the window's end; null when there is none (every change is unowned) */
  readonly owners: Owners | null;
}

/**
 * How `--by` puts a kind's changes in rows: a change is in each group `groups` gives it (never split in
 * fractions), one in none in the group `none`, always the last row.
 */
export interface SliceGrouping {
  /** what `--by` takes after the kind's name and a colon (`DEPTH` of `path:DEPTH`): absent, the name alone */
  readonly argument?: { readonly text: string; readonly example: string; readonly pattern: RegExp };
  /** `--by`'s help: what the rows are (`CODEOWNERS`, `folders`) */
  readonly help: string;
  /** the values of the groups a change is in (`payments`), each once; `argument` is `--by`'s, as written */
  readonly groups: (facts: SliceFacts, context: SliceContext, argument: string | null) => readonly string[];
  /** the value of the changes in no group (`unowned`, `(top level)`): its row comes last */
  readonly none: string;
  /** the rows' order by their values, after which the `none` row comes; absent: most changes first */
  readonly order?: (a: string, b: string) => number;
  /** the rows are owners read from CODEOWNERS: the table names the file and the share of changes no one owns */
  readonly owners?: true;
  /** said under the table in every format, where its rows read a figure otherwise than the report does nearby */
  readonly note?: string;
  /** said under the table too when its rows pool the changes of several repositories, where that misleads */
  readonly pooledNote?: string;
  /** what to warn when the repository's changes all fall in the `none` row (no CODEOWNERS file: every change is unowned) */
  readonly warning?: (context: SliceContext & { readonly products: boolean }) => string | null;
  /**
   * why the repository has nothing to group so (a repository of one product has no product to slice by); null when
   * it has. The table then has no rows, this sentence in their place: one row of every change under the `none`
   * value would read as a group of its own, without the deploys that shipped it
   */
  readonly ungrouped?: (context: SliceContext & { readonly products: boolean }) => string | null;
}

/** What a report has that slices name, for a kind to refuse a slice naming nothing of it (`unknown`). */
export interface SliceNames {
  readonly products: readonly string[] | null;
  readonly several?: boolean;
}

/**
 * One kind of slice, shaped as a deploy source is: what it is (`meta`, from which the slice pattern, `--by`'s
 * choices, help and errors, the pages' nouns and the README's table are made) beside how it reads a change.
 * Registered in `slice-kinds.ts`, whose order is the README's and the errors'.
 */
export interface SliceKind {
  readonly meta: {
    /** what a slice of it starts with: `team` of `team:payments`; its key in the registry */
    readonly name: string;
    /** what follows the name and a colon, as help writes it (`NAME`, `GLOB`); absent: the name alone is the slice */
    readonly argument?: string;
    /** the name alone is a slice too (`ai` beside `ai:TOOL`): written `ai[:TOOL]` in help and errors */
    readonly alone?: true;
    /** the values it takes, when they are a fixed set (the tools of `ai:TOOL`): another is refused, naming them */
    readonly values?: readonly string[];
    /** one of its slices as a page names it in a sentence: team, product, folder, label */
    readonly noun: string;
    /** the README's words for the changes it holds */
    readonly help: string;
    /** what it reads besides each change's own record (`SliceNeed`) */
    readonly needs: readonly SliceNeed[];
    /** its slices count the bots' changes whatever the report's policy (the `bots` slice exists to look at them) */
    readonly countsBots?: true;
  };
  /** the value after the colon as the kind compares it (names without case); the text as written when absent */
  readonly normalise?: (value: string) => string;
  /** whether a change is in `slice` */
  readonly predicate: (slice: Slice, context: SliceContext) => (facts: SliceFacts) => boolean;
  /**
   * the product whose deploys are the slice's own (a product's slice, whose deploys ship its changes alone): its
   * DORA keys are measured over them, and each change to the first of them that ships it (a change of two
   * products is deployed at different times for each); absent: the repository's deploys, which ship every slice's
   * changes at once, and each change as the whole report measures it
   */
  readonly ownProduct?: (slice: Slice) => (product: string | undefined) => boolean;
  /** its `--by` grouping; absent: it is never a table's rows (`author:`, for self-assessment only) */
  readonly by?: SliceGrouping;
  /**
   * why `slice` names nothing the report has, in words naming what it has (a product no tag or config names: a
   * typo would compare or gate an empty slice, and a gate on it would never fail); null when it names something.
   * `products`: the report's products with a change or a deploy in the window, null for a repository of one;
   * `several`: the report is over several repositories, and `products` are those of any of them (null: each is one)
   */
  readonly unknown?: (slice: Slice, report: SliceNames) => string | null;
}
