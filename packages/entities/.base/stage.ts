import {
  type Analysis,
  type Entity,
  foldName,
  hasInputError,
  type Mention,
  RassegnaError,
  type Span,
  type Stage,
  type TextSource,
  type Translation,
  throwIfAborted,
} from "@rassegna/core";

import { createEntityExtractor, type ExtractOptions } from "./extract.js";

const STAGE = "entities";

/** Options of {@link entitiesStage}: the backend options, and which passes to run. */
export type EntitiesStageOptions = ExtractOptions & {
  /**
   * Also read the original text when a translation is there (default true) and the backend
   * reads its language: mentions with source offsets, merged with the translation's.
   */
  originalPass?: boolean;
};

/** The target span's source sentence, through the translation's segments. */
function sourceSpanOf(translation: Translation, start: number): Span | undefined {
  const segments = translation.segments;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const segment = segments[mid]!;
    if (start < segment.target.start) hi = mid - 1;
    else if (start >= segment.target.end) lo = mid + 1;
    else return { start: segment.source.start, end: segment.source.end };
  }
  // Unsorted segments (should not happen): look at them all.
  const segment = segments.find((s) => start >= s.target.start && start < s.target.end);
  return segment ? { ...segment.source } : undefined;
}

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

/**
 * The "entities" stage. With a translation it reads the English translation (source
 * "translation", each mention with the `sourceSpan` of its source sentence) and, when the
 * backend reads the original's language, the original too (source "original"), merged by
 * {@link mergePasses}. Without one it reads the original in its detected (or hinted) language.
 */
export function entitiesStage(options: EntitiesStageOptions = {}): Stage {
  const { originalPass = true, ...extractOptions } = options;
  const extractor = createEntityExtractor(extractOptions as ExtractOptions);
  return {
    name: STAGE,
    async process(doc: Analysis, context) {
      if (hasInputError(doc)) return;
      throwIfAborted(context.signal, STAGE);
      const language = doc.language?.code ?? doc.languageHint;
      const translation = doc.translation;
      if (!translation || translation.text === doc.text) {
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
        const entities = await extractor.extract(doc.text, language, context.signal);
        doc.entities = entities.map((e) => ({ ...e, source: "original" }));
        return;
      }
      const translated = (await extractor.extract(translation.text, translation.to, context.signal)).map((entity) => ({
        ...entity,
        source: "translation" as const,
        mentions: entity.mentions.map((m) => {
          const sourceSpan = sourceSpanOf(translation, m.start);
          return sourceSpan ? { ...m, sourceSpan } : m;
        }),
      }));
      let original: Entity[] = [];
      const originalLanguage = language ?? translation.from;
      if (originalPass && extractor.reads(originalLanguage)) {
        throwIfAborted(context.signal, STAGE);
        original = await extractor.extract(doc.text, originalLanguage, context.signal);
      }
      doc.entities = mergePasses(translated, original);
    },
    close: () => extractor.close(),
  };
}
