/**
 * Further classes of relations missed on whole articles (issue #14): verbs after an aspectual
 * verb ("è tornato a minacciare"), and the like. Invented sentences, fictional people.
 */
import type { Entity } from "@rassegna/core";
import { tagStance } from "@rassegna/stance";
import { describe, expect, it } from "vitest";

function entity(name: string, type: Entity["type"], ...forms: string[]): Entity {
  return { name, type, source: "original", mentions: [name, ...forms].map((text) => ({ start: 0, end: 0, text })) };
}

function pairs(text: string, language: string, known: Entity[] = []) {
  return tagStance(text, { language, backend: "rules", ...(known.length ? { entities: known } : {}) })
    .filter((s) => s.holder !== undefined && s.stance !== "NONE")
    .map((s) => `${s.holder} → ${s.target} ${s.stance}`)
    .sort();
}

describe("a verb of stance after an aspectual verb", () => {
  it("reads an Italian infinitive after 'a' as the verb, not a noun after the English article", () => {
    const known = [entity("Paolo Rinaldi", "PERSON", "Rinaldi"), entity("Norway", "LOCATION")];
    expect(pairs("Il ministro Paolo Rinaldi è tornato a minacciare la Norvegia di nuovi dazi.", "it", known)).toEqual([
      "Paolo Rinaldi → Norway AGAINST",
    ]);
    expect(pairs("Paolo Rinaldi continua ad attaccare la Norvegia.", "it", known)).toEqual([
      "Paolo Rinaldi → Norway AGAINST",
    ]);
  });

  it("still reads a noun after an Italian article as a noun", () => {
    const known = [entity("Paolo Rinaldi", "PERSON", "Rinaldi"), entity("Norway", "LOCATION")];
    expect(pairs("Paolo Rinaldi ha ricevuto una critica dalla Norvegia.", "it", known)).not.toContain(
      "Paolo Rinaldi → Norway AGAINST",
    );
  });
});
