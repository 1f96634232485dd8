/**
 * The record types of the Rassegna contract (`../shared/CONTRACT.md`).
 *
 * Offsets are UTF-16 code-unit offsets (JavaScript string indices), `end` exclusive:
 * `text.slice(start, end)` is the span.
 */

/** A half-open range `[start, end)` of UTF-16 code units in some text. */
export interface Span {
  start: number;
  end: number;
}

/** One alternative language of a {@link LanguageGuess}. */
export interface LanguageAlternative {
  code: string;
  confidence: number;
}

/** What language a text is written in. */
export interface LanguageGuess {
  /** ISO 639-1 where one exists, else ISO 639-3; `"und"` when it cannot be told. */
  code: string;
  /** ISO 639-3 code (`"und"` when unknown). */
  iso6393: string;
  /** In [0, 1]. */
  confidence: number;
  /** ISO 15924 script code of the dominant script, e.g. `"Latn"`, `"Cyrl"`. */
  script: string;
  reliable: boolean;
  alternatives: LanguageAlternative[];
}

/** A stretch of text in one language, for texts that mix languages. */
export interface LanguageSegment extends Span {
  language: LanguageGuess;
  /** Which field the offsets index: the body (`"text"`, the default) or the `"title"`. */
  field?: TextField;
}

/** Alignment of one source sentence to its translation. */
export interface TranslationSegment {
  source: Span;
  target: Span;
}

/** A translation of an article's text. */
export interface Translation {
  from: string;
  to: string;
  /** The article's title in English, when the article has a title. */
  title?: string;
  /** Alignment of the title's sentences (offsets into `Article.title` and `Translation.title`). */
  titleSegments?: TranslationSegment[];
  /** The engine that produced the text, e.g. `"transformers"` or `"apertium"`. */
  engine?: string;
  /** The model (hub id, local path or Apertium pair chain) that produced the text. */
  model: string;
  text: string;
  segments: TranslationSegment[];
}

export type EntityType = "PERSON" | "LOCATION" | "ORGANIZATION";

/** Which text a set of offsets refers to. */
export type TextSource = "original" | "translation";

/** Which field of the article a set of offsets indexes: the body (`text`, default) or the `title`. */
export type TextField = "text" | "title";

/** One occurrence of an entity in a text. */
export interface Mention extends Span {
  text: string;
  /** Which text this mention's offsets refer to, when an entity has mentions in both. */
  source?: TextSource;
  /** For mentions in a translation: the source sentence this mention's sentence translates. */
  sourceSpan?: Span;
  /** Which field the offsets index: the body (`"text"`, the default) or the `"title"`. */
  field?: TextField;
}

/** A named entity with all its mentions merged under one canonical name. */
export interface Entity {
  name: string;
  type: EntityType;
  source: TextSource;
  mentions: Mention[];
  /** Extra data a backend may add (e.g. a Wikidata id, a score). */
  score?: number;
  /** Wikidata id (`"Q…"`) of the real-world thing, where the gazetteer knows it. */
  id?: string;
  /** Every form the entity appeared under in the article (original and translation). */
  aliases?: string[];
}

export type StanceLabel = "FAVOR" | "AGAINST" | "NONE";

/** Stance of the text (no `holder`) or of an actor (`holder`) toward a target. */
export interface Stance {
  target: string;
  stance: StanceLabel;
  /** In [0, 1]. */
  score: number;
  holder?: string;
  /** The state or organisation the holder speaks for, where known (Xi Jinping → China). */
  holderActor?: string;
  /** The state or organisation the target stands for, where known. */
  targetActor?: string;
  evidence: Evidence[];
}

/** A span of text that decides a stance, with the rule or model that fired on it. */
export interface Evidence extends Span {
  /** Which text the offsets refer to (default: the text the stance stage read). */
  source?: TextSource;
  /** What fired: a rule name or a model id. */
  rule?: string;
  /** The cue words that fired. */
  cue?: string;
  /** Which field the offsets index: the body (`"text"`, the default) or the `"title"`. */
  field?: TextField;
}

/** Stable error codes carried by {@link StageError} and {@link RassegnaError}. */
export type ErrorCode =
  | "INVALID_INPUT"
  | "INPUT_TOO_LARGE"
  | "UNSUPPORTED_LANGUAGE"
  | "MODEL_UNAVAILABLE"
  | "STAGE_FAILED"
  | "ABORTED"
  | "TIMEOUT"
  | "LIMIT_EXCEEDED"
  | "USAGE";

/** An error recorded in a record's `errors[]`: the run goes on. */
export interface StageError {
  stage: string;
  code: ErrorCode;
  message: string;
}

/** A non-fatal note on a record (e.g. a fallback engine was used): the record is still clean. */
export interface StageWarning {
  stage: string;
  code: string;
  message: string;
}

/** One input article. */
export interface Article {
  id?: string;
  text: string;
  /** A language hint (ISO 639-1/3): skips detection. */
  language?: string;
  /** Targets for stance toward this article's targets. */
  targets?: string[];
  /** Holders for holder × target stance. */
  holders?: string[];
  title?: string;
  date?: string;
  /** Where the article was published (a web address). */
  url?: string;
  /** Who published it (site, feed or agency name). */
  source?: string;
  /** Anything else the caller wants to carry through. */
  meta?: Record<string, unknown>;
}

/** The shared document every stage reads and adds to: one per input article. */
export interface Analysis {
  id: string;
  text: string;
  /** The language hint given with the input, if any. */
  languageHint?: string;
  targets?: string[];
  holders?: string[];
  title?: string;
  date?: string;
  url?: string;
  source?: string;
  meta?: Record<string, unknown>;
  language?: LanguageGuess;
  /**
   * Stretches of the body (and of the title, `field: "title"`) in another language than the
   * article's (an English quotation in an Italian article), with the stretches around them;
   * present only when the article mixes languages. `language` stays the article's own.
   */
  languageSegments?: LanguageSegment[];
  translation?: Translation;
  entities?: Entity[];
  stances?: Stance[];
  errors: StageError[];
  /** Non-fatal notes (fallback engine, truncated input…); they do not change the exit status. */
  warnings?: StageWarning[];
}
