/**
 * The layering of the workspace, checked by `pnpm lint` (dependency-cruiser):
 *
 *   core                      ← imports nothing of ours
 *   langdetect, translate, entities, stance, sources   (stages) ← core only
 *   pipeline                  ← core only (stages are handed to it)
 *   queue                     ← core and pipeline
 *   cli, rassegna             ← anything below (rassegna never imports cli)
 *   examples, bench           ← public entry points only (what `exports` offers)
 *   scripts/ (build tools)    ← never imported by a package's shipped code (src/, bin/)
 *
 * Workspace imports resolve through node_modules symlinks to `packages/<name>/…`, so the rules
 * speak of real paths; they bind the code a package ships (src/, bin/, scripts/), not its
 * tests, which may bring in other packages to test against. A package not named here (a new
 * one) may import only core until it is placed in the layering.
 */
const STAGES = ["langdetect", "translate", "entities", "stance", "sources"];
const TOP = ["cli", "rassegna"];
const group = (names) => `(${names.join("|")})`;

/** A rule: packages matching `from` may import, of our packages, only themselves and `allowed`. */
function only(name, from, allowed, comment) {
  return {
    name,
    comment,
    severity: "error",
    from: { path: `^packages/${from}/(src|bin|scripts)/` },
    to: { path: "^packages/[^/]+/", pathNot: [`^packages/$1/`, ...allowed.map((a) => `^packages/${a}/`)] },
  };
}

module.exports = {
  forbidden: [
    only("core-imports-nothing-of-ours", "(core)", [], "core sits at the bottom: it imports no other package of ours."),
    only("stage-imports-only-core", group(STAGES), ["core"], "A stage imports only core; stages meet in the Analysis."),
    only("pipeline-imports-only-core", "(pipeline)", ["core"], "pipeline knows no stage: they are handed to it."),
    only(
      "queue-imports-core-and-pipeline",
      "(queue)",
      ["core", "pipeline"],
      "queue runs a pipeline; it knows no stage.",
    ),
    only(
      "rassegna-never-imports-cli",
      "(rassegna)",
      ["core", "pipeline", "queue", ...STAGES],
      "the command sits on the library, not under it.",
    ),
    only(
      "unplaced-package-imports-only-core",
      `(?!(?:${["core", "pipeline", "queue", ...STAGES, ...TOP].join("|")})/)([^/]+)`,
      ["core"],
      "a package not yet placed in the layering (see .dependency-cruiser.cjs) imports only core.",
    ),
    {
      name: "examples-use-public-entry-points",
      comment: "examples and benchmarks import packages by name (their exports), never their files.",
      severity: "error",
      from: { path: "^(examples|bench)/" },
      to: { path: "^packages/[^/]+/", pathNot: "^packages/[^/]+/dist/index(\\.browser)?\\.(d\\.ts|js)$" },
    },
    {
      name: "shipped-code-never-imports-build-scripts",
      comment: "the data compiler and other tools in scripts/ run at build time; src/ reads what they generate.",
      severity: "error",
      from: { path: "^packages/[^/]+/(src|bin)/" },
      to: { path: ["^scripts/", "^packages/[^/]+/scripts/"] },
    },
    {
      name: "no-circular",
      comment: "no import cycles at run time.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-circular-types",
      comment: "no cycles through type-only imports either (issue #12: stance's was the last one, now untied).",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "an import that resolves to nothing is a typo or a missing dependency.",
      severity: "error",
      from: { pathNot: "^examples/browser/dist/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "/dist/"] },
    exclude: { path: ["/test/fixtures/", "/coverage/", "^examples/browser/dist/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["types", "import", "node", "default"],
      extensions: [".ts", ".mts", ".js", ".mjs", ".cjs", ".d.ts", ".json"],
      mainFields: ["module", "main", "types"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
