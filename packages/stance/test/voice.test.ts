import { readVoice, tagStance } from "@rassegna/stance";
import { describe, expect, it } from "vitest";

const WIRE =
  "LIMA, 3 May – The mayor of Ostrava, Jana Pelc, accused the regional council of delaying the new tram line, a project worth 40 million euros that was approved two years ago. The council replied that the delay was caused by the contractor. The regional governor said the works would resume in June, after a meeting with the contractor and the unions. Residents of the southern districts have waited for the line since the old buses were withdrawn, and traders along the route reported losses during the first phase of the works. The contractor did not comment on the dispute, and the unions said they would meet again next week.";

const OPINION =
  "There is something tiring about the way the regional council treats Ostrava. We have heard the same promises for ten years, and we should stop pretending they mean anything. Jana Pelc is right to lose her patience: the council is wrong, and it deserves the anger of every commuter who waits in the rain. Who decided that a tram line is a luxury? Nobody in the council will say it aloud, but our city is paying for their caution. Unfortunately the governor prefers silence to a decision. It is time for the council to build the line, or to say honestly that it never will. Our patience has limits, and so should theirs.";

describe("whose voice a text is written in", () => {
  it("reads wire copy, opened by a dateline, as reporting", () => {
    const voice = readVoice(WIRE);
    expect(voice.dateline).toBe(true);
    expect(voice.opinion).toBe(false);
  });

  it("reads a comment in the first person, with judgements and questions, as opinion", () => {
    const voice = readVoice(OPINION);
    expect(voice.dateline).toBe(false);
    expect(voice.opinion).toBe(true);
  });

  it("does not count what quoted people say as the author's voice", () => {
    const quoted = OPINION.replace(/^/, "«").replace(/$/, "»");
    expect(readVoice(quoted).markers).toBeLessThan(readVoice(OPINION).markers);
  });

  it("reads a headline as too short to take sides", () => {
    expect(readVoice("We must stop the council: our city deserves better").opinion).toBe(false);
  });
});

describe("the text's own stance in an article read as a whole", () => {
  it("gives wire copy no stance of its own and no NONE rows", () => {
    const stances = tagStance(WIRE, { language: "en" });
    expect(stances.filter((s) => s.holder === undefined)).toEqual([]);
    expect(stances.filter((s) => s.stance === "NONE")).toEqual([]);
  });

  it("still answers every target asked for, NONE included", () => {
    const stances = tagStance(WIRE, { language: "en", targets: ["Jana Pelc", "Ostrava"] });
    expect(stances.filter((s) => s.holder === undefined).map((s) => s.target)).toEqual(["Jana Pelc", "Ostrava"]);
  });

  it("gives NONE rows when asked to", () => {
    const stances = tagStance(WIRE, { language: "en", targets: ["Ostrava"], holders: ["Jana Pelc"] });
    expect(stances).toEqual([expect.objectContaining({ holder: "Jana Pelc", target: "Ostrava", stance: "NONE" })]);
  });

  it("rejects an unknown ownStance mode with a clear error", () => {
    expect(() => tagStance(WIRE, { ownStance: "sometimes" as never })).toThrow(/ownStance/);
  });
});

describe("the author's verdicts in an opinion piece", () => {
  const OPINION_IT =
    "C'è qualcosa di stanco nel modo in cui il consiglio regionale tratta Ostrava. Sentiamo le stesse promesse da dieci anni, e dovremmo smettere di fingere che valgano qualcosa. Ha ragione Jana Pelc a perdere la pazienza. Il governatore Tomas Brandt invece sbaglia, e nessuno nel consiglio lo dirà ad alta voce. Chi ha deciso che una linea del tram sia un lusso? La nostra città paga la loro prudenza, purtroppo. Bisogna costruire la linea, o dire onestamente che non si farà mai. La responsabilità principale è di Karel Novak, che firma i bilanci da due mandati. Ma non si può assolvere nemmeno chi tace.";
  const own = (text: string) =>
    tagStance(text, {
      language: "it",
      entities: ["Jana Pelc", "Tomas Brandt", "Karel Novak"].map((name) => ({
        name,
        type: "PERSON" as const,
        source: "original" as const,
        mentions: [],
      })),
    })
      .filter((s) => s.holder === undefined)
      .map((s) => `${s.target} ${s.stance}`)
      .sort();

  it("reads 'ha ragione X', 'X sbaglia' and 'la responsabilità è di X' as the author's stance", () => {
    expect(readVoice(OPINION_IT).opinion).toBe(true);
    expect(own(OPINION_IT)).toEqual(["Jana Pelc FAVOR", "Karel Novak AGAINST", "Tomas Brandt AGAINST"]);
  });

  it("reads no verdict inside a quotation", () => {
    const quoted = OPINION_IT.replace(
      "Ha ragione Jana Pelc a perdere la pazienza.",
      "«Ha ragione Jana Pelc», dice un vicino.",
    );
    expect(own(quoted)).not.toContain("Jana Pelc FAVOR");
  });
});
