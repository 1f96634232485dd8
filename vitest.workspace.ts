import { fileURLToPath } from "node:url";

/**
 * The test projects, one per package (and one for examples). Vitest 5 no longer reads this
 * file by itself: `vitest.config.ts` passes it as `test.projects`.
 */
const root = fileURLToPath(new URL(".", import.meta.url));

/** Tests import workspace packages from their sources, so that no build is needed first. */
export const alias = {
  "@rassegna/core": `${root}packages/core/src/index.ts`,
  "@rassegna/langdetect": `${root}packages/langdetect/src/index.ts`,
  "@rassegna/translate": `${root}packages/translate/src/index.ts`,
  "@rassegna/entities": `${root}packages/entities/src/index.ts`,
  "@rassegna/stance": `${root}packages/stance/src/index.ts`,
  "@rassegna/pipeline": `${root}packages/pipeline/src/index.ts`,
  "@rassegna/queue": `${root}packages/queue/src/index.ts`,
  "@rassegna/sources": `${root}packages/sources/src/index.ts`,
  "@rassegna/cli": `${root}packages/cli/src/index.ts`,
  rassegna: `${root}packages/rassegna/src/index.ts`,
};

const setupFiles = [`${root}test-setup/no-network.ts`];

const packages = [
  "core",
  "langdetect",
  "translate",
  "entities",
  "stance",
  "pipeline",
  "queue",
  "sources",
  "cli",
  "rassegna",
];

/** Packages with type tests (`test/*.test-d.ts`). */
const TYPE_TESTED = new Set(["pipeline", "rassegna"]);

export default [
  ...packages.map((name) => ({
    resolve: { alias },
    test: {
      name,
      root: `${root}packages/${name}`,
      include: ["test/**/*.test.ts"],
      setupFiles,
      testTimeout: 60_000,
      // Type tests of the public API (`test/*.test-d.ts`, checked by tsc with test/tsconfig.json).
      ...(TYPE_TESTED.has(name)
        ? { typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "test/tsconfig.json" } }
        : {}),
    },
  })),
  // The consumer test packs and installs every package from the npm registry: CI only.
  ...(process.env.RASSEGNA_CONSUMER_TEST === "1"
    ? [
        {
          test: {
            name: "consumer",
            root: `${root}test-consumer`,
            include: ["*.test.ts"],
            setupFiles,
            testTimeout: 300_000,
            hookTimeout: 900_000,
          },
        },
      ]
    : []),
  // The repository's own tools: the source-shape check (scripts/) and the test helpers (test-setup/).
  {
    test: {
      name: "tools",
      root,
      include: ["scripts/test/**/*.test.ts", "test-setup/**/*.test.ts"],
      setupFiles,
    },
  },
  // The benchmarks' scores (bench/metrics.ts); the benchmarks themselves run with `pnpm bench`.
  {
    resolve: { alias },
    test: { name: "bench", root: `${root}bench`, include: ["*.test.ts"], setupFiles },
  },
  {
    resolve: { alias },
    test: {
      name: "examples",
      root: `${root}examples`,
      include: ["test/**/*.test.ts"],
      setupFiles,
      testTimeout: 120_000,
    },
  },
];
