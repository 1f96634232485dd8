/** `stanceStage`: the pipeline stage "stance", which writes `doc.stances`. */
import {
  type Analysis,
  type BatchSpec,
  checkOptions,
  type Evidence,
  hasInputError,
  RassegnaError,
  STANCE_OPTIONS,
  type Stage,
  type StageContext,
  type Stance,
  type TextField,
  type TextSource,
  throwIfAborted,
} from "@rassegna/core";

import { MAX_EVIDENCE } from "./aggregate.js";
import { nliModelFor } from "./backends/nli.js";
import { type NliItem, type NliScores, nliQuestions, nliStance } from "./backends/nli-model.js";
import { checkNames, checkText, STAGE } from "./checks.js";
import { RULES_LANGUAGES } from "./languages.js";
import { checkBackend, checkIncludeNone, checkOwnStance, type StanceBackend, type StanceOptions } from "./options.js";
import { tagStance } from "./tag-stance.js";
import { targetsFromEntities } from "./targets.js";
import { readVoice } from "./voice.js";

/** One text of an article the stage reads. */
interface Reading {
  source: TextSource;
  text: string;
  language: string | undefined;
  /** Which field of the article the text is: the body (default) or the title. */
  field?: TextField;
}

/** The texts to read: the English translation when there is one, and the original when the backend can read it. */
function readings(doc: Analysis, backend: StanceBackend, languageOption: string | undefined): Reading[] {
  const out: Reading[] = [];
  if (doc.translation?.text)
    out.push({ source: "translation", text: doc.translation.text, language: doc.translation.to });
  const language =
    doc.languageHint ?? (doc.language?.code !== "und" ? doc.language?.code : undefined) ?? languageOption;
  const readable =
    backend === "nli" || language === undefined || RULES_LANGUAGES.some((l) => language.toLowerCase().startsWith(l));
  if (readable) out.push({ source: "original", text: doc.text, language });
  // The title is read like the body (a headline often states the stance); its evidence says so.
  if (typeof doc.title === "string" && doc.title.trim() !== "") {
    const translated = doc.translation?.title;
    if (translated)
      out.push({ source: "translation", text: translated, language: doc.translation?.to, field: "title" });
    if (readable) out.push({ source: "original", text: doc.title, language, field: "title" });
  }
  if (!readable && out.length === 0) {
    throw new RassegnaError(
      "UNSUPPORTED_LANGUAGE",
      `${STAGE}: the rules backend reads English and Italian, not "${language}".`,
      {
        stage: STAGE,
        hint: 'Put the translate stage before the stance stage, or use backend: "nli" with a multilingual model.',
      },
    );
  }
  return out;
}

const SIGN = { FAVOR: 1, AGAINST: -1, NONE: 0 } as const;

/** Evidence of the original and the translation, taken in turn so that both are shown. */
function interleaveSources(evidence: Evidence[]): Evidence[] {
  if (evidence.length <= MAX_EVIDENCE) return evidence;
  const original = evidence.filter((e) => e.source !== "translation");
  const translation = evidence.filter((e) => e.source === "translation");
  const out: Evidence[] = [];
  for (let i = 0; i < Math.max(original.length, translation.length); i++) {
    const a = original[i];
    const b = translation[i];
    if (a) out.push(a);
    if (b) out.push(b);
  }
  return out;
}

/** Merges the stances read from the original and the translation, per (holder, target). */
function mergeStances(parts: Array<{ source: TextSource; stances: Stance[] }>, tagSources: boolean): Stance[] {
  const merged = new Map<string, Stance & { value: number }>();
  for (const { source, stances } of parts) {
    for (const stance of stances) {
      const key = `${stance.holder ?? ""}\u0000${stance.target}`;
      const evidence = stance.evidence.map((e) => (tagSources ? { ...e, source } : e));
      const value = SIGN[stance.stance] * stance.score;
      const seen = merged.get(key);
      if (!seen) {
        merged.set(key, { ...stance, evidence, value });
        continue;
      }
      seen.value += value;
      seen.evidence.push(...evidence);
      if (stance.stance === "NONE" && seen.stance === "NONE") seen.score = Math.min(seen.score, stance.score);
    }
  }
  return [...merged.values()].map(({ value, ...merging }) => {
    // Each source gave at most MAX_EVIDENCE items; keep the first of each in turn.
    const stance = { ...merging, evidence: interleaveSources(merging.evidence).slice(0, MAX_EVIDENCE) };
    if (stance.stance === "NONE" && value === 0) return stance;
    const label = value > 0 ? "FAVOR" : value < 0 ? "AGAINST" : "NONE";
    return { ...stance, stance: label, score: Math.round(Math.min(1, Math.abs(value)) * 1000) / 1000 };
  });
}

