/**
 * Page chrome: the parts a news site puts around an article (menus, section labels, by-lines,
 * time stamps, share buttons, newsletter and cookie lines) name no entity of the article.
 * {@link maskPageChrome} blanks those lines (spaces of the same length, so offsets stay true)
 * before the rules read the text; "Leggi anche:" and "Tags:" keep what follows their label.
 */
import { LABEL_PREFIXES, LINE_WORDS } from "./generated/chrome.js";

const LINE_WORD_SET: ReadonlySet<string> = new Set(LINE_WORDS);
const LABELS = [...LABEL_PREFIXES].sort((a, b) => b.length - a.length);

function words(line: string): string[] {
  return line.match(/[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu) ?? [];
}

/** True when a line is site furniture rather than article text. */
export function isChromeLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === "") return false;
  const all = words(trimmed);
  if (all.length === 0) return true;
  const lower = all.map((w) => w.toLowerCase());
  if (lower.includes("cookie") || lower.includes("cookies")) return true;
  // "World | Politics | Business", "Cronaca   Politica   Esteri": short items between bars or wide gaps.
  const items = trimmed
    .split(/\s*[|•☰·]\s*|\s{3,}/u)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length >= 3 && items.every((item) => words(item).length <= 3)) return true;
  // "☰ Sections Chronicle Politics Economy | Login": a bar and nothing but capitalised words.
  if (
    /[|☰]/u.test(trimmed) &&
    all.length >= 3 &&
    all.every((w) => /^[\p{Lu}\d]/u.test(w)) &&
    !/[.,;:«»"]/u.test(trimmed)
  )
    return true;
  // "ESTERI", "RELIGIONE": a section label alone on its line.
  if (all.length <= 2 && all.every((w) => !/\p{Ll}/u.test(w)) && !/[,–-]/.test(trimmed)) return true;
  // By-lines, time stamps, share and newsletter lines: short, and most of their words are furniture.
  const furniture = lower.filter((w) => LINE_WORD_SET.has(w)).length;
  if (
    all.length <= 12 &&
    furniture > 0 &&
    (furniture * 3 >= all.length || furniture >= 2 || /\b\d{1,2}[:.]\d{2}\b/.test(trimmed))
  )
    return true;
  return false;
}

/** The text with chrome lines blanked and "Leggi anche:" / "Tags:" labels removed. */
export function maskPageChrome(text: string): string {
  if (!text.includes("\n")) return text;
  let changed = false;
  const lines = text.split("\n").map((line) => {
    const lowerLine = line.trimStart().toLowerCase();
    for (const label of LABELS) {
      if (lowerLine.startsWith(label) && /^\s*:/.test(lowerLine.slice(label.length))) {
        const at = line.length - lowerLine.length + label.length;
        const colon = line.indexOf(":", at);
        changed = true;
        return " ".repeat(colon + 1) + line.slice(colon + 1);
      }
    }
    if (isChromeLine(line)) {
      changed = true;
      return " ".repeat(line.length);
    }
    return line;
  });
  return changed ? lines.join("\n") : text;
}
