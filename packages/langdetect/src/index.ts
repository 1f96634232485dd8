// PLACEHOLDER until the langdetect work lands: the exported names are the planned API.
import { type LanguageGuess, type LanguageSegment, RassegnaError, type Stage } from "@rassegna/core";

export interface DetectOptions {
  only?: string[];
  ignore?: string[];
  minLength?: number;
}
export function detectLanguage(_text: string, _options: DetectOptions = {}): LanguageGuess {
  throw new RassegnaError("STAGE_FAILED", "language detection is not built yet");
}
export function detectSegments(_text: string, _options: DetectOptions = {}): LanguageSegment[] {
  throw new RassegnaError("STAGE_FAILED", "language detection is not built yet");
}
export function languageStage(_options: DetectOptions = {}): Stage {
  throw new RassegnaError("STAGE_FAILED", "language detection is not built yet");
}
