#!/usr/bin/env node
/**
 * Keeps the shape of the packages' sources (issue #12), run by `pnpm lint`:
 *
 * - no word list in `.ts` source under `packages/*\/src` outside `src/generated/`: word lists,
 *   lexicons and tables live in `packages/<pkg>/data/` and the data compiler (scripts/data/)
 *   turns them into `src/generated/*.ts`;
 * - no source file over 500 lines (the aim is ~400: longer files are named, not failed).
 *
 * A word list is, in one expression, at least 8 string literals that are words (letters,
 * digits, ' . - &, up to four of them with spaces): an array (`["sig", "dott", …]`, also inside
 * `new Set([…])`), an array of tuples (`[["Rome", "IT"], …]`), a string split into words
 * (`"a b c …".split(" ")`, also from a concatenation of literals), a tagged or plain template
 * of words (``words`a b c …` ``), a string of `|`-separated words (`"attack*|sued|…"`), an
 * object whose values are words (`{ it: "Italian", … }`), or a regular expression with a
 * group of 8 or more words (`/\b(?:said|told|…)\b/`).
 *
 *   node scripts/source-shape.mjs            check every package's src/
 *   node scripts/source-shape.mjs FILE…      check these files (the allow-list still applies)
 *
 * `ALLOWED` below lets a file keep its lists for a while, with the reason; an entry that no
 * longer matches a problem is named, to be removed, so that the list only shrinks.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** At least this many words in one expression make a word list. */
export const MIN_WORDS = 8;
/** No source file may be longer than this (lines). */
export const MAX_LINES = 500;
/** Files longer than this are named as a warning (the aim of issue #12). */
export const AIM_LINES = 400;

/**
 * Files that may keep a word list (or their length) for now, with the reason. Paths are
 * relative to the repository root; `kind` is "words" or "lines".
 */
export const ALLOWED = [];

const WORD = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.&-]*$/u;
const LETTER = /\p{L}/u;

/** True for a word or a short phrase of words ("sig", "S.p.A.", "side with"), not code or prose. */
export function isWord(text) {
  const parts = text.split(" ");
  return parts.length <= 4 && LETTER.test(text) && parts.every((part) => WORD.test(part));
}

/** Words of a string split on white space, `|` or `,` (a `*` or `?` at the end of a word is a wildcard). */
function splitWords(text) {
  return text
    .split(/[\s|,]+/)
    .map((w) => w.replace(/[*?]$/, ""))
    .filter((w) => w !== "");
}

/** The text of a string literal, a template without substitutions or a `+` of them; undefined otherwise. */
function literalText(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literalText(node.left);
    const right = literalText(node.right);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  return undefined;
}

/** Names of constants (`"PERSON"`, `"WORK_OF_ART"`): a list of only these is an enumeration, not words. */
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;

/** How many of these texts are words; 0 when they are all constants' names. */
function countWords(texts) {
  const words = texts.filter(isWord);
  return words.every((w) => CONSTANT.test(w)) ? 0 : words.length;
}

/** Word literals among an array's elements, one level of tuples included. */
function arrayWords(node) {
  const texts = [];
  for (const element of node.elements) {
    const text = literalText(element);
    if (text !== undefined) texts.push(text);
    else if (ts.isArrayLiteralExpression(element))
      for (const inner of element.elements) {
        const innerText = literalText(inner);
        if (innerText !== undefined) texts.push(innerText);
      }
  }
  return countWords(texts);
}

/**
 * True when the compiler checks the strings against a type narrower than `string`: an array
 * `as const` (it defines a union type), or one handed to `new Set<Field>(…)` or declared
 * `const x: Field[]` with a type that is not `string`. Such strings are names the program
 * uses (commands, fields), checked where they are used, not words of a language.
 */
function isTypedNames(node) {
  let parent = node.parent;
  if (parent && ts.isAsExpression(parent)) return parent.type.getText() === "const";
  if (parent && ts.isSatisfiesExpression(parent)) return !/\bstring\b/.test(parent.type.getText());
  if (parent && ts.isNewExpression(parent) && parent.typeArguments?.length)
    return !parent.typeArguments.some((t) => /\bstring\b/.test(t.getText()));
  while (parent && (ts.isParenthesizedExpression(parent) || ts.isNewExpression(parent) || ts.isCallExpression(parent)))
    parent = parent.parent;
  if (parent && ts.isVariableDeclaration(parent) && parent.type) return !/\bstring\b/.test(parent.type.getText());
  return false;
}

