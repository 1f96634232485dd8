import {
  assertText,
  checkOptions,
  DETECT_OPTIONS,
  type LanguageAlternative,
  type LanguageGuess,
  RassegnaError,
} from "@rassegna/core";
import { francAll } from "franc";
import { toIso6391, toIso6393 } from "./codes.js";
import { KIN_LANGUAGES } from "./generated/data.js";
import { findKey, loadModel, type Model } from "./model.js";
import { cutSample, SAMPLE_LENGTH, sampleOf } from "./sample.js";
import { DEFAULT_SCORE_PARAMS, type ScoreParams, scoreTokens } from "./score.js";
import { countScripts, dominantScript, inScript, scriptOf } from "./scripts.js";

/** Options of {@link detectLanguage}. */
export interface DetectOptions {
  /** Languages to choose from (ISO 639-1 or 639-3 codes); all others are never answered. */
  only?: readonly string[];
  /** Languages never to answer (ISO 639-1 or 639-3 codes). */
  ignore?: readonly string[];
  /** Fewest letters needed for an answer; shorter texts are `"und"`. Default 1. */
  minLength?: number;
  /**
   * The languages the source publishes in (ISO 639-1 or 639-3), e.g. `["it", "en"]` for an Italian
   * feed that carries some English: the answer is one of them (with `only`, one of both lists).
   */
  languages?: readonly string[];
  /**
   * The language the text is expected to be in: a prior in its favour, worth a few words of
   * evidence, so that a short or ambiguous text (a headline) goes to it while a text clearly in
   * another language still gets its own. Unlike an article's `language`, it does not skip detection.
   */
  language?: string;
}

export const STAGE = "language";

export { SAMPLE_LENGTH, sampleOf };

/** Confidence from which a guess is `reliable` (accuracy in that band is reported by the benchmark). */
const RELIABLE_CONFIDENCE = 0.8;
/** Letters under which a guess is never `reliable`. */
const RELIABLE_LETTERS = 5;

/** Tunables of the scorer and of the posterior; changed only by the tuning script. */
export const tuning = {
  score: { ...DEFAULT_SCORE_PARAMS } as ScoreParams,
  /** Posterior sharpness: log-likelihoods are multiplied by this before the softmax. */
  sharpness: 0.4,
  /**
   * Log prior per ISO 639-3 code (languages not listed: 0): languages rare in a newsroom's feed
   * (Occitan, Esperanto, Afrikaans) or close kin of a more common one start behind; Japanese starts
   * behind on Han-only text (Japanese prose has kana); Ukrainian, whose cleaned word list is the
   * shortest, starts a little ahead. Tuned on the even lines of the benchmark (see
   * bench/langid.bench.ts), reported on the odd ones too.
   */
  priors: { oci: -9, epo: -9, afr: -3, nob: -2, mkd: -1, srp: -2, jpn: -2, ukr: 1 } as Record<string, number>,
  /** Below this mean log-probability per character, no modelled language fits: ask franc. */
  unfitPerChar: -6,
  /** Log prior of the `language` option's language (a few words' worth of evidence). */
  hintPrior: 6,
};

/**
 * Scripts where franc knows languages our word lists lack (Belarusian, Urdu, Yiddish, Amharic…):
 * text in them with letters no candidate uses, or that fits no candidate, goes to franc.
 */
const FRANC_SCRIPTS = new Set(["Latn", "Cyrl", "Arab", "Hebr", "Ethi", "Mymr"]);

interface Resolved {
  only?: Set<string>;
  ignore: Set<string>;
  minLength: number;
  /** ISO 639-3 code of the `language` option. */
  hint?: string;
}

function resolveCodes(codes: readonly string[] | undefined, name: string): Set<string> | undefined {
  if (codes === undefined) return undefined;
  if (!Array.isArray(codes)) {
    throw new RassegnaError("INVALID_INPUT", `${STAGE}: option ${name} must be an array of language codes.`, {
      stage: STAGE,
      hint: `Pass e.g. { ${name}: ["it", "en"] }.`,
    });
  }
  const out = new Set<string>();
  for (const code of codes) {
    const three = typeof code === "string" ? toIso6393(code) : undefined;
    if (three === undefined) {
      throw new RassegnaError(
        "INVALID_INPUT",
        `${STAGE}: ${JSON.stringify(code)} in option ${name} is not an ISO 639-1 or 639-3 code.`,
        {
          stage: STAGE,
          hint: 'Use two-letter ("it") or three-letter ("ita") codes.',
        },
      );
    }
    out.add(three);
    // The macrolanguage and its main member are one language for the caller.
    const one = toIso6391(three);
    const main = toIso6393(one);
    if (main) out.add(main);
    if (one === "zh") out.add("cmn");
    if (one === "fa") out.add("pes");
    if (one === "ar") out.add("arb");
  }
  return out;
}

