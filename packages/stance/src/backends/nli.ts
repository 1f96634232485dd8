/**
 * The NLI backend: zero-shot natural-language inference through transformers.js (an optional
 * peer, loaded only when this backend runs). The model's code is in `nli-model.ts`.
 */
import { resolveModelSettings, type Stance } from "@rassegna/core";

import { checkNames } from "../checks.js";
import { type StanceOptions, targetsOf } from "../options.js";
import { DEFAULT_NLI_MODEL, type NliItem, NliModel, nliQuestions, nliStance } from "./nli-model.js";

const nliModels = new Map<string, NliModel>();

/** The model for these options, loaded once per (model, settings, dtype). */
export function nliModelFor(options: StanceOptions): NliModel {
  const settings = resolveModelSettings(options);
  const model = options.model ?? DEFAULT_NLI_MODEL;
  const key = JSON.stringify([model, settings, options.dtype ?? null]);
  let loaded = nliModels.get(key);
  if (!loaded) {
    loaded = new NliModel(model, settings, options.dtype);
    nliModels.set(key, loaded);
  }
  return loaded;
}

/** Stances of `text` by the NLI model: see `tagStance`. */
export async function tagStanceWithNli(text: string, options: StanceOptions): Promise<Stance[]> {
  const model = nliModelFor(options);
  const questions = nliQuestions(text, targetsOf(options), checkNames(options.holders, "holders"));
  const asked = questions.filter((q) => q.item !== undefined);
  const scores =
    asked.length > 0
      ? await model.score(
          asked.map((q) => q.item as NliItem),
          options.signal,
        )
      : [];
  const byQuestion = new Map(asked.map((q, i) => [q, scores[i]]));
  return questions.map((q) => nliStance(q, byQuestion.get(q), model.model));
}

/** Frees the NLI models `tagStance` loaded. */
export async function closeNliModels(): Promise<void> {
  const models = [...nliModels.values()];
  nliModels.clear();
  await Promise.all(models.map((m) => m.dispose()));
}
