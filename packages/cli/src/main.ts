/** The `rassegna` executable: the process's streams and exit status around {@link runCli}. */
import { runCli } from "./cli.js";

const controller = new AbortController();
process.once("SIGINT", () => controller.abort(new Error("interrupted (SIGINT)")));
// A worker drains on SIGTERM (what process managers send); other commands stop as on Ctrl-C.
process.once("SIGTERM", () => controller.abort(new Error("terminated (SIGTERM)")));

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
});