/** The largest group of plain-word alternatives in a regular expression's source. */
function regexWords(source) {
  let best = 0;
  // Innermost groups and the top level: split on | where every alternative is letters only.
  const groups = [];
  const stack = [];
  let top = "";
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") {
      const pair = source.slice(i, i + 2);
      if (stack.length > 0) stack[stack.length - 1] += pair;
      else top += pair;
      i++;
    } else if (ch === "(") stack.push("");
    else if (ch === ")") {
      const body = stack.pop() ?? "";
      groups.push(body.replace(/^\?(?:[:=!]|<[=!]|<[^>]*>)/, ""));
      if (stack.length > 0) stack[stack.length - 1] += "\u0000";
      else top += "\u0000";
    } else if (stack.length > 0) stack[stack.length - 1] += ch;
    else top += ch;
  }
  groups.push(top);
  for (const group of groups) {
    const alternatives = group.split("|");
    if (alternatives.length < MIN_WORDS) continue;
    const words = alternatives.filter((a) => /^[\p{L}][\p{L}\p{M}' ]*$/u.test(a));
    if (words.length >= MIN_WORDS && words.length >= alternatives.length * 0.8) best = Math.max(best, words.length);
  }
  return best;
}

/**
 * The word lists and the length problem of one source text. Each problem is
 * `{ line, kind: "words" | "lines", message }` (line 1-based).
 */
export function checkSource(text, fileName = "source.ts") {
  const problems = [];
  const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  if (lines > MAX_LINES)
    problems.push({
      line: MAX_LINES + 1,
      kind: "lines",
      message: `${lines} lines (at most ${MAX_LINES}; aim for ${AIM_LINES}): split it into files of one concern each`,
    });
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const report = (node, count, what) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    problems.push({
      line: line + 1,
      kind: "words",
      message: `${what} of ${count} words: move it to packages/<pkg>/data/ (see scripts/data/README.md)`,
    });
  };
  const visit = (node) => {
    if (ts.isArrayLiteralExpression(node)) {
      const count = arrayWords(node);
      if (count >= MIN_WORDS && !isTypedNames(node)) return report(node, count, "an array");
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "split"
    ) {
      const source = literalText(node.expression.expression);
      if (source !== undefined) {
        const words = splitWords(source);
        if (words.length >= MIN_WORDS && words.every(isWord) && countWords(words) > 0)
          return report(node, words.length, "a split string");
      }
    } else if (ts.isTaggedTemplateExpression(node)) {
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template.text]
        : [template.head.text, ...template.templateSpans.map((s) => s.literal.text)];
      const words = parts.flatMap(splitWords);
      if (words.length >= MIN_WORDS && words.every(isWord)) return report(node, words.length, "a template");
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (node.text.includes("|")) {
        const words = node.text.split("|").map((w) => w.trim().replace(/[*?]$/, ""));
        if (words.length >= MIN_WORDS && words.every(isWord)) return report(node, words.length, "a |-separated string");
      } else if (ts.isNoSubstitutionTemplateLiteral(node) && !ts.isTaggedTemplateExpression(node.parent)) {
        const words = splitWords(node.text);
        if (words.length >= MIN_WORDS && words.every(isWord) && /\n/.test(node.text))
          return report(node, words.length, "a template");
      }
    } else if (ts.isObjectLiteralExpression(node)) {
      // A table of words: word keys (`it:`, `"sig":`) with word values.
      const values = [];
      for (const property of node.properties) {
        if (!ts.isPropertyAssignment(property)) continue;
        const key = ts.isIdentifier(property.name) ? property.name.text : literalText(property.name);
        const value = literalText(property.initializer);
        if (key !== undefined && value !== undefined && isWord(key)) values.push(value);
      }
      const count = countWords(values);
      if (count >= MIN_WORDS) return report(node, count, "a table");
    } else if (ts.isRegularExpressionLiteral(node)) {
      const source = node.text.slice(1, node.text.lastIndexOf("/"));
      const count = regexWords(source);
      if (count >= MIN_WORDS) return report(node, count, "a regular expression with a group");
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return problems;
}

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== "generated" && entry !== "node_modules") out.push(...walk(path));
    } else if (/\.(m|c)?tsx?$/.test(entry) && !entry.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** The sources the check covers: `packages/*\/src/**\/*.ts` outside `src/generated/`. */
export function sourceFiles(root) {
  const packages = join(root, "packages");
  return readdirSync(packages)
    .sort()
    .flatMap((name) => {
      const src = join(packages, name, "src");
      try {
        return statSync(src).isDirectory() ? walk(src) : [];
      } catch {
        return [];
      }
    });
}

/**
 * Checks files (paths relative to `root`) against the rules and the allow-list. Returns the
 * problems (`"path:line: message"`), the allowed ones and the stale allow entries.
 */
export function checkFiles(root, files, allowed = ALLOWED) {
  const failures = [];
  const excused = [];
  const used = new Set();
  const warnings = [];
  for (const path of files) {
    const shown = relative(root, path).split(sep).join("/");
    const text = readFileSync(path, "utf8");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    if (lines > AIM_LINES && lines <= MAX_LINES) warnings.push(`${shown}: ${lines} lines (aim: ${AIM_LINES})`);
    for (const problem of checkSource(text, shown)) {
      const entry = allowed.find((a) => a.path === shown && a.kind === problem.kind);
      const line = `${shown}:${problem.line}: ${problem.message}`;
      if (entry) {
        used.add(entry);
        excused.push(`${line} (allowed: ${entry.reason})`);
      } else failures.push(line);
    }
  }
  const checked = new Set(files.map((f) => relative(root, f).split(sep).join("/")));
  const stale = allowed
    .filter((a) => checked.has(a.path) && !used.has(a))
    .map(
      (a) =>
        `${a.path}: allowed to have ${a.kind === "lines" ? "over 500 lines" : "word lists"} but has none: remove it from ALLOWED in scripts/source-shape.mjs`,
    );
  return { failures, excused, stale, warnings };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const args = process.argv.slice(2);
  const files = args.length > 0 ? args.map((a) => join(process.cwd(), a)) : sourceFiles(root);
  const { failures, excused, stale, warnings } = checkFiles(root, files);
  for (const w of warnings) console.log(`note: ${w}`);
  // An entry whose file has lost its lists is named (not failed: its owner may land first).
  for (const s of stale) console.log(`note: ${s}`);
  if (excused.length > 0)
    console.log(`source-shape: ${excused.length} word list(s) allowed for now (ALLOWED in scripts/source-shape.mjs)`);
  for (const f of failures) console.error(f);
  if (failures.length > 0) {
    console.error(
      `\nsource-shape: ${failures.length} problem(s). Word lists go to packages/<pkg>/data/ (scripts/data/README.md); long files are split into files of one concern.`,
    );
    process.exit(1);
  }
  console.log(
    `source-shape: ${files.length} files, no word list in source outside src/generated/, none over ${MAX_LINES} lines.`,
  );
}
