#!/usr/bin/env node
// pnpm verify:models — on a machine with network access, pulls the default models of every
// neural stage and checks a handful of known decisions on them: sentence translations, entities
// and NLI stances. Offline it says plainly that it needs the network and exits 0 (skipped),
// so it can sit in a checklist. Exit 1 when a model loads but a check fails.
//
//   pnpm verify:models                 # all three stages
//   pnpm verify:models -- translate    # one of: translate, entities, stance
import { createTranslator, DEFAULT_NER_MODEL, DEFAULT_NLI_MODEL, extractEntities, tagStance } from "rassegna";

const HUB = "https://huggingface.co";
const only = new Set(process.argv.slice(2).filter((a) => a !== "--"));
const wanted = (stage) => only.size === 0 || only.has(stage);

async function hubReachable() {
  if (process.env.RASSEGNA_OFFLINE && /^(1|true|yes|on)$/i.test(process.env.RASSEGNA_OFFLINE))
    return "RASSEGNA_OFFLINE is set";
  try {
    const response = await fetch(`${HUB}/api/models/Xenova/opus-mt-it-en`, { signal: AbortSignal.timeout(8000) });
    return response.ok ? undefined : `${HUB} answered ${response.status}`;
  } catch (error) {
    return `${HUB} cannot be reached (${error.cause?.code ?? error.message})`;
  }
}

// Invented sentences; each check names what a faithful model must produce.
const CHECKS = {
  translate: [
    ["Il governo ha approvato la legge di bilancio.", /government/i, /budget/i],
    ["La Cina e la Russia criticano gli Stati Uniti.", /China/, /Russia/, /United States|US|U\.S\./],
    ["Domani il presidente incontrerà il cancelliere tedesco a Roma.", /president/i, /Rome/],
  ],
  entities: [
    [
      "Mario Draghi ha incontrato Emmanuel Macron a Parigi.",
      ["Mario Draghi", "PERSON"],
      ["Emmanuel Macron", "PERSON"],
      ["Paris", "LOCATION"],
    ],
    [
      "Angela Merkel visited the United Nations in New York.",
      ["Angela Merkel", "PERSON"],
      ["United Nations", "ORGANIZATION"],
      ["New York", "LOCATION"],
    ],
  ],
  stance: [
    ["The Italian government strongly condemned Russia's invasion.", "Italy", "Russia", "AGAINST"],
    ["France praised Germany for its generous support.", "France", "Germany", "FAVOR"],
    ["Italy and Spain met in Madrid to discuss the weather.", "Italy", "Spain", "NONE"],
  ],
};

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};

const reason = await hubReachable();
if (reason) {
  console.log(
    `verify:models skipped: it needs network access to the Hugging Face hub to pull the default models, and ${reason}.`,
  );
  console.log('Run it on a machine with network access (see docs/models.md, "Verifying real models").');
  process.exit(0);
}

if (wanted("translate")) {
  const translator = await createTranslator({ from: "it", engine: "transformers" });
  try {
    for (const [source, ...patterns] of CHECKS.translate) {
      const { text } = await translator.translate(source);
      check(
        patterns.every((p) => p.test(text)),
        `translate "${source}" → "${text}"`,
      );
    }
  } finally {
    await translator.close();
  }
}
if (wanted("entities")) {
  for (const [text, ...expected] of CHECKS.entities) {
    const entities = await extractEntities(text, { backend: "transformers", model: DEFAULT_NER_MODEL });
    const got = entities.map((e) => `${e.name}/${e.type}`);
    check(
      expected.every(([name, type]) => got.includes(`${name}/${type}`)),
      `entities "${text}" → ${got.join(", ")}`,
    );
  }
}
if (wanted("stance")) {
  for (const [text, holder, target, stance] of CHECKS.stance) {
    const stances = await tagStance(text, {
      backend: "nli",
      model: DEFAULT_NLI_MODEL,
      holders: [holder],
      targets: [target],
    });
    const got = stances.find((s) => s.holder === holder && s.target === target)?.stance ?? "none";
    check(got === stance, `stance ${holder} → ${target} in "${text}": ${got} (expected ${stance})`);
  }
}
console.log(
  failures.length === 0 ? "verify:models: every check passed." : `verify:models: ${failures.length} check(s) failed.`,
);
process.exit(failures.length === 0 ? 0 : 1);
