/**
 * The classes of relation errors read on whole articles (issue #14): who holds a stance when
 * the text names them by a role noun or a pronoun, inside an apposition or a relative clause,
 * and what is not a stance (a verb that takes a clause, a headline verb without an object, the
 * charge in an accusation). Invented sentences, fictional people.
 */
import type { Entity } from "@rassegna/core";
import { tagStance } from "@rassegna/stance";
import { describe, expect, it } from "vitest";

/** People the entities stage found, with the forms the text uses. */
function people(...names: Array<[name: string, ...forms: string[]]>): Entity[] {
  return names.map(([name, ...forms]) => ({
    name,
    type: "PERSON",
    source: "original",
    mentions: [name, ...forms].map((text) => ({ start: 0, end: 0, text })),
  }));
}

function places(...names: string[]): Entity[] {
  return names.map((name) => ({ name, type: "LOCATION", source: "original", mentions: [] }));
}

function pairs(text: string, language: string, known: Entity[] = []) {
  return tagStance(text, { language, backend: "rules", ...(known.length ? { entities: known } : {}) })
    .filter((s) => s.holder !== undefined && s.stance !== "NONE")
    .map((s) => `${s.holder} → ${s.target} ${s.stance}`)
    .sort();
}

describe("holders and targets named by a role noun or a pronoun", () => {
  it("reads a role noun as the person it introduced earlier in the text", () => {
    const known = [...people(["Paolo Rinaldi", "Rinaldi"], ["Marta Galli", "Galli"]), ...places("Spain")];
    const text =
      "Il ministro degli Esteri Paolo Rinaldi ha incontrato i sindacati a Torino. In serata la deputata Marta Galli ha criticato il ministro per i ritardi.";
    expect(pairs(text, "it", known)).toContain("Marta Galli → Paolo Rinaldi AGAINST");
    const english =
      "Foreign Minister Paolo Rinaldi met the unions in Turin. Later that day Marta Galli criticised the minister over the delays.";
    expect(pairs(english, "en", known)).toContain("Marta Galli → Paolo Rinaldi AGAINST");
  });

  it("does not take a role noun followed by a verb for the introduction of the next name", () => {
    const known = [...people(["Paolo Rinaldi", "Rinaldi"], ["Marta Galli", "Galli"])];
    const text =
      "Il ministro Paolo Rinaldi ha parlato a Torino. Il ministro è stato criticato dalla deputata Marta Galli.";
    expect(pairs(text, "it", known)).toEqual(["Marta Galli → Paolo Rinaldi AGAINST"]);
  });

  it("reads a pronoun opening a sentence as the last sentence's subject", () => {
    const known = [...people(["Tomas Lind", "Lind"]), ...places("Denmark", "Norway")];
    const text = "Tomas Lind arrived in Oslo on Monday for two days of talks. He thanked Denmark for its help.";
    expect(pairs(text, "en", known)).toEqual(["Tomas Lind → Denmark FAVOR"]);
  });
});

describe("holders inside appositions and relative clauses", () => {
  it("gives the stance to the head of an apposition, not the name inside it", () => {
    const known = people(["Anna Berg", "Berg"], ["Erik Holm", "Holm"]);
    const text = "Anna Berg, the younger sister of Erik Holm, criticised Norway on Friday.";
    expect(pairs(text, "en", [...known, ...places("Norway")])).toEqual(["Anna Berg → Norway AGAINST"]);
    const italian =
      "Una nota di Anna Berg, sorella del leader Erik Holm, che ha condannato l'accordo e ha minacciato la Norvegia.";
    expect(pairs(italian, "it", [...known, ...places("Norway")])).toEqual(["Anna Berg → Norway AGAINST"]);
  });

  it("reads the antecedent of a relative clause as its subject, even after a preposition", () => {
    const text = "Di segno opposto la versione di Greenpeace, che ha criticato la Francia.";
    expect(
      pairs(text, "it", [
        { name: "Greenpeace", type: "ORGANIZATION", source: "original", mentions: [] },
        ...places("France"),
      ]),
    ).toEqual(["Greenpeace → France AGAINST"]);
  });

  it("stops at a relative clause about something else", () => {
    const known = [...people(["Carlo Neri", "Neri"]), ...places("Spain", "France")];
    const text = "Carlo Neri ha parlato dei danni delle piene che colpiscono la Francia da giorni.";
    expect(pairs(text, "it", known)).toEqual([]);
  });

  it("gives a gerund and a second coordinated verb the clause's subject", () => {
    const known = [...people(["Carlo Neri", "Neri"]), ...places("Spain", "France", "Italy")];
    expect(pairs("Carlo Neri gira l'Italia accusando la Spagna di mentire.", "it", known)).toEqual([
      "Carlo Neri → Spain AGAINST",
    ]);
    const withRinaldi = [...known, ...people(["Paolo Rinaldi", "Rinaldi"])];
    expect(
      pairs("Carlo Neri ha ricevuto Paolo Rinaldi a Roma e ha poi accusato la Francia.", "it", withRinaldi),
    ).toEqual(["Carlo Neri → France AGAINST"]);
  });
});

