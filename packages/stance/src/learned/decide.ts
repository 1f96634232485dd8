/**
 * The learned decision over what the rules read: a holder → target pair, or the text's own
 * stance toward a target, is labelled by the shipped classifiers from the rules' findings and
 * the words around the mentions. The rules' evidence is kept; where the rules found none, the
 * sentences naming both sides are the evidence, marked `rule: "learned"`.
 */
import type { Evidence, Stance } from "@rassegna/core";

import { MAX_EVIDENCE, type Tally, toStance } from "../aggregate.js";
import type { ReadSentence } from "../types.js";
import { type PairReading, pairFeatures } from "./features.js";
import { type Classifier, classify, shippedModel } from "./model.js";
import { ownClassifierFeatures } from "./target-features.js";

/** Sentences that name both (or, without a holder, the target), as evidence of the learned rule. */
function namingSentences(sentences: readonly ReadSentence[], target: string, holder?: string): Evidence[] {
  const out: Evidence[] = [];
  for (const s of sentences) {
    const keys = new Set(s.mentions.map((m) => m.key));
    if (keys.has(target) && (holder === undefined || keys.has(holder)))
      out.push({ start: s.start, end: s.end, rule: "learned", cue: "" });
    if (out.length >= MAX_EVIDENCE) break;
  }
  return out;
}

function decided(
  classifier: Classifier,
  features: Map<string, number>,
  target: string,
  holder: string | undefined,
  tally: Tally | undefined,
  sentences: readonly ReadSentence[],
): Stance {
  const { stance, score } = classify(classifier, features);
  const rules = toStance(target, holder, tally);
  const evidence =
    rules.evidence.length > 0 ? rules.evidence : stance === "NONE" ? [] : namingSentences(sentences, target, holder);
  const out: Stance = { target, stance, score, evidence };
  if (holder !== undefined) out.holder = holder;
  return out;
}

/** holder → target by the learned classifier; `reading.forward ?? reading.backoff` gives the evidence. */
export function learnedPair(holder: string, target: string, reading: PairReading): Stance {
  const features = pairFeatures(holder, target, reading);
  return decided(shippedModel().pair, features, target, holder, reading.forward ?? reading.backoff, reading.sentences);
}

/** The text's own stance toward a target by the learned classifier. */
export function learnedOwn(target: string, own: Tally | undefined, reading: PairReading): Stance {
  const classifier = shippedModel().own;
  // Where training found it better on its held-out part: a stance the rules read stands, and
  // the classifier decides the rest.
  if (classifier.rulesFirst) {
    const rules = toStance(target, undefined, own);
    if (rules.stance !== "NONE") return rules;
  }
  return decided(classifier, ownClassifierFeatures(target, own, reading), target, undefined, own, reading.sentences);
}
