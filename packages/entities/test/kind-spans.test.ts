import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { expectTrueOffsets } from "./helpers.js";

/** Mention text → type, for compact assertions. */
function spans(text: string, options: { corpus?: "kind" } = {}): Record<string, string> {
  const entities = extractEntities(text, { language: "it", ...options });
  expectTrueOffsets(text, entities);
  return Object.fromEntries(entities.flatMap((e) => e.mentions.map((m) => [m.text, e.type])));
}

describe("Italian spans as KIND draws them", () => {
  it("keeps an institution's lower-case complement and splits an office from its city", () => {
    const found = spans(
      "Ieri la Camera dei deputati ha votato il testo. Il Tribunale di Verona ha poi respinto il ricorso dell'Università di Padova.",
      { corpus: "kind" },
    );
    expect(found["Camera dei deputati"]).toBe("ORGANIZATION");
    expect(found.Tribunale).toBe("ORGANIZATION");
    expect(found.Verona).toBe("LOCATION");
    expect(found["Università di Padova"]).toBe("ORGANIZATION");
  });

  it("reads province codes, compass adjectives and named places", () => {
    const found = spans(
      "Una frana ha colpito Sestriere ( CN ) e la Francia meridionale; i soccorsi sono partiti da piazza Garibaldi.",
    );
    expect(found.CN).toBe("LOCATION");
    expect(found["Francia meridionale"]).toBe("LOCATION");
    expect(found["piazza Garibaldi"]).toBe("LOCATION");
  });

  it("types a noun with an adjective as a body and keeps an unknown first name with the surname", () => {
    const found = spans("Alla festa del Blocco Popolare sono arrivati Ugo Tognazzi e Gino Paoli.");
    expect(found["Blocco Popolare"]).toBe("ORGANIZATION");
    expect(found["Gino Paoli"]).toBe("PERSON");
  });
});
