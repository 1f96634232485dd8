import { parseHTML } from "linkedom";

import { BLOCK_ELEMENTS, SKIPPED_ELEMENTS } from "./generated/html.js";

/** Elements that end a paragraph: their text is set apart by a blank line (`data/html/block-elements.yml`). */
const BLOCKS: ReadonlySet<string> = new Set(BLOCK_ELEMENTS);
/** Elements whose content is never article text (`data/html/skipped-elements.yml`). */
const SKIP: ReadonlySet<string> = new Set(SKIPPED_ELEMENTS);

/** A DOM node, as much of it as the walk needs (linkedom's and the browser's alike). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * The readable text of an element: paragraphs (and other blocks) separated by a blank line,
 * `<br>` as a line break, runs of white space collapsed (kept as they are inside `<pre>`).
 */
export function textOf(root: DomNode): string {
  const blocks: string[] = [];
  let line = "";
  const flush = () => {
    const text = line
      .split("\n")
      .map((part) => part.replace(/[ \t\f\r\u00a0]+/g, " ").trim())
      .join("\n")
      .trim();
    if (text !== "") blocks.push(text);
    line = "";
  };
  const raw = (node: DomNode): string =>
    node.nodeType === 3
      ? (node.nodeValue ?? "")
      : Array.from(node.childNodes, (child) => (child.nodeName.toLowerCase() === "br" ? "\n" : raw(child))).join("");
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      line += (node.nodeValue ?? "").replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toLowerCase();
    if (SKIP.has(name)) return;
    if (name === "br") {
      line += "\n";
      return;
    }
    if (name === "pre") {
      flush();
      const text = raw(node).replace(/^\n+|\s+$/g, "");
      if (text.trim() !== "") blocks.push(text);
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as DomNode);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks.join("\n\n");
}

/** The readable text of an HTML fragment or page. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return textOf(document.body as unknown as DomNode);
}

/** Folds a line for comparison: lower case, letters and digits only. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
