/**
 * `@rassegna/cli`: the `rassegna` command. The executable is `bin/rassegna.js`; `runCli`
 * runs the same command in-process (for embedding and tests).
 */
export { type CliIo, type CliOptions, runCli } from "./cli.js";
export { renderReportHtml } from "./report/index.js";
