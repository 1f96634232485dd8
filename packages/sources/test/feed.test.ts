import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { fromFeed, readDocument, type SourceItem } from "../src/index.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("fromFeed", () => {
  it("reads an RSS 2.0 feed: one article per item, links made absolute, dates in ISO 8601", () => {
    const { info, entries } = fromFeed(fixture("feed.rss"), { url: "https://voce-collaudo.example/feed.xml" });
    expect(info).toEqual({
      format: "rss",
      title: "La Voce di Collaudo",
      link: "https://voce-collaudo.example/",
      language: "it",
    });
    expect(entries.map((e) => e.article.id)).toEqual([
      "https://voce-collaudo.example/cronaca/bologna-tram",
      "https://voce-collaudo.example/cronaca/parma-cinema",
      "https://voce-collaudo.example/cronaca/rimini-allerta",
    ]);
    const [tram, cinema, allerta] = entries.map((e) => e.article);
    expect(tram).toMatchObject({
      title: "Bologna, la nuova linea del tram apre in anticipo",
      text: "La prima linea del tram entra in servizio a dicembre, in anticipo sui tempi.",
      date: "2026-09-14T06:30:00.000Z",
      source: "La Voce di Collaudo",
      language: "it",
      meta: { guid: "tram-1" },
    });
    // content:encoded goes through the page reader: the share line is gone, both paragraphs stay.
    expect(cinema?.text.split("\n\n")).toEqual([
      expect.stringMatching(/^Lo storico cinema di piazza Garibaldi chiuderà/),
      "Il Comune valuta di acquistare la sala per farne uno spazio culturale aperto alle scuole.",
    ]);
    // An item with a headline only: the headline is its text, and it says so.
    expect(allerta).toMatchObject({ text: "Rimini, allerta meteo per la notte", meta: { headlineOnly: true } });
    expect(allerta?.title).toBeUndefined();
  });

  it("reads an Atom feed, with HTML titles as text and an entry's own language", () => {
    const { info, entries } = fromFeed(fixture("feed.atom"));
    expect(info.format).toBe("atom");
    expect(entries.map((e) => e.article)).toEqual([
      expect.objectContaining({
        id: "https://harbour-notes.example/ferry-timetable",
        title: "Ferry timetable changes on Monday",
        date: "2026-10-01T09:00:00Z",
        language: "en",
        text: "The morning ferry to the island will leave twenty minutes earlier from Monday, the harbour office said.\n\nEvening crossings stay as they are.",
        meta: expect.objectContaining({ byline: "Ann Keel" }),
      }),
      expect.objectContaining({
        id: "https://harbour-notes.example/pontile",
        language: "it",
        text: "Il porto costruirà un nuovo pontile riservato ai pescherecci entro la prossima estate.",
      }),
    ]);
  });

  it("reads a JSON Feed, taking the item id where there is no link", () => {
    const { info, entries } = fromFeed(fixture("feed.json"));
    expect(info).toMatchObject({ format: "json", title: "Valley Gazette", language: "en" });
    expect(entries.map((e) => [e.article.id, e.article.text])).toEqual([
      [
        "https://valley-gazette.example/bridge",
        "The old stone bridge over the river reopened to cyclists on Saturday after a year of repairs.",
      ],
      ["vg-102", "The town library will stay open until nine on weekdays from next month."],
    ]);
  });

  it("throws a clear error for a broken feed, and a reader gives it one error item", async () => {
    expect(() => fromFeed(fixture("broken.rss"), { url: "broken.rss" })).toThrow(/Cannot read broken\.rss as a feed/);
    const items: SourceItem[] = [];
    for await (const item of readDocument(fixture("broken.rss"), "broken.rss", { kind: "feed" })) items.push(item);
    expect(items).toHaveLength(1);
    expect(items[0]?.error).toMatchObject({ stage: "input", code: "INVALID_INPUT" });
  });

  it("tells a feed, a page and JSON apart by their first characters when nothing else says", async () => {
    const ids: Array<string | undefined> = [];
    for (const [text, id] of [
      [fixture("feed.json"), "a"],
      [fixture("page.html"), "b"],
      ["[ROMA] Il consiglio comunale approva il bilancio.", "c"],
    ] as const) {
      for await (const item of readDocument(text, id)) ids.push(item.error ? `error ${id}` : item.article.id);
    }
    expect(ids).toEqual(["https://valley-gazette.example/bridge", "vg-102", "b", "c"]);
  });
});
