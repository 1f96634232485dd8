import { InvalidInputError } from "./errors.js";

/** Default largest text a stage accepts, in UTF-16 code units (20 MiB of ASCII). */
export const DEFAULT_MAX_TEXT_LENGTH = 20 * 1024 * 1024;

/** Options of {@link assertText}. */
export interface AssertTextOptions {
  /** The stage that checks, named in the error. */
  stage: string;
  /** Largest accepted length; longer texts are `INPUT_TOO_LARGE`. */
  maxLength?: number;
}

/**
 * Share of control characters (other than tab, newline, carriage return, form feed) over
 * which a text is taken as binary. Real text has none; a decoded binary file has many.
 */
const BINARY_CONTROL_RATIO = 0.01;
const BINARY_SAMPLE = 8192;
const BINARY_MIN_CONTROLS = 3;

/** True when `text` looks like decoded binary data (NUL bytes, many control characters). */
export function looksBinary(text: string): boolean {
  const sample = text.length > BINARY_SAMPLE ? text.slice(0, BINARY_SAMPLE) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) controls++;
  }
  // One stray control character or U+FFFD is a typo in a real sentence, not binary data.
  return controls >= BINARY_MIN_CONTROLS && controls / sample.length > BINARY_CONTROL_RATIO;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Uint8Array) return "a byte array (decode it to a string first)";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * Checks that `value` is a text a stage can read: a string, not binary, not over the size
 * limit. Throws an `INVALID_INPUT` (or `INPUT_TOO_LARGE`) error that says what to do.
 * An empty string passes: each stage decides what empty means (usually: nothing found).
 */
export function assertText(value: unknown, options: AssertTextOptions): asserts value is string {
  const { stage, maxLength = DEFAULT_MAX_TEXT_LENGTH } = options;
  if (typeof value !== "string") {
    throw new InvalidInputError(`${stage}: expected the text as a string, got ${describe(value)}.`, {
      stage,
      hint: "Pass the article's text as a JavaScript string.",
    });
  }
  if (value.length > maxLength) {
    const error = new InvalidInputError(
      `${stage}: the text is ${value.length} characters long, over the limit of ${maxLength}.`,
      { stage, hint: "Split the input into articles, or raise the stage's maxLength option." },
    );
    Object.defineProperty(error, "code", { value: "INPUT_TOO_LARGE" });
    throw error;
  }
  if (looksBinary(value)) {
    throw new InvalidInputError(`${stage}: the text looks like binary data (control characters).`, {
      stage,
      hint: "Decode the file as UTF-8 text, or leave binary files out of the input.",
    });
  }
}

/** True when the text has at least one letter in any script. */
export function hasLetters(text: string): boolean {
  return /\p{L}/u.test(text);
}
