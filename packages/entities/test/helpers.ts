import { fileURLToPath } from "node:url";

import type { Entity } from "@rassegna/core";
import { expect } from "vitest";

/** Checks that every mention's offsets cut its own text out of `text`. */
export function expectTrueOffsets(text: string, entities: Entity[]): void {
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    }
  }
}

/** The entity named `name`, or a failing assertion listing what was found. */
export function entityNamed(entities: Entity[], name: string): Entity {
  const found = entities.find((e) => e.name === name);
  expect(found, `no entity "${name}" in ${JSON.stringify(entities.map((e) => e.name))}`).toBeDefined();
  return found!;
}

export function names(entities: Entity[]): string[] {
  return entities.map((e) => e.name).sort();
}

/** Options that load the committed tiny NER model offline, never from the hub. */
export const tinyNer = {
  backend: "transformers" as const,
  model: "rassegna/tiny-bert-ner",
  localModelPath: fileURLToPath(new URL("./fixtures/models/", import.meta.url)),
  offline: true,
  cacheDir: "/nonexistent/rassegna-test-cache",
};
