import {
  type Analysis,
  checkOptions,
  ENTITIES_STAGE_OPTIONS,
  type Entity,
  foldName,
  hasInputError,
  type Mention,
  RassegnaError,
  type Stage,
  type TextSource,
  throwIfAborted,
  toIso6391,
} from "@rassegna/core";
import { extractKnownNames } from "./backends/rules.js";
import { combinePasses, type PassResult } from "./combine.js";
import { createEntityExtractor } from "./extract.js";
import { linkRoles } from "./link-roles.js";
import type { ExtractOptions } from "./options.js";

const STAGE = "entities";

/** Options of {@link entitiesStage}: the backend options, and which passes to run. */
export type EntitiesStageOptions = ExtractOptions & {
  /**
   * Also read the original text when a translation is there (default true) and the backend
   * reads its language: mentions with source offsets, merged with the translation's.
   */
  originalPass?: boolean;
};

/**
 * Merges the translation pass and the original pass: one entity per canonical name. An entity
 * found in both keeps the mentions of both; its `source` is "translation" when the translation
 * has mentions of it (the English reading the rest of the record uses), else "original"; every
 * mention carries its own `source`. A one-word person name of one pass that is the last word of
 * a person of the other pass joins it ("Rossi" → "Mario Rossi").
 */
export function mergePasses(translated: Entity[], original: Entity[]): Entity[] {
  const byName = new Map<string, Entity>();
  const out: Entity[] = [];
  const tag = (entity: Entity, source: TextSource): Entity => ({
    ...entity,
    mentions: entity.mentions.map((m): Mention => ({ ...m, source })),
  });
  for (const entity of translated) {
    const tagged = tag(entity, "translation");
    byName.set(foldName(entity.name), tagged);
    out.push(tagged);
  }
  // Full person names of the translation by their last word, for one-word names of the original.
  const peopleByLastWord = new Map<string, Entity[]>();
  for (const entity of out) {
    if (entity.type !== "PERSON" || !entity.name.includes(" ")) continue;
    const last = foldName(entity.name).split(" ").pop() ?? "";
    peopleByLastWord.set(last, [...(peopleByLastWord.get(last) ?? []), entity]);
  }
  for (const entity of original) {
    const tagged = tag(entity, "original");
    let same = byName.get(foldName(entity.name));
    if (!same && entity.type === "PERSON" && !entity.name.includes(" ")) {
      const longer = peopleByLastWord.get(foldName(entity.name));
      if (longer?.length === 1) same = longer[0];
    }
    if (same) {
      same.mentions.push(...tagged.mentions);
      continue;
    }
    byName.set(foldName(entity.name), tagged);
    out.push(tagged);
  }
  return out;
}

/** "it-IT", "ita" → "it" (core's ISO table). */
function languageOf(code: string | undefined): string | undefined {
  return code === undefined ? undefined : toIso6391(code.split(/[-_]/)[0] ?? "");
}

/**
 * The "entities" stage. It reads the original text and title when the backend reads their
 * language, and the English translation and translated title when there is one; the passes
 * are combined by {@link combinePasses}: one entity per real-world thing, each real mention
 * once (an aligned pair of original and translation mentions keeps the original's), every
 * mention saying which text (`source`) and field (`field`: body or title) it indexes.
 */
export function entitiesStage(options: EntitiesStageOptions = {}): Stage {
  checkOptions(ENTITIES_STAGE_OPTIONS, options, STAGE);
  const { originalPass = true, ...extractOptions } = options;
  const extractor = createEntityExtractor(extractOptions as ExtractOptions);
  return {
    name: STAGE,
    async process(doc: Analysis, context) {
      if (hasInputError(doc)) return;
      throwIfAborted(context.signal, STAGE);
      const language = doc.language?.code ?? doc.languageHint;
      const translation = doc.translation;
      const title = typeof doc.title === "string" && doc.title.trim() !== "" ? doc.title : undefined;
      const passes: PassResult[] = [];
      if (!translation || translation.text === doc.text) {
        if (!extractor.reads(language) && extractor.backend === "rules") {
          // No translation and a language the rules do not read: the names the gazetteers know.
          doc.warnings = doc.warnings ?? [];
          doc.warnings.push({
            stage: STAGE,
            code: "KNOWN_NAMES_ONLY",
            message: `${STAGE}: the rules do not read "${language}" and there is no translation; only names the gazetteer knows were looked for.`,
          });
          passes.push({ entities: extractKnownNames(doc.text), source: "original", field: "text" });
          if (title) passes.push({ entities: extractKnownNames(title), source: "original", field: "title" });
          doc.entities = linkRoles(doc, combinePasses(passes));
          return;
        }
        if (!extractor.reads(language)) {
          throw new RassegnaError(
            "UNSUPPORTED_LANGUAGE",
            `${STAGE}: the ${extractor.backend} backend does not read "${language}".`,
            {
              stage: STAGE,
              hint: 'Put the translate stage before entities, or use { backend: "transformers" }.',
            },
          );
        }
        const lang = languageOf(language);
        passes.push({
          entities: await extractor.extract(doc.text, language, context.signal),
          source: "original",
          field: "text",
          language: lang,
        });
        if (title) {
          passes.push({
            entities: await extractor.extract(title, language, context.signal),
            source: "original",
            field: "title",
            language: lang,
          });
        }
        doc.entities = linkRoles(doc, combinePasses(passes));
        return;
      }
      passes.push({
        entities: await extractor.extract(translation.text, translation.to, context.signal),
        source: "translation",
        field: "text",
        sourceText: doc.text,
        segments: translation.segments,
        sourceLanguage: languageOf(language ?? translation.from),
      });
      if (title && translation.title && translation.titleSegments) {
        passes.push({
          entities: await extractor.extract(translation.title, translation.to, context.signal),
          source: "translation",
          field: "title",
          sourceText: title,
          segments: translation.titleSegments,
          sourceLanguage: languageOf(language ?? translation.from),
        });
      }
      const originalLanguage = language ?? translation.from;
      if (originalPass && !extractor.reads(originalLanguage) && extractor.backend === "rules") {
        // The original in a language the rules do not read: its known names still anchor the translation's.
        passes.push({ entities: extractKnownNames(doc.text), source: "original", field: "text" });
        if (title) passes.push({ entities: extractKnownNames(title), source: "original", field: "title" });
      } else if (originalPass && extractor.reads(originalLanguage)) {
        throwIfAborted(context.signal, STAGE);
        passes.push({
          entities: await extractor.extract(doc.text, originalLanguage, context.signal),
          source: "original",
          field: "text",
          language: languageOf(originalLanguage),
        });
        if (title) {
          passes.push({
            entities: await extractor.extract(title, originalLanguage, context.signal),
            source: "original",
            field: "title",
            language: languageOf(originalLanguage),
          });
        }
      }
      doc.entities = linkRoles(doc, combinePasses(passes));
    },
    close: () => extractor.close(),
  };
}
