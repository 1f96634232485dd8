/**
 * Further classes of relations missed on whole articles (issue #14): a verb after an aspectual
 * verb ("è tornato a minacciare"), a joint act with a place or a day inside ("signed on Monday
 * an agreement"), an adverb before the object ("in particolare"), coordinated complements ("il
 * giudizio di X e di Y, che …"). Invented sentences, fictional people.
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

describe("a joint act stated as fact", () => {
  const known = [entity("Norway", "LOCATION"), entity("Chile", "LOCATION"), entity("Velora Energia", "ORGANIZATION")];

  it("reads an agreement signed with a day or a place between the verb and the noun, both ways", () => {
    expect(pairs("Norway and Chile signed on Monday an agreement on fisheries.", "en", known)).toEqual([
      "Chile → Norway FAVOR",
      "Norway → Chile FAVOR",
    ]);
    expect(pairs("La Norvegia e il Cile hanno firmato a Oslo un'intesa sulla pesca.", "it", known)).toEqual([
      "Chile → Norway FAVOR",
      "Norway → Chile FAVOR",
    ]);
  });

  it("is no signing when the words between turn it", () => {
    expect(pairs("Norway and Chile signed against the agreement on fisheries.", "en", known)).not.toContain(
      "Norway → Chile FAVOR",
    );
    expect(pairs("Norway and Chile signed the letter, not the agreement.", "en", known)).not.toContain(
      "Norway → Chile FAVOR",
    );
  });

  it("stands in the learned decision, which judges opinions, not stated acts", () => {
    const stances = tagStance("Norway and Chile signed on Monday an agreement on fisheries.", {
      language: "en",
      entities: known,
    }).filter((s) => s.holder !== undefined && s.stance !== "NONE");
    expect(stances.map((s) => `${s.holder} → ${s.target} ${s.stance}`).sort()).toEqual([
      "Chile → Norway FAVOR",
      "Norway → Chile FAVOR",
    ]);
    expect(stances.every((s) => s.evidence.some((e) => e.rule === "joint-coordinated"))).toBe(true);
  });

  it("does not make allies of two parties who only speak at a joint press conference", () => {
    const parties = [entity("Lista Aurora", "ORGANIZATION"), entity("Patto Civico", "ORGANIZATION")];
    const text =
      "Lista Aurora e Patto Civico, che in una conferenza stampa congiunta hanno parlato di fisco, chiedono tempo.";
    expect(pairs(text, "it", parties)).toEqual([]);
  });
});

describe("where the object stands", () => {
  it("reads an adverb after 'in' as no place: the object follows it", () => {
    const known = [entity("Marta Galli", "PERSON", "Galli"), entity("Lista Aurora", "ORGANIZATION")];
    expect(pairs("Marta Galli ha ringraziato in particolare Lista Aurora per il sostegno.", "it", known)).toEqual([
      "Marta Galli → Lista Aurora FAVOR",
    ]);
    expect(pairs("Marta Galli thanked in particular Lista Aurora for its support.", "en", known)).toEqual([
      "Marta Galli → Lista Aurora FAVOR",
    ]);
  });

  it("gives a verb to both complements of one noun: 'il giudizio di X e di Y, che …'", () => {
    const known = [
      entity("Lista Aurora", "ORGANIZATION"),
      entity("Patto Civico", "ORGANIZATION"),
      entity("Marta Galli", "PERSON", "Galli"),
    ];
    const text = "Duro il giudizio della Lista Aurora e del Patto Civico, che hanno accusato Marta Galli di mentire.";
    expect(pairs(text, "it", known)).toEqual([
      "Lista Aurora → Marta Galli AGAINST",
      "Patto Civico → Marta Galli AGAINST",
    ]);
  });
});

describe("verbs of thanking and warning, and who can hold a stance", () => {
  it("reads 'appreciated X' as FAVOR and 'ha avvertito X che …' as a warning against X", () => {
    const known = [entity("Marta Galli", "PERSON", "Galli"), entity("Lista Aurora", "ORGANIZATION")];
    expect(pairs("Marta Galli appreciated Lista Aurora for its reliability as a partner.", "en", known)).toEqual([
      "Marta Galli → Lista Aurora FAVOR",
    ]);
    expect(
      pairs("Marta Galli ha avvertito Lista Aurora che, in caso di tagli, i lavoratori sciopereranno.", "it", known),
    ).toEqual(["Marta Galli → Lista Aurora AGAINST"]);
  });

  it("gives no stance to a sea or a region, which is no party", () => {
    const known = [entity("Marta Galli", "PERSON", "Galli"), entity("Lista Aurora", "ORGANIZATION")];
    const text = "«The Mediterranean becomes a bridge», said the minister, who thanked Lista Aurora.";
    expect(pairs(text, "en", [...known, entity("Mediterranean", "LOCATION")])).not.toContain(
      "Mediterranean → Lista Aurora FAVOR",
    );
  });
});
