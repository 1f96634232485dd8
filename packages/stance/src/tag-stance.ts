/** `tagStance`: the stances of one text, by the backend the options name. */
import { checkOptions, STANCE_OPTIONS, type Stance } from "@rassegna/core";

import { LEARNED_DECIDER } from "./backends/learned.js";
import { closeNliModels, tagStanceWithNli } from "./backends/nli.js";
import { RULES_DECIDER, tagStanceWithRules } from "./backends/rules.js";
import { checkNames, checkText, STAGE } from "./checks.js";
import { ruleLanguages } from "./languages.js";
import {
  checkBackend,
  checkIncludeNone,
  checkOwnStance,
  type NliStanceOptions,
  type RulesStanceOptions,
  type StanceOptions,
  targetsOf,
} from "./options.js";
import { aliasesFromEntities, personsFromEntities } from "./targets.js";

/**
 * Stances of a text toward targets:
 * - without `holders`: the text's own stance toward each target (no `holder`), and the
 *   actor → target stances the text reports ("Washington sanctions Iran": United States →
 *   Iran AGAINST);
 * - with `holders`: every holder × target pair, `NONE` included.
 *
 * Each stance has a `score` in [0, 1] and `evidence`: the sentences that decide it, with the
 * rule (or model) and the cue that fired. The rules backend answers at once; `backend: "nli"`
 * answers with a promise.
 *
 * @throws {InvalidInputError} for a text that is not a string, binary or too large, or bad options.
 * @throws {RassegnaError} `UNSUPPORTED_LANGUAGE` when the rules cannot read the language.
 */
export function tagStance(text: string, options?: RulesStanceOptions): Stance[];
export function tagStance(text: string, options: NliStanceOptions): Promise<Stance[]>;
export function tagStance(text: string, options?: StanceOptions): Stance[] | Promise<Stance[]>;
export function tagStance(text: string, options: StanceOptions = {}): Stance[] | Promise<Stance[]> {
  checkOptions(STANCE_OPTIONS, options, STAGE);
  const backend = checkBackend(options);
  if (backend === "nli") {
    try {
      checkText(text, options.maxLength);
      checkNames(options.holders, "holders");
      targetsOf(options);
    } catch (error) {
      return Promise.reject(error);
    }
    return tagStanceWithNli(text, options);
  }
  checkText(text, options.maxLength);
  const targets = targetsOf(options);
  const holders = checkNames(options.holders, "holders");
  const asked = checkNames(options.targets, "targets") !== undefined;
  return tagStanceWithRules(text, {
    targets,
    holders,
    languages: ruleLanguages(options.language, text),
    ownStance: checkOwnStance(options.ownStance) ?? (asked ? "always" : "auto"),
    includeNone: checkIncludeNone(options.includeNone) ?? (asked || holders !== undefined),
    decider: backend === "rules" ? RULES_DECIDER : LEARNED_DECIDER,
    ...(Array.isArray(options.entities)
      ? { aliases: aliasesFromEntities(options.entities), persons: personsFromEntities(options.entities) }
      : {}),
  });
}

/**
 * Frees what `tagStance` loaded (the NLI models); safe to call twice. A stage made by
 * `stanceStage` frees its own with `stage.close()`.
 */
export async function closeStance(): Promise<void> {
  await closeNliModels();
}

/**
 * Frees the NLI models `tagStance` loaded.
 * @deprecated Use {@link closeStance}.
 */
export const closeStanceModels: () => Promise<void> = closeStance;
