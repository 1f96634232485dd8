import { type Article, InvalidInputError } from "@rassegna/core";
import { parse as parseYaml, YAMLParseError } from "yaml";

import { SOURCE_STAGE } from "./types.js";

/** A `---` line opens the file, and another `---` (or `...`) line closes the block. */
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Front matter keys that become article fields; every other key goes to `meta`. */
const STRING_FIELDS = ["id", "title", "date", "language", "url", "source"] as const;
const LIST_FIELDS = ["targets", "holders"] as const;

/** A file's front matter, and where its body starts. */
export interface FrontMatter {
  /** The keys of the block (empty without one). */
  data: Record<string, unknown>;
  /** The text after the block. */
  body: string;
  /** UTF-16 offset of `body` in the content given (after a byte-order mark, if any). */
  bodyOffset: number;
}

/**
 * The block read as plain `key: value` lines, for the one mistake YAML rejects that people
 * make all the time: an unquoted value holding ": " (`title: Roma: il vertice`). `undefined`
 * unless every line has that form.
 */
function plainLines(block: string): Record<string, string> | undefined {
  const data: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const match = /^([A-Za-z_][\w-]*):[ \t]+(\S.*)$/.exec(line);
    if (!match || /^["'[{|>&*!]/.test(match[2] ?? "")) return undefined;
    data[match[1] as string] = (match[2] as string).trim();
  }
  return data;
}

/**
 * Splits a YAML front matter block (`---` … `---` at the very start) from the body, and
 * parses it with the `yaml` library. Content without such a block is all body. A block that
 * is not YAML only because a value holds ": " unquoted is read as `key: value` lines.
 * Throws an `INVALID_INPUT` error when the block is not a YAML mapping.
 */
export function parseFrontMatter(content: string, where = "the file"): FrontMatter {
  const bom = content.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bom ? content.slice(1) : content;
  const match = FRONT_MATTER.exec(source);
  if (!match) return { data: {}, body: source, bodyOffset: bom };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? "", { prettyErrors: false });
  } catch (error) {
    const lines = plainLines(match[1] ?? "");
    if (lines) return { data: lines, body: source.slice(match[0].length), bodyOffset: bom + match[0].length };
    const reason = error instanceof YAMLParseError ? error.message.split("\n")[0] : String(error);
    throw new InvalidInputError(`The front matter of ${where} is not valid YAML: ${reason}.`, {
      stage: SOURCE_STAGE,
      hint: "Fix the block between the two --- lines (one `key: value` a line; quote values that hold a colon).",
    });
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new InvalidInputError(`The front matter of ${where} is not a set of "key: value" lines.`, {
      stage: SOURCE_STAGE,
      hint: "Write it as `key: value` lines between the two --- lines.",
    });
  }
  return {
    data: data as Record<string, unknown>,
    body: source.slice(match[0].length),
    bodyOffset: bom + match[0].length,
  };
}

function asString(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/**
 * Turns front matter keys into article fields: `id`, `title`, `date`, `language`, `url`,
 * `source` (and `targets`, `holders` lists) become fields; every other key goes to `meta`
 * untouched. A known key whose value is not text goes to `meta` as well, so nothing is lost.
 */
export function fieldsFromData(data: Record<string, unknown>): Omit<Article, "text"> {
  const article: Omit<Article, "text"> = {};
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if ((STRING_FIELDS as readonly string[]).includes(key)) {
      const text = asString(value);
      if (text !== undefined) (article as Record<string, unknown>)[key] = text;
      else if (value !== null && value !== undefined) meta[key] = value;
    } else if ((LIST_FIELDS as readonly string[]).includes(key)) {
      const list = (Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [])
        .map(asString)
        .filter((item): item is string => item !== undefined);
      if (list.length > 0) (article as Record<string, unknown>)[key] = list;
      else if (value !== null && value !== undefined) meta[key] = value;
    } else if (key === "meta" && value !== null && typeof value === "object" && !Array.isArray(value)) {
      Object.assign(meta, value);
    } else {
      meta[key] = value;
    }
  }
  if (Object.keys(meta).length > 0) article.meta = meta;
  return article;
}
