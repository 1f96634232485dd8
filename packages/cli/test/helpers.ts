import { Readable, Writable } from "node:stream";

import { type CliIo, type CliOptions, runCli } from "@rassegna/cli";
import { ModelUnavailableError, type Stage } from "@rassegna/core";

/** A writable that keeps what it gets, as text. */
export class Sink extends Writable {
  text = "";
  isTTY = false;
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command in-process with `stdin` as its input. */
export async function cli(
  argv: string[],
  stdin: string | Buffer = "",
  options: CliOptions = {},
  cwd?: string,
  tty = false,
): Promise<CliResult> {
  const stdout = new Sink();
  const stderr = new Sink();
  stderr.isTTY = tty;
  const io: CliIo = {
    stdin: Readable.from([Buffer.isBuffer(stdin) ? stdin : Buffer.from(stdin)]),
    stdout,
    stderr,
    ...(cwd ? { cwd } : {}),
  };
  const code = await runCli(argv, io, options);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** The JSON records of standard output; fails when a line is not JSON. */
export function records(stdout: string): Array<Record<string, any>> {
  return stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, any>);
}

export const jsonl = (...lines: unknown[]) =>
  lines.map((line) => (typeof line === "string" ? line : JSON.stringify(line))).join("\n");

/** Test stages: a language stage that reads the hint (or says "xx"), and friends. */
export function fakeFactories(calls: Array<{ stage: string; options: Record<string, unknown> }> = []) {
  const record = (stage: string, options: Record<string, unknown>) => calls.push({ stage, options });
  return {
    language(options: Record<string, unknown>): Stage {
      record("language", options);
      return {
        name: "language",
        process(doc) {
          const code = doc.languageHint ?? "xx";
          doc.language = { code, iso6393: code, confidence: 1, script: "Latn", reliable: true, alternatives: [] };
        },
      };
    },
    translate(options: Record<string, unknown>): Stage {
      record("translate", options);
      return {
        name: "translate",
        process() {
          throw new ModelUnavailableError("test/model", "translate: model test/model is not available.", {
            stage: "translate",
          });
        },
      };
    },
    entities(options: Record<string, unknown>): Stage {
      record("entities", options);
      return {
        name: "entities",
        process(doc) {
          const at = doc.text.indexOf("Roma");
          doc.entities =
            at < 0
              ? []
              : [
                  {
                    name: "Rome",
                    type: "LOCATION",
                    source: "original",
                    mentions: [{ start: at, end: at + 4, text: "Roma" }],
                  },
                ];
        },
      };
    },
    stance(options: Record<string, unknown>): Stage {
      record("stance", options);
      return {
        name: "stance",
        process(doc) {
          const targets = doc.targets ?? (options.targets as string[] | undefined) ?? [];
          doc.stances = targets.map((target) => ({ target, stance: "NONE", score: 0, evidence: [] }));
        },
      };
    },
  };
}
