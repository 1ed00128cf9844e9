/*
 * How few changes a `--by` row may have and still name a first fix: its own module, without the report's schemas,
 * so the builder and the renderers read it without loading the schema library.
 */

/** A slice of fewer changes names no first fix: one large change of two is "50% over 400 lines", a habit of nobody. */
export const FEW_CHANGES = 5;
/** Said under a table with such a row, in every format. */
export const FEW_CHANGES_NOTE = `too few: a row of fewer than ${FEW_CHANGES} changes names no first fix, and its medians stand on those few.`;
