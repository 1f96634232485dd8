/**
 * `@rassegna/stance`: where a text stands toward targets, and who stands for or against
 * whom, with the evidence that decides it.
 *
 * Three backends: `"learned"` (default; the rules read the text, a shipped classifier labels
 * each pair), `"rules"` (the rules alone; offline, explainable, English and Italian cues) and
 * `"nli"` (zero-shot natural-language inference through transformers.js).
 */
export { MAX_EVIDENCE } from "./aggregate.js";
export { DEFAULT_NLI_MODEL, HYPOTHESES } from "./backends/nli-model.js";
export type { OwnStanceMode, StanceDecision } from "./backends/rules.js";
export { RULE_LANGUAGES, RULES_LANGUAGES } from "./languages.js";
export type { NliStanceOptions, RulesStanceOptions, StanceBackend, StanceOptions } from "./options.js";
export { STANCE_BACKENDS } from "./options.js";
export { stanceStage } from "./stage.js";
export { closeStance, closeStanceModels, tagStance } from "./tag-stance.js";
export { readVoice, type Voice } from "./voice.js";
