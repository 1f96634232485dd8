import { defineConfig } from "vitest/config";

import projects from "./vitest.workspace.js";

// Vitest 5's reporters call Map.groupBy, which Node 20 lacks (Node 21+): without this, a
// failing test crashes the reporter instead of being reported.
if (typeof (Map as { groupBy?: unknown }).groupBy !== "function") {
  Object.defineProperty(Map, "groupBy", {
    configurable: true,
    writable: true,
    value<K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, V[]> {
      const groups = new Map<K, V[]>();
      let index = 0;
      for (const item of items) {
        const k = key(item, index++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  test: {
    projects,
    // No test may reach the network: see test/setup in each package that loads models.
    passWithNoTests: false,
    // CI reads the counts from a JSON report (pnpm keeps --reporter for itself).
    ...(process.env.RASSEGNA_TEST_REPORT
      ? { reporters: ["default", "json"], outputFile: { json: process.env.RASSEGNA_TEST_REPORT } }
      : {}),
  },
});
