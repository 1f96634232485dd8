// PLACEHOLDER until the report work lands: the exported name is the planned API.
import type { Analysis } from "@rassegna/core";

/** Renders analysis records (as written by `rassegna run`) into one self-contained HTML page. */
export function renderReportHtml(_records: Analysis[], _options: { title?: string } = {}): string {
  throw new Error("the HTML report is not built yet");
}
