export { type Actor, actorAliases, actorByName, foldName, listActors, lookupActor, lookupDemonym } from "./actors.js";
export {
  type AggregateStancesOptions,
  aggregateStances,
  dayOf,
  periodOf,
  type StancePair,
  type StancePeriod,
  type StanceReference,
  type StanceWindow,
} from "./aggregate.js";
export { createAnalysis, generatedId, hasInputError, INPUT_STAGE } from "./analysis.js";
export {
  type Backend,
  type BackendOptions,
  type StageFactory,
  selectBackend,
  unknownBackendError,
} from "./backend.js";
export {
  AbortError,
  InvalidInputError,
  ModelUnavailableError,
  missingPackage,
  RassegnaError,
  type RassegnaErrorOptions,
  throwIfAborted,
  toStageError,
} from "./errors.js";
export { type AssertTextOptions, assertText, DEFAULT_MAX_TEXT_LENGTH, hasLetters, looksBinary } from "./input.js";
export { type CleanText, removeInvisible, restoreOriginalText } from "./invisible.js";
export { fromIso6392B, ISO_639_3_TO_1, toIso6391 } from "./languages.js";
export {
  type ArticleLimits,
  assertTokenLength,
  checkLimit,
  DEFAULT_ARTICLE_LIMITS,
  DEFAULT_MAX_STANCES,
  DEFAULT_MAX_TOKEN_LENGTH,
  DEFAULT_REPORT_MAX_BYTES,
  DEFAULT_STAGE_TIMEOUT_MS,
  resolveArticleLimits,
} from "./limits.js";
export {
  applyModelSettings,
  defaultCacheDir,
  loadWithModelSettings,
  type ModelSettings,
  type ModelSettingsOptions,
  modelSearchPlaces,
  modelUnavailable,
  resolveModelSettings,
  type TransformersEnvLike,
} from "./models.js";
export {
  defaultOfficeCountry,
  listOffices,
  type Office,
  type OfficeHolder,
  type OfficeRole,
  officeRoles,
  officesOf,
  type RoleGrammar,
  type RoleNoun,
  resolveOffice,
  roleGrammar,
  roleNouns,
} from "./offices.js";
export { checkOptions, type OptionsSchema } from "./options/check.js";
export { ENTITIES_STAGE_OPTIONS, EXTRACT_OPTIONS } from "./options/entities.js";
export { DETECT_OPTIONS, LANGUAGE_STAGE_OPTIONS } from "./options/langdetect.js";
export { DEFAULT_PIPELINE_OPTIONS, PIPELINE_OPTIONS, RUN_OPTIONS } from "./options/pipeline.js";
export { FETCHER_OPTIONS, SOURCES_OPTIONS } from "./options/sources.js";
export { STANCE_OPTIONS } from "./options/stance.js";
export { TRANSLATE_CALL_OPTIONS, TRANSLATE_STAGE_OPTIONS, TRANSLATOR_OPTIONS } from "./options/translate.js";
export { pathAccess } from "./platform.js";
export { escapeRegExp } from "./regexp.js";
export { type Sentence, splitSentences } from "./sentences.js";
export { type AnalysisField, type BatchSpec, createStageContext, type Stage, type StageContext } from "./stage.js";
export { type Token, TokenCursor, type TokenizeOptions, tokenize, tokensText } from "./tokens.js";
export type {
  Analysis,
  Article,
  Entity,
  EntityType,
  ErrorCode,
  Evidence,
  LanguageAlternative,
  LanguageGuess,
  LanguageSegment,
  Mention,
  Span,
  StageError,
  StageWarning,
  Stance,
  StanceLabel,
  TextField,
  TextSource,
  Translation,
  TranslationSegment,
} from "./types.js";
export {
  checkArticleFields,
  checkJsonLine,
  describeValue,
  type InputProblem,
  jsonDepth,
  utf8Length,
  valueDepth,
} from "./validate.js";
export { WORD_CLASSES, type WordClass, type WordLanguage, type WordSetOptions, wordSet, wordsOf } from "./words.js";
