// PLACEHOLDER until the stance work lands: the exported names are the planned API.
import { type Entity, type ModelSettingsOptions, RassegnaError, type Stage, type Stance } from "@rassegna/core";

export interface StanceOptions extends ModelSettingsOptions {
  targets?: string[];
  holders?: string[];
  language?: string;
  entities?: Entity[];
  backend?: "rules" | "nli";
  model?: string;
}
export function tagStance(_text: string, _options: StanceOptions = {}): Stance[] | Promise<Stance[]> {
  throw new RassegnaError("STAGE_FAILED", "stance is not built yet");
}
export function stanceStage(_options: StanceOptions = {}): Stage {
  throw new RassegnaError("STAGE_FAILED", "stance is not built yet");
}
