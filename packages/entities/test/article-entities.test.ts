import { type Analysis, createAnalysis, createStageContext, type Translation } from "@rassegna/core";
import { entitiesStage, extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { isChromeLine, maskPageChrome } from "../src/chrome.js";
import { entityNamed, names } from "./helpers.js";

/** A hand-made translation with one segment per sentence. */
function translated(source: string[], target: string[]): { text: string; translation: Translation } {
  const text = source.join(" ");
  const english = target.join(" ");
  const segments = source.map((sentence, i) => {
    const s = text.indexOf(sentence);
    const t = english.indexOf(target[i]!);
    return { source: { start: s, end: s + sentence.length }, target: { start: t, end: t + target[i]!.length } };
  });
  return { text, translation: { from: "it", to: "en", model: "test", text: english, segments } };
}

async function run(source: string[], target: string[], extra: Partial<Analysis> = {}): Promise<Analysis> {
  const { text, translation } = translated(source, target);
  const doc = createAnalysis({ id: "x", text, language: "it" }, 0);
  Object.assign(doc, extra);
  doc.translation = translation;
  const stage = entitiesStage();
  await stage.process(doc, createStageContext(stage));
  return doc;
}

describe("one entity per real-world thing", () => {
  it("drops a translation's entity that has no counterpart in the source sentence", async () => {
    const doc = await run(
      ["Il presidente del Consiglio Carla Verdani ha parlato a Milano."],
      ["The president of the Joint Carla Verdani spoke in Milan."],
    );
    expect(names(doc.entities ?? [])).not.toContain("Joint");
    expect(names(doc.entities ?? [])).toContain("Milan");
  });

  it("counts an aligned pair of original and translation mentions once, with both forms as aliases", async () => {
    const doc = await run(
      ["Ieri a Pechino il vertice.", "Pechino ha risposto."],
      ["Yesterday in Beijing the summit.", "Beijing answered."],
    );
    const beijing = entityNamed(doc.entities ?? [], "Beijing");
    expect(beijing.mentions).toHaveLength(2);
    expect(beijing.mentions.every((m) => m.source === "original" && m.text === "Pechino")).toBe(true);
  });

  it("gives Italian institutions their English names from the gazetteer, and a lone head joins the full name", async () => {
    const doc = await run(
      ["La Corte dei conti ha bocciato il piano.", "Secondo la Corte i costi sono troppo alti."],
      ["The Court of the accounts rejected the plan.", "According to the Court the costs are too high."],
    );
    const court = entityNamed(doc.entities ?? [], "Court of Audit (Italy)");
    expect(court.type).toBe("ORGANIZATION");
    expect(court.mentions.map((m) => m.text)).toEqual(["Corte dei conti", "Corte"]);
    expect(names(doc.entities ?? [])).toEqual(["Court of Audit (Italy)"]);
  });

  it("reads a bare Camera as the Chamber of Deputies, and Commissione as the EU's only when the article is about the EU", async () => {
    const camera = await run(["Il testo passa ora alla Camera."], ["The text passes now to the Chamber."]);
    expect(names(camera.entities ?? [])).toEqual(["Chamber of Deputies (Italy)"]);
    const eu = await run(
      ["L'Unione europea discute il bilancio.", "La Commissione ha proposto tagli."],
      ["The European Union discusses the budget.", "The Commission proposed cuts."],
    );
    expect(names(eu.entities ?? [])).toContain("European Commission");
    const local = await run(["La Commissione ha proposto tagli."], ["The Commission proposed cuts."]);
    expect(names(local.entities ?? [])).toEqual([]);
  });

  it("reads the title too, each mention saying which field it indexes", async () => {
    const doc = await run(["Il ministro è a Parigi."], ["The minister is in Paris."], { title: "Vertice a Parigi" });
    const paris = entityNamed(doc.entities ?? [], "Paris");
    expect(paris.mentions.map((m) => m.field ?? "text").sort()).toEqual(["text", "title"]);
    const inTitle = paris.mentions.find((m) => m.field === "title")!;
    expect(doc.title?.slice(inTitle.start, inTitle.end)).toBe("Parigi");
  });
});

describe("common nouns and page furniture", () => {
  it("takes a body named by common nouns alone for no entity, unless asked (KIND's convention)", () => {
    const text = "Il governo ha incontrato la polizia tedesca a Bari.";
    expect(names(extractEntities(text, { language: "it" }))).toEqual(["Bari"]);
    expect(names(extractEntities(text, { language: "it", lowercaseBodies: true }))).toContain("governo");
  });

  it("blanks menus, section labels, by-lines, share and cookie lines, keeping offsets", () => {
    const page = [
      "Home | Mondo | Politica | Sport",
      "ESTERI",
      "Di Redazione Online – aggiornato alle 12:30",
      "Condividi | Email | Stampa",
      "Il sindaco Paolo Ferrante ha visitato Bari.",
      "Leggi anche: Ferrante a Bari",
      "Usiamo i cookie per migliorare la tua esperienza. Accetta | Rifiuta",
    ].join("\n");
    const masked = maskPageChrome(page);
    expect(masked).toHaveLength(page.length);
    expect(masked).not.toMatch(/Politica|ESTERI|Redazione|Condividi|cookie|Leggi/);
    expect(masked).toContain("Il sindaco Paolo Ferrante ha visitato Bari.");
    expect(masked).toContain("Ferrante a Bari");
    expect(isChromeLine("Il sindaco Paolo Ferrante ha visitato Bari.")).toBe(false);
    const entities = extractEntities(page, { language: "it" });
    expect(names(entities)).toEqual(["Bari", "Paolo Ferrante"]);
  });
});

describe("glued spans and known names", () => {
  it("cuts a person's name from the body or portfolio before it", () => {
    const found = names(
      extractEntities(
        "Il portavoce del Cremlino Dmitrij Peskov ha risposto al ministro del Commercio Jamieson Greer.",
        { language: "it" },
      ),
    );
    expect(found).toContain("Dmitry Peskov");
    expect(found).toContain("Kremlin");
    expect(found).toContain("Jamieson Greer");
    expect(found.some((n) => n.includes("Commercio"))).toBe(false);
  });

  it("keeps a multi-word name whole when the gazetteer knows it", () => {
    const text = "Il Consiglio superiore della magistratura ha risposto a Fratelli d'Italia.";
    const found = extractEntities(text, { language: "it" });
    expect(names(found)).toEqual(["Brothers of Italy", "High Council of the Judiciary (Italy)"]);
  });

  it("reads the known names of a language the rules do not read, with a warning", async () => {
    const doc = createAnalysis({ id: "de", text: "Die NATO und Friedrich Merz trafen sich in Berlin." }, 0);
    doc.language = { code: "de", iso6393: "deu", confidence: 1, script: "Latn", reliable: true, alternatives: [] };
    const stage = entitiesStage();
    await stage.process(doc, createStageContext(stage));
    expect(names(doc.entities ?? [])).toEqual(["Berlin", "Friedrich Merz", "NATO"]);
    expect(doc.warnings?.[0]?.code).toBe("KNOWN_NAMES_ONLY");
  });
});

describe("forms of one name across the two texts", () => {
  it("joins a translation's shorter form to the full name the original gives in the same sentence", async () => {
    const doc = await run(
      ["Il presidente Abdel Fattah al-Sisi ha ricevuto Marta Colli a Mazara del Vallo."],
      ["The president Abdel Fattah received Marta Colli in Mazara."],
    );
    const found = names(doc.entities ?? []);
    expect(found).not.toContain("Abdel Fattah");
    expect(found).not.toContain("Mazara");
    expect(found).toContain("Abdel Fattah el-Sisi");
  });

  it("leaves out a capitalised preposition and a generic place noun before a name", () => {
    const found = extractEntities("Ad Antalya il vertice, poi nella regione di Tillabéri.", { language: "it" });
    expect(names(found)).toEqual(["Antalya", "Tillabéri"]);
  });
});
