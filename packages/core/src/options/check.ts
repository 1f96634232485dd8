/**
 * Checks the options a caller hands to a public entry point (`extractEntities(text, options)`,
 * `createPipeline(options)`…) against that package's schema, before any work is done, so that
 * a wrong type is one clear `USAGE` error (which option, what it must be, what it got, what to
 * do) instead of a raw `TypeError` deep inside, or a limit silently switched off.
 *
 * The schemas are written with valibot: each check is its own small function, so a browser
 * bundle carries only the checks it uses (a few kB), and valibot has no dependencies.
 * Unknown keys pass: options objects are often shared between stages.
 */
import * as v from "valibot";

import { RassegnaError } from "../errors.js";
import { describeValue } from "../validate.js";

/** A schema of one entry point's options, built from the pieces below. */
export type OptionsSchema = v.GenericSchema;

/** What every option message ends with: the fix. */
const FIX = "Pass a value of that kind, or leave the option out for its default.";

/**
 * Checks `options` against `schema`; throws a `USAGE` {@link RassegnaError} naming the first
 * option that is wrong. `where` names the entry point or stage in the message ("entities",
 * "createPipeline"). `undefined` options are fine (every option has a default).
 */
export function checkOptions(schema: OptionsSchema, options: unknown, where: string): void {
  if (options === undefined) return;
  const result = v.safeParse(schema, options, { abortPipeEarly: true, abortEarly: true });
  if (result.success) return;
  // A union ("a number, or an object of numbers") names the alternative that came closest:
  // the sub-issue deepest inside the value, when there is one (its path is relative).
  let issue: v.GenericIssue = result.issues[0];
  const keys = (i: v.GenericIssue) => (i.path ?? []).map((item) => String(item.key));
  let path = keys(issue);
  for (;;) {
    const deeper = (issue.issues ?? []).filter((sub) => keys(sub).length > 0);
    if (deeper.length === 0) break;
    issue = deeper.reduce((a, b) => (keys(b).length > keys(a).length ? b : a));
    path = [...path, ...keys(issue)];
  }
  const what = path.length === 0 ? "the options" : `option "${path.join(".")}"`;
  throw new RassegnaError("USAGE", `${where}: ${what} must be ${issue.message}, got ${describeValue(issue.input)}.`, {
    stage: where,
    hint: path.length === 0 ? "Pass an object of options, or nothing." : FIX,
  });
}

/** An options object (unknown keys pass). */
export function options<const E extends v.ObjectEntries>(entries: E) {
  return v.looseObject(entries, "an object of options");
}

/** An optional option of the given schema (`undefined` is always fine). */
const opt = <T extends v.GenericSchema>(schema: T) => v.optional(schema);

/** A string, described as `what`. */
export const aString = (what = "a string") => opt(v.string(what));

/** A language code ("it", "ita", "en-GB"): its kind is checked here, the code by the package. */
export const aLanguage = () => aString('a language code such as "it" (a string)');

/** A list of language codes. */
export const languageList = () =>
  opt(v.array(v.string('a language code such as "it"'), 'an array of language codes such as ["it", "en"]'));

/** A list of names ("Russia"). */
export const nameList = () => opt(v.array(v.string("a name (a string)"), 'an array of names such as ["Russia"]'));

/** `true` or `false`. */
export const aBoolean = () => opt(v.boolean("true or false"));

/** A whole number of at least `min`. */
export const wholeNumber = (min: number) => {
  const what = `a whole number of at least ${min}`;
  return opt(v.pipe(v.number(what), v.integer(what), v.minValue(min, what)));
};

/** A whole number of at least `min`, or `Infinity` for no limit. */
export const aLimit = (min: number) => {
  const what = `a whole number of at least ${min} (or Infinity for no limit)`;
  return opt(
    v.union(
      [v.literal(Number.POSITIVE_INFINITY, what), v.pipe(v.number(what), v.integer(what), v.minValue(min, what))],
      what,
    ),
  );
};

/** One of the given strings. */
export const oneOf = (values: readonly string[]) =>
  opt(v.picklist(values, `one of ${values.map((value) => JSON.stringify(value)).join(", ")}`));

/** A function (a callback). */
export const aFunction = () => opt(v.function("a function"));

/** An `AbortSignal` (from `AbortController` or `AbortSignal.timeout()`). */
export const aSignal = () =>
  opt(
    v.custom<AbortSignal>(
      (value) =>
        value !== null &&
        typeof value === "object" &&
        typeof (value as AbortSignal).aborted === "boolean" &&
        typeof (value as AbortSignal).addEventListener === "function",
      "an AbortSignal",
    ),
  );

/** A plain object whose values are all of one schema (`{ stance: {...} }`). */
export const recordOf = (value: v.GenericSchema, what: string) => opt(v.record(v.string(), value, what));

/** A list of values of one schema. */
export const listOf = (item: v.GenericSchema, what: string) => opt(v.array(item, what));

/** Any object (its own fields checked elsewhere). */
export const anObject = (what = "an object") =>
  v.custom<object>((value) => value !== null && typeof value === "object", what);

/** The model settings every neural stage takes (`cacheDir`, `offline`, `localModelPath`). */
export const MODEL_SETTINGS_ENTRIES = {
  cacheDir: aString("a folder path (a string)"),
  offline: aBoolean(),
  localModelPath: aString("a folder path (a string)"),
} satisfies v.ObjectEntries;
