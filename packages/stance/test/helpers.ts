import { fileURLToPath } from "node:url";

/** Options that load the committed tiny NLI model offline, never from the hub. */
export const tinyNli = {
  backend: "nli" as const,
  model: "rassegna/tiny-bert-nli",
  localModelPath: fileURLToPath(new URL("./fixtures/models/", import.meta.url)),
  offline: true,
  cacheDir: "/nonexistent/rassegna-stance-cache",
};
