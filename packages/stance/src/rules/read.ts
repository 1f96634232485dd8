/**
 * The rules backend's reading: direction-aware cues over sentences. For each sentence it finds
 * the actor mentions and the cues, then links each cue to who holds the stance (the subject,
 * or the agent of a passive) and whom it is about (the object), with coordination ("China and
 * Russia … against the US" gives two holders) and negation. One file per cue kind.
 */
import { splitSentences } from "@rassegna/core";

import type { Anaphora } from "../anaphora.js";
import type { ActorMention } from "../mentions.js";
import { type Token, tokenize } from "../tokens.js";
import type { CueLanguage, Finding, ReadSentence } from "../types.js";
import { readAgainst, readAnti } from "./against.js";
import { readAgent } from "./agent.js";
import { readConsider } from "./consider.js";
import { type CueHit, findCues } from "./cues.js";
import { groupMentions } from "./groups.js";
import { readMutual } from "./mutual.js";
import { readNoun } from "./noun.js";
import { readProvoked } from "./provoked.js";
import { readRebut } from "./rebut.js";
import { SentenceReader } from "./sentence.js";
import { readVerb } from "./verb.js";

/** Reads each cue of a sentence by its kind. */
function readCues(r: SentenceReader, cues: readonly CueHit[]): void {
  for (let c = 0; c < cues.length; c++) {
    const hit = cues[c] as CueHit;
    if (r.used.has(c)) continue;
    switch (hit.cue.kind) {
      case "consider":
        readConsider(r, cues, c);
        break;
      case "noun":
        readNoun(r, hit);
        break;
      case "verb":
        readVerb(r, cues, c);
        break;
      case "against":
        readAgainst(r, hit);
        break;
      case "anti":
        readAnti(r, hit);
        break;
      case "mutual":
      case "joint":
        readMutual(r, hit);
        break;
      case "agent":
        readAgent(r, hit);
        break;
      case "provoked":
        readProvoked(r, hit);
        break;
      case "rebut":
        readRebut(r, hit);
        break;
      case "role":
        // A role noun without a consider verb: "X's rival Y" reads as a mutual relation.
        if (hit.cue.polarity === "AGAINST") readMutual(r, hit);
        break;
    }
  }
}

/** The mention finder the reader uses: names given, actors discovered, or both. */
export type MentionFinder = (text: string, tokens: readonly Token[]) => ActorMention[];

/** Reads every sentence of `text` and returns what the rules found, in text order. */
export function readFindings(
  text: string,
  findMentions: MentionFinder,
  languages: ReadonlySet<CueLanguage>,
  anaphora?: Anaphora,
): {
  findings: Finding[];
  sentences: ReadSentence[];
} {
  const findings: Finding[] = [];
  const sentences: ReadSentence[] = [];
  for (const sentence of splitSentences(text)) {
    const tokens = tokenize(text, sentence.start, sentence.end);
    const named = findMentions(text, tokens);
    const anaphors = anaphora?.read(text, tokens, named) ?? [];
    const mentions = anaphors.length > 0 ? [...named, ...anaphors].sort((a, b) => a.first - b.first) : named;
    const read: ReadSentence = { start: sentence.start, end: sentence.end, mentions, tokens };
    sentences.push(read);
    if (mentions.length === 0) continue;
    const groups = groupMentions(tokens, mentions);
    const cues = findCues(text, tokens, mentions, languages);
    const reader = new SentenceReader(
      text,
      sentence.start,
      sentence.end,
      tokens,
      groups,
      languages.has("en"),
      findings,
    );
    readCues(reader, cues);
    findings.push(...reader.findings);
    read.findings = reader.findings;
  }
  return { findings, sentences };
}
