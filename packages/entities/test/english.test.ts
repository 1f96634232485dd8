import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { entityNamed, expectTrueOffsets, names } from "./helpers.js";

describe("English rules", () => {
  it("finds people, places and organisations with true offsets", () => {
    const text =
      "Mr. John Smith, the chief executive of Acme Corp., met Sen. Bob Dole in Washington on Monday. Smith said the Bank of England would act.";
    const entities = extractEntities(text, { language: "en" });
    expectTrueOffsets(text, entities);
    expect(entityNamed(entities, "John Smith").type).toBe("PERSON");
    expect(entityNamed(entities, "Bob Dole").type).toBe("PERSON");
    expect(entityNamed(entities, "Acme Corp").type).toBe("ORGANIZATION");
    expect(entityNamed(entities, "Bank of England").type).toBe("ORGANIZATION");
    expect(entityNamed(entities, "Washington").type).toBe("LOCATION");
    // Titles are not part of the name; days of the week are not entities.
    expect(names(entities)).not.toContain("Monday");
    expect(entities.flatMap((e) => e.mentions.map((m) => m.text))).not.toContain("Mr. John Smith");
  });

  it("merges short forms and abbreviations under one canonical name", () => {
    const text =
      "U.S. officials said the US and the USA mean the United States. Chinese President Xi Jinping spoke in Beijing; Xi said more.";
    const entities = extractEntities(text);
    expectTrueOffsets(text, entities);
    const us = entityNamed(entities, "United States");
    expect(us.type).toBe("LOCATION");
    expect(us.mentions.map((m) => m.text)).toEqual(["U.S.", "US", "USA", "United States"]);
    expect(entityNamed(entities, "Xi Jinping").mentions.map((m) => m.text)).toEqual(["Xi Jinping", "Xi"]);
    expect(entities.filter((e) => e.name === "United States")).toHaveLength(1);
  });

  it("links a surname to the full name said earlier", () => {
    const text = "Angela Merkel arrived late. Later, Merkel told reporters she was tired.";
    const entities = extractEntities(text);
    const merkel = entityNamed(entities, "Angela Merkel");
    expect(merkel.type).toBe("PERSON");
    expect(merkel.mentions.map((m) => m.text)).toEqual(["Angela Merkel", "Merkel"]);
  });

  it("keeps trailing punctuation out of mentions", () => {
    const text = 'Talks moved to Beijing; then to "Moscow". Diplomats left Paris, Berlin and Tokyo!';
    const entities = extractEntities(text);
    expectTrueOffsets(text, entities);
    for (const mention of entities.flatMap((e) => e.mentions)) expect(mention.text).toMatch(/\p{L}$/u);
    expect(names(entities)).toEqual(["Beijing", "Berlin", "Moscow", "Paris", "Tokyo"]);
  });

  it("does not take sentence-initial capitals, nationalities or events for names", () => {
    const text =
      "Police said the Chinese delegation was late. The talks ended. However, Russian diplomats stayed for the World Cup final.";
    const entities = extractEntities(text);
    expect(names(entities)).toEqual([]);
  });

  it("reads organisation cues and acronyms", () => {
    const text =
      "Shares of Globex Holdings rose after the Federal Reserve spoke, and Initech Ltd fell; the IMF said nothing.";
    const entities = extractEntities(text);
    expect(entityNamed(entities, "Globex Holdings").type).toBe("ORGANIZATION");
    expect(entityNamed(entities, "Initech Ltd").type).toBe("ORGANIZATION");
    expect(entityNamed(entities, "Federal Reserve").type).toBe("ORGANIZATION");
    expect(entityNamed(entities, "International Monetary Fund").mentions[0]?.text).toBe("IMF");
  });

  it("reads names in a headline in capitals only when it knows them", () => {
    const text = "CHINA AND JAPAN AGREE TO TALK\nOfficials from China and Japan met in Tokyo.";
    const entities = extractEntities(text);
    expect(entityNamed(entities, "China").mentions).toHaveLength(2);
    expect(entityNamed(entities, "Japan").mentions[0]?.text).toBe("JAPAN");
    expect(names(entities)).not.toContain("AGREE");
  });

  it("counts offsets in UTF-16 code units", () => {
    const text = "🙂🙂 Emmanuel Macron visited São Paulo.";
    const entities = extractEntities(text);
    expectTrueOffsets(text, entities);
    expect(entityNamed(entities, "Emmanuel Macron").mentions[0]?.start).toBe(5);
    expect(entityNamed(entities, "Sao Paulo").mentions[0]?.text).toBe("São Paulo");
  });
});
