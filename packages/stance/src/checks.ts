/** The checks of `tagStance`'s and `stanceStage`'s arguments: what failed, why, what to do. */
import { assertText, InvalidInputError } from "@rassegna/core";

export { unknownBackendError } from "@rassegna/core";

/** The stage's name, in errors and in the pipeline. */
export const STAGE = "stance";

/** Checks a list option: an array of non-empty strings. */
export function checkNames(value: unknown, option: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v.trim() === "")) {
    throw new InvalidInputError(`${STAGE}: "${option}" must be an array of non-empty names.`, {
      stage: STAGE,
      hint: `Pass ${option} as e.g. ["United States", "Russia"].`,
    });
  }
  return [...new Set(value.map((v: string) => v.trim()))];
}

/** Checks the text argument: a string, not binary, not huge. */
export function checkText(text: unknown, maxLength: number | undefined): asserts text is string {
  assertText(text, maxLength === undefined ? { stage: STAGE } : { stage: STAGE, maxLength });
}
