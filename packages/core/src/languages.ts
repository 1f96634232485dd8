/**
 * Language codes: ISO 639-3 (what the language detector's models name), ISO 639-1 (the
 * contract's `language`, where one exists) and ISO 639-2/B (the bibliographic codes some
 * catalogues and older APIs send: "fre", "ger"). One table for every stage, built from the
 * `iso-639-3` package (data/languages/, see scripts/data/README.md).
 */
import { ISO_639_3_TO_1, ISO_639_3_TO_2B } from "./generated/languages.js";

export { ISO_639_3_TO_1 };

/** ISO 639-2/B → ISO 639-3, for the twenty languages whose codes differ ("fre" → "fra"). */
const BIBLIOGRAPHIC_TO_3: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    Object.entries(ISO_639_3_TO_2B)
      .filter(([three, b]) => three !== b)
      .map(([three, b]) => [b, three]),
  ),
);

/**
 * The contract's language code of an ISO 639-3 code: its ISO 639-1 code where one exists
 * ("ita" → "it"; "cmn" → "zh", an individual language taking its macrolanguage's), else the
 * code itself, in lower case ("haw" → "haw"). A 639-1 code comes back as it is.
 */
export function toIso6391(iso6393: string): string {
  const code = iso6393.toLowerCase();
  // Own keys only: "constructor" is no language.
  return Object.hasOwn(ISO_639_3_TO_1, code) ? (ISO_639_3_TO_1[code] as string) : code;
}

/**
 * The ISO 639-3 code of an ISO 639-2/B (bibliographic) code ("fre" → "fra", "ger" → "deu",
 * "chi" → "zho"); any other code as it is, in lower case.
 */
export function fromIso6392B(code: string): string {
  const lower = code.toLowerCase();
  return Object.hasOwn(BIBLIOGRAPHIC_TO_3, lower) ? (BIBLIOGRAPHIC_TO_3[lower] as string) : lower;
}