describe("what is not a stance toward the actor after the verb", () => {
  it("reads no object after a headline verb closed by a comma", () => {
    const known = [...people(["Carlo Neri", "Neri"]), ...places("Spain", "France")];
    expect(pairs("Neri ringrazia, la Spagna tace", "it", known)).toEqual([]);
    expect(pairs("Madrid condanna, Parigi difende Neri", "it", known)).toEqual(["France → Carlo Neri FAVOR"]);
  });

  it("reads 'sostiene che' and 'said that' as saying, not support", () => {
    const known = [...people(["Carlo Neri", "Neri"]), ...places("France")];
    expect(pairs("Carlo Neri sostiene che la Francia non può essere considerata neutrale.", "it", known)).toEqual([]);
  });

  it("does not give the accused the charge laid on them", () => {
    const known = [...people(["Carlo Neri", "Neri"]), ...places("Spain", "United States")];
    const stances = pairs("Carlo Neri ha accusato la Spagna di «colpire soltanto le aziende americane».", "it", known);
    expect(stances).toEqual(["Carlo Neri → Spain AGAINST"]);
  });
});

describe("stances read from nouns, passives and rebuttals", () => {
  const known = [...people(["Carlo Neri", "Neri"]), ...places("Spain", "France")];

  it("reads 'le critiche di X a Y' and 'ha ricevuto il sostegno di X' with the holder after the noun", () => {
    expect(pairs("Dure le critiche di Carlo Neri alla Spagna per i ritardi.", "it", known)).toEqual([
      "Carlo Neri → Spain AGAINST",
    ]);
    expect(pairs("La Spagna ha ricevuto invece il sostegno del presidente Carlo Neri.", "it", known)).toEqual([
      "Carlo Neri → Spain FAVOR",
    ]);
  });

  it("reads a participle with its agent right after it as a passive", () => {
    expect(
      pairs("La Spagna, criticata dall'opposizione conservatrice di Carlo Neri, ha rinviato il voto.", "it", known),
    ).toEqual(["Carlo Neri → Spain AGAINST"]);
  });

  it("reads a rebuttal as a stance against the accuser named before", () => {
    const text = "Carlo Neri ha accusato la Spagna di aver mentito sui conti. Madrid ha respinto le accuse.";
    expect(pairs(text, "it", known)).toEqual(["Carlo Neri → Spain AGAINST", "Spain → Carlo Neri AGAINST"]);
    const english = "Carlo Neri accused Spain of lying about the accounts. Madrid rejected the accusations.";
    expect(pairs(english, "en", known)).toEqual(["Carlo Neri → Spain AGAINST", "Spain → Carlo Neri AGAINST"]);
  });

  it("reads 'allies' after a preposition as no relation between the subject and the alliance", () => {
    const text = "L'Italia torna con lo stesso impegno, come promesso agli alleati della Nato.";
    expect(
      pairs(text, "it", [...places("Italy"), { name: "NATO", type: "ORGANIZATION", source: "original", mentions: [] }]),
    ).toEqual([]);
  });
});
