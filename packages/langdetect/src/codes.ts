import { ISO_639_3_TO_1, toIso6391 } from "@rassegna/core";
import { PREFERRED_INDIVIDUAL_LANGUAGES } from "./generated/data.js";

/** The contract's language code of an ISO 639-3 code: core's, the one table of every stage. */
export { toIso6391 };

/**
 * ISO 639-1 → ISO 639-3; where several individual languages share a 639-1 code, the main one wins
 * (`data/preferred-individual-languages.yml`).
 */
const PREFERRED_3: Readonly<Record<string, string>> = PREFERRED_INDIVIDUAL_LANGUAGES;
const TO_3: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = {};
  // In code order, the first 639-3 code of each 639-1 code (as data/iso639.json was read before it moved to core).
  const byCode = Object.entries(ISO_639_3_TO_1).sort(([a], [b]) => a.localeCompare(b));
  for (const [three, one] of byCode) if (!(one in out)) out[one] = three;
  return { ...out, ...PREFERRED_3 };
})();

/**
 * ISO 639-3 code of a 639-1 or 639-3 code (`"it"` → `"ita"`, `"zh"` → `"cmn"`, `"ita"` → `"ita"`);
 * `undefined` for a code that is neither.
 */
export function toIso6393(code: string): string | undefined {
  const c = code.trim().toLowerCase();
  if (c === "und") return "und";
  if (c.length === 2) return TO_3[c];
  if (c.length === 3) return c;
  return undefined;
}