function resolve(options: DetectOptions): Resolved {
  let only = resolveCodes(options.only, "only");
  const languages = resolveCodes(options.languages, "languages");
  if (languages) only = only ? new Set([...only].filter((code) => languages.has(code))) : languages;
  let hint: string | undefined;
  if (options.language !== undefined) {
    hint = typeof options.language === "string" ? toIso6393(options.language.trim()) : undefined;
    if (hint === undefined) {
      throw new RassegnaError(
        "INVALID_INPUT",
        `${STAGE}: option language ${JSON.stringify(options.language)} is not an ISO 639-1 or 639-3 code.`,
        { stage: STAGE, hint: 'Pass e.g. { language: "it" }.' },
      );
    }
    // The main member of a macrolanguage is what the model knows ("zh" → cmn).
    hint = [...(resolveCodes([hint], "language") as Set<string>)].pop() ?? hint;
  }
  return {
    ignore: resolveCodes(options.ignore, "ignore") ?? new Set(),
    minLength: options.minLength ?? 1,
    ...(only ? { only } : {}),
    ...(hint ? { hint } : {}),
  };
}

function allowed(code: string, r: Resolved): boolean {
  return (!r.only || r.only.has(code)) && !r.ignore.has(code);
}

/** The answer for a text whose language cannot be told. */
export function undetermined(script = "Zyyy"): LanguageGuess {
  return { code: "und", iso6393: "und", confidence: 0, script, reliable: false, alternatives: [] };
}

