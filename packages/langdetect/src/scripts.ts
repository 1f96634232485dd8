/**
 * Which writing systems a text uses (ISO 15924 codes). Counting letters per script comes first in
 * detection: most scripts narrow the candidates to one or a few languages before any model runs.
 */
import { LANGUAGE_SCRIPTS } from "./generated/data.js";

/** ISO 15924 code of a code point's script, for letters; `undefined` for anything else. */
export function scriptOf(cp: number): string | undefined {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) ? "Latn" : undefined;
  if (cp < 0x250)
    return cp === 0xd7 || cp === 0xf7 || cp < 0xc0 ? (cp === 0xaa || cp === 0xba ? "Latn" : undefined) : "Latn";
  if (cp >= 0x1e00 && cp <= 0x1eff) return "Latn";
  if (cp >= 0x370 && cp <= 0x3ff) return cp >= 0x386 ? "Grek" : undefined;
  if (cp >= 0x1f00 && cp <= 0x1fff) return "Grek";
  if (cp >= 0x400 && cp <= 0x52f) return cp >= 0x483 && cp <= 0x489 ? undefined : "Cyrl";
  if (cp >= 0x590 && cp <= 0x5ff) return cp >= 0x5d0 ? "Hebr" : undefined;
  if ((cp >= 0x620 && cp <= 0x64a) || (cp >= 0x66e && cp <= 0x6d3) || (cp >= 0x6fa && cp <= 0x6ff)) return "Arab";
  if ((cp >= 0x750 && cp <= 0x77f) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefc)) return "Arab";
  if (cp >= 0x900 && cp <= 0x97f) return "Deva";
  if (cp >= 0x980 && cp <= 0x9ff) return "Beng";
  if (cp >= 0xa00 && cp <= 0xa7f) return "Guru";
  if (cp >= 0xa80 && cp <= 0xaff) return "Gujr";
  if (cp >= 0xb00 && cp <= 0xb7f) return "Orya";
  if (cp >= 0xb80 && cp <= 0xbff) return "Taml";
  if (cp >= 0xc00 && cp <= 0xc7f) return "Telu";
  if (cp >= 0xc80 && cp <= 0xcff) return "Knda";
  if (cp >= 0xd00 && cp <= 0xd7f) return "Mlym";
  if (cp >= 0xd80 && cp <= 0xdff) return "Sinh";
  if (cp >= 0xe00 && cp <= 0xe7f) return "Thai";
  if (cp >= 0xe80 && cp <= 0xeff) return "Laoo";
  if (cp >= 0xf00 && cp <= 0xfff) return "Tibt";
  if (cp >= 0x1000 && cp <= 0x109f) return "Mymr";
  if (cp >= 0x10a0 && cp <= 0x10ff) return "Geor";
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xac00 && cp <= 0xd7af)) return "Hang";
  if (cp >= 0x1200 && cp <= 0x139f) return "Ethi";
  if (cp >= 0x1780 && cp <= 0x17ff) return "Khmr";
  if (cp >= 0x530 && cp <= 0x58f) return cp >= 0x531 ? "Armn" : undefined;
  if (cp >= 0x3040 && cp <= 0x309f) return "Hira";
  if ((cp >= 0x30a0 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff66 && cp <= 0xff9d))
    return cp === 0x30fb ? undefined : "Kana";
  if (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    cp === 0x3005 ||
    cp === 0x3007
  )
    return "Hani";
  if (cp >= 0xff21 && cp <= 0xff5a) return "Latn";
  return undefined;
}

/** Letters per script in `text`. */
export function countScripts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) {
    const script = scriptOf(ch.codePointAt(0) as number);
    if (script !== undefined) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return counts;
}

/**
 * The dominant writing system of a text. Han, Hiragana and Katakana count together: any kana makes
 * the text Japanese (`Jpan`), Han alone is `Hani`. Returns `undefined` when there are no letters.
 */
export function dominantScript(
  counts: Map<string, number>,
): { script: string; letters: number; share: number } | undefined {
  let total = 0;
  for (const n of counts.values()) total += n;
  if (total === 0) return undefined;
  const kana = (counts.get("Hira") ?? 0) + (counts.get("Kana") ?? 0);
  const han = counts.get("Hani") ?? 0;
  let best = "";
  let bestCount = 0;
  for (const [script, n] of counts) {
    if (script === "Hira" || script === "Kana" || script === "Hani") continue;
    if (n > bestCount) {
      best = script;
      bestCount = n;
    }
  }
  if (kana + han > bestCount) {
    best = kana > 0 ? "Jpan" : "Hani";
    bestCount = kana + han;
  }
  return { script: best, letters: bestCount, share: bestCount / total };
}

/** True when a letter of script `letter` belongs to text whose dominant script is `dominant`. */
export function inScript(letter: string | undefined, dominant: string): boolean {
  if (letter === dominant) return true;
  if (dominant === "Jpan" || dominant === "Hani") return letter === "Hani" || letter === "Hira" || letter === "Kana";
  return false;
}

/**
 * Usual script of a language (ISO 639-3), for answers that come from a hint; `Zyyy` when unknown.
 * From `data/language-scripts.yml`, the table the model is built with too.
 */
export function scriptOfLanguage(iso6393: string): string {
  return LANGUAGE_SCRIPTS[iso6393] ?? "Zyyy";
}
