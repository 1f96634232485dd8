/**
 * `text` as a piece of a regular expression that matches it literally ("s.p.a" matches no
 * "sxpxa"): for patterns built from word lists in data, in every stage.
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