function guess(
  iso6393: string,
  confidence: number,
  script: string,
  letters: number,
  alternatives: LanguageAlternative[] = [],
): LanguageGuess {
  return {
    code: toIso6391(iso6393),
    iso6393,
    confidence: round(confidence),
    script,
    reliable: confidence >= RELIABLE_CONFIDENCE && letters >= RELIABLE_LETTERS,
    alternatives,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Characters after which a capitalised word starts a sentence (or a line, a quote, a list item). */
const OPENERS = new Set([..."\n\r.!?…:;\"«»“”„‘’'()[]–—-|•·*#>"]);

/**
 * Tokens of the dominant script, lower-cased: what the model scores; and, per token, 1 when it
 * looks like a name: capitalised inside a sentence ("a Bruxelles"), or in capitals ("ROMA").
 */
function tokensOf(text: string, script: string): { tokens: string[]; names: Uint8Array } {
  const tokens: string[] = [];
  const flags: number[] = [];
  const normalised = text.normalize("NFC");
  const re = /[\p{L}\p{M}]+/gu;
  for (let m = re.exec(normalised); m !== null; m = re.exec(normalised)) {
    const word = m[0];
    if (!inScript(scriptOf(word.codePointAt(0) as number), script)) continue;
    const lower = word.toLowerCase();
    let name = 0;
    if (lower !== word) {
      const upper = word.toUpperCase();
      if (upper === word && word.length >= 2) name = 1;
      else if (word[0] !== lower[0]) {
        let i = m.index - 1;
        while (i >= 0 && /\s/.test(normalised[i] as string) && normalised[i] !== "\n") i--;
        name = i >= 0 && !OPENERS.has(normalised[i] as string) ? 1 : 0;
      }
    }
    tokens.push(lower);
    flags.push(name);
  }
  return { tokens, names: Uint8Array.from(flags) };
}

/** True when some letter of the tokens is used by no candidate language: a sign of an unmodelled language. */
function hasUnknownLetters(model: Model, tokens: readonly string[], candidates: readonly number[]): boolean {
  const distinct = new Set<string>();
  for (const token of tokens) for (const ch of token) distinct.add(ch);
  const known = new Uint8Array(model.codes.length);
  for (const lang of candidates) known[lang] = 1;
  for (const ch of distinct) {
    const key = findKey(model.grams, ch, 0, ch.length);
    if (key < 0) return true;
    let found = false;
    for (
      let e = model.grams.entryStart[key] as number;
      e < (model.grams.entryStart[key + 1] as number) && !found;
      e++
    ) {
      found = known[model.grams.langs[e] as number] === 1;
    }
    if (!found) return true;
  }
  return false;
}

/** franc's answer among the languages of one script, as a guess (franc's scores are not probabilities). */
function francGuess(text: string, script: string, letters: number, r: Resolved): LanguageGuess {
  const only = r.only ? [...r.only] : undefined;
  const ranked = francAll(text, { minLength: 1, ignore: [...r.ignore], ...(only ? { only } : {}) });
  const [top, second] = ranked;
  if (!top || top[0] === "und") return undetermined(script);
  const margin = second ? top[1] - second[1] : 1;
  const confidence = Math.min(0.95, 0.5 + margin * 4);
  const alternatives = ranked
    .slice(1, 4)
    .map(([code, score]) => ({ code: toIso6391(code), confidence: round(confidence * score * 0.5) }));
  return guess(top[0], confidence, script, letters, alternatives);
}

/**
 * The language of a text. Non-strings are an `INVALID_INPUT` error; texts without letters (empty,
 * white space, digits, emoji) are `"und"`. Long texts are judged on their first few thousand characters.
 */
export function detectLanguage(text: string, options: DetectOptions = {}): LanguageGuess {
  assertText(text, { stage: STAGE });
  checkOptions(DETECT_OPTIONS, options, STAGE);
  return detectResolved(sampleOf(text), resolve(options));
}

/** Detection of one piece of a text as it is (no prose sample), after the options are checked. */
export function detectPiece(text: string, r: Resolved, prior?: { lang: string; weight: number }): LanguageGuess {
  return detectResolved(cutSample(text), r, prior);
}

/** Detection after the options are checked; `text` is already a sample. */
export function detectResolved(text: string, r: Resolved, prior?: { lang: string; weight: number }): LanguageGuess {
  const counts = countScripts(text);
  let dominant = dominantScript(counts);
  if (!dominant) return undetermined();
  if (dominant.script === "Jpan") {
    const kana = (counts.get("Hira") ?? 0) + (counts.get("Kana") ?? 0);
    if (kana < 2 && kana / dominant.letters < 0.05) dominant = { ...dominant, script: "Hani" };
  }
  const { script, letters } = dominant;
  if (letters < r.minLength) return undetermined(script);
  const model = loadModel();
  const candidates: number[] = [];
  model.codes.forEach((code, lang) => {
    const home = model.scripts[lang];
    const fits = home === script || (script === "Hani" && home === "Jpan") || (script === "Jpan" && home === "Jpan");
    if (fits && allowed(code, r)) candidates.push(lang);
  });
  // Kana: only Japanese writes them.
  if (script === "Jpan") return allowed("jpn", r) ? guess("jpn", 1, script, letters) : undetermined(script);
  const { tokens, names } = tokensOf(text, script);
  const francKnows = FRANC_SCRIPTS.has(script);
  if (candidates.length === 0 || (francKnows && hasUnknownLetters(model, tokens, candidates))) {
    return francGuess(text, script, letters, r);
  }
  if (candidates.length === 1) {
    return guess(model.codes[candidates[0] as number] as string, 1, script, letters);
  }
  const totals = new Float64Array(model.codes.length);
  const chars = scoreTokens(model, tokens, candidates, totals, tuning.score, names);
  for (const lang of candidates) {
    const code = model.codes[lang] as string;
    totals[lang] = (totals[lang] as number) + (tuning.priors[code] ?? 0);
    if (prior && prior.lang === code) totals[lang] = (totals[lang] as number) + prior.weight;
    if (r.hint === code) totals[lang] = (totals[lang] as number) + tuning.hintPrior;
  }
  candidates.sort((a, b) => (totals[b] as number) - (totals[a] as number));
  const best = candidates[0] as number;
  const bestScore = totals[best] as number;
  if (francKnows && chars >= 20 && bestScore / chars < tuning.unfitPerChar) {
    return francGuess(text, script, letters, r);
  }
  // Serbian stands here for its Latin-script kin: franc tells Croatian, Bosnian and Serbian apart
  // (data/kin-languages.yml).
  const bestCode = model.codes[best] as string;
  const kinOfBest = Object.hasOwn(KIN_LANGUAGES, bestCode) ? KIN_LANGUAGES[bestCode] : undefined;
  if (kinOfBest && letters >= 20) {
    const kin = kinOfBest.filter((code) => allowed(code, r));
    const [top] = francAll(text, { only: kin, minLength: 1 });
    if (top && top[0] !== "und" && top[0] !== bestCode) {
      return guess(top[0], 0.7, script, letters, [{ code: toIso6391(bestCode), confidence: 0.2 }]);
    }
  }
  let sum = 0;
  const weights = candidates.map((lang) => {
    const w = Math.exp(((totals[lang] as number) - bestScore) * tuning.sharpness);
    sum += w;
    return w;
  });
  const alternatives: LanguageAlternative[] = [];
  for (let i = 1; i < candidates.length && alternatives.length < 3; i++) {
    const confidence = (weights[i] as number) / sum;
    if (confidence < 0.001) break;
    alternatives.push({
      code: toIso6391(model.codes[candidates[i] as number] as string),
      confidence: round(confidence),
    });
  }
  return guess(model.codes[best] as string, 1 / sum, script, letters, alternatives);
}

export { type Resolved as ResolvedOptions, resolve as resolveOptions };
