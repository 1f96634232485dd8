// PLACEHOLDER until the entities work lands: the exported names are the planned API.
import { type Entity, type ModelSettingsOptions, RassegnaError, type Stage } from "@rassegna/core";

export interface ExtractOptions extends ModelSettingsOptions {
  language?: string;
  backend?: "rules" | "transformers";
  model?: string;
}
export function extractEntities(_text: string, _options: ExtractOptions = {}): Entity[] | Promise<Entity[]> {
  throw new RassegnaError("STAGE_FAILED", "entity extraction is not built yet");
}
export function entitiesStage(_options: ExtractOptions = {}): Stage {
  throw new RassegnaError("STAGE_FAILED", "entity extraction is not built yet");
}