/**
 * The pipeline stage `"stance"`: writes `doc.stances`. It reads the English translation
 * when there is one and the original text too when the backend reads its language; evidence
 * says which (`source`). Targets: `doc.targets`, else the `targets` option, else the
 * article's entities; holders: `doc.holders`, else the `holders` option, else discovered.
 * With `backend: "nli"`, model calls of several articles go into shared batches.
 */
export function stanceStage(options: StanceOptions = {}): Stage {
  checkOptions(STANCE_OPTIONS, options, STAGE);
  const backend = checkBackend(options);
  const optionTargets = checkNames(options.targets, "targets");
  const optionHolders = checkNames(options.holders, "holders");
  const model = backend === "nli" ? nliModelFor(options) : undefined;
  const batching: BatchSpec<NliItem, NliScores> | undefined = model
    ? { batchSize: 8, maxWaitMs: 20, run: (items, signal) => model.score(items, signal) }
    : undefined;

  const optionOwn = checkOwnStance(options.ownStance);
  const optionNone = checkIncludeNone(options.includeNone);

  async function read(
    doc: Analysis,
    reading: Reading,
    context: StageContext,
    own: "always" | "never",
  ): Promise<Stance[]> {
    const named = doc.targets ?? optionTargets;
    const targets =
      named ?? (doc.entities?.length ? targetsFromEntities(doc.entities, doc.translation !== undefined) : undefined);
    const holders = doc.holders ?? optionHolders;
    if (!model) {
      return tagStance(reading.text, {
        ...(targets ? { targets } : {}),
        ...(doc.entities?.length ? { entities: doc.entities } : {}),
        ...(holders ? { holders } : {}),
        ...(reading.language ? { language: reading.language } : {}),
        ...(options.maxLength === undefined ? {} : { maxLength: options.maxLength }),
        ownStance: own,
        backend,
        includeNone: optionNone ?? (named !== undefined || holders !== undefined),
      });
    }
    checkText(reading.text, options.maxLength);
    const questions = nliQuestions(reading.text, targets?.length ? targets : undefined, holders);
    const asked = questions.filter((q) => q.item !== undefined);
    const scores = asked.length > 0 ? await context.batch<NliItem, NliScores>(asked.map((q) => q.item as NliItem)) : [];
    const byQuestion = new Map(asked.map((q, i) => [q, scores[i]]));
    return questions.map((q) => nliStance(q, byQuestion.get(q), model.model));
  }

  return {
    name: STAGE,
    ...(batching ? { batching } : {}),
    async process(doc: Analysis, context: StageContext): Promise<void> {
      if (hasInputError(doc)) return;
      throwIfAborted(context.signal, STAGE);
      const parts: Array<{ source: TextSource; stances: Stance[] }> = [];
      const texts = readings(doc, backend, options.language);
      // Whether the author takes sides is read once per article, on the text the rules read
      // best (the original when they read its language), so that both readings agree.
      const mode = optionOwn ?? ((doc.targets ?? optionTargets) !== undefined ? "always" : "auto");
      const voiced = texts.find((r) => r.source === "original") ?? texts[0];
      const own = mode === "auto" ? (voiced && readVoice(voiced.text).opinion ? "always" : "never") : mode;
      for (const reading of texts) {
        if (reading.text.trim() === "") continue;
        let stances = await read(doc, reading, context, own);
        if (reading.field === "title") {
          // Only what the title says: no NONE rows for targets it does not name.
          stances = stances
            .filter((stance) => stance.stance !== "NONE")
            .map((stance) => ({
              ...stance,
              evidence: stance.evidence.map((e) => ({ ...e, field: "title" as const })),
            }));
        }
        parts.push({ source: reading.source, stances });
      }
      doc.stances = mergeStances(parts, true);
    },
    async close(): Promise<void> {
      await model?.dispose();
    },
  };
}
