/**
 * Validates the actor data (`data/actors/*.json`) and compiles it into a typed, frozen module
 * (`src/generated/actors-data.ts`), as the langdetect data build does.
 *
 *   node scripts/build-actors.mjs            validate and write the module
 *   node scripts/build-actors.mjs --check    validate and fail when the module is stale
 *   node scripts/build-actors.mjs --countries  also refresh data/actors/country-ids.json from
 *                                              @rapideditor/country-coder (a dev dependency)
 *
 * Checks: each file names its source; every actor has a name, a known type and kind, string
 * aliases, a Wikidata id of the form Q<digits> when it has one; no name or alias is claimed
 * by two actors of the data files; `standsFor` names an actor or a country.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = join(root, "data", "actors");
const outFile = join(root, "src", "generated", "actors-data.ts");

const TYPES = new Set(["PERSON", "LOCATION", "ORGANIZATION"]);
const KINDS = new Set(["country", "city", "region", "person", "organization", "institution", "outlet"]);
const QID = /^Q[1-9]\d*$/;

async function refreshCountryIds() {
  const cc = await import("@rapideditor/country-coder");
  const ids = {};
  for (const code of readCountryCodes()) {
    const id = cc.feature(code)?.properties?.wikidata;
    if (id) ids[code] = id;
  }
  for (const code of ["EU"]) ids[code] = cc.feature(code)?.properties?.wikidata;
  const file = {
    source:
      "Wikidata ids of ISO 3166-1 countries and territories (and the EU), as the npm package @rapideditor/country-coder 5.6.1 records them (its `wikidata` feature property); regenerate with `node scripts/build-actors.mjs --countries`.",
    ids,
  };
  writeFileSync(join(dataDir, "country-ids.json"), `${JSON.stringify(file, null, 1)}\n`);
}

/** The ISO codes the gazetteer builds countries from (the REGIONS list of src/actors.ts). */
function readCountryCodes() {
  const source = readFileSync(join(root, "src", "actors.ts"), "utf8");
  const match = /const REGIONS =\s*"([A-Z ]+)"/.exec(source);
  if (!match) throw new Error("build-actors: cannot find the REGIONS list in src/actors.ts");
  return match[1].split(" ");
}

function fail(message) {
  throw new Error(`build-actors: ${message}`);
}

function load() {
  const files = readdirSync(dataDir)
    .filter((f) => f.endsWith(".json") && f !== "country-ids.json" && f !== "wikidata-ids.json")
    .sort();
  const actors = [];
  const claimed = new Map();
  for (const file of files) {
    const data = JSON.parse(readFileSync(join(dataDir, file), "utf8"));
    if (typeof data.source !== "string" || data.source.length < 20)
      fail(`${file}: say where the data comes from ("source")`);
    if (!Array.isArray(data.actors)) fail(`${file}: "actors" must be an array`);
    for (const [i, actor] of data.actors.entries()) {
      const where = `${file} #${i} (${actor?.name})`;
      if (typeof actor.name !== "string" || actor.name.trim() !== actor.name || actor.name === "")
        fail(`${where}: bad name`);
      if (!TYPES.has(actor.type)) fail(`${where}: type must be one of ${[...TYPES].join(", ")}`);
      if (!KINDS.has(actor.kind)) fail(`${where}: kind must be one of ${[...KINDS].join(", ")}`);
      if (
        !Array.isArray(actor.aliases) ||
        actor.aliases.some((a) => typeof a !== "string" || a.trim() !== a || a === "")
      )
        fail(`${where}: aliases must be trimmed strings`);
      if (actor.id !== undefined && !QID.test(actor.id)) fail(`${where}: id must be a Wikidata id (Q<digits>)`);
      if (actor.id !== undefined && typeof actor.idSource !== "string")
        fail(`${where}: say where the id comes from (idSource)`);
      if (/\(/.test(actor.name) && actor.kind === "organization")
        fail(`${where}: a name with a qualifier in brackets is kind "institution" (translation must not write it)`);
      const allowed = new Set(["name", "type", "kind", "aliases", "standsFor", "id", "idSource", "demonyms"]);
      for (const key of Object.keys(actor)) if (!allowed.has(key)) fail(`${where}: unknown field "${key}"`);
      for (const form of [actor.name, ...actor.aliases]) {
        const previous = claimed.get(form);
        if (previous !== undefined) fail(`${where}: "${form}" is already claimed by ${previous}`);
        claimed.set(form, `${file}:${actor.name}`);
      }
      const record = { name: actor.name, type: actor.type, kind: actor.kind, aliases: actor.aliases };
      if (actor.standsFor) record.standsFor = actor.standsFor;
      if (actor.id) record.id = actor.id;
      if (actor.demonyms) record.demonyms = actor.demonyms;
      actors.push(record);
    }
  }
  const countryIds = JSON.parse(readFileSync(join(dataDir, "country-ids.json"), "utf8"));
  if (typeof countryIds.source !== "string") fail("country-ids.json: say where the ids come from");
  for (const [code, id] of Object.entries(countryIds.ids)) {
    if (!/^[A-Z]{2}$/.test(code) || !QID.test(id)) fail(`country-ids.json: bad entry ${code}: ${id}`);
  }
  const named = JSON.parse(readFileSync(join(dataDir, "wikidata-ids.json"), "utf8"));
  if (typeof named.source !== "string" || named.source.length < 20)
    fail("wikidata-ids.json: say where the ids come from");
  const seenIds = new Set(Object.values(countryIds.ids));
  for (const [name, id] of Object.entries(named.ids)) {
    if (!QID.test(id)) fail(`wikidata-ids.json: bad id for ${name}: ${id}`);
    if (seenIds.has(id)) fail(`wikidata-ids.json: ${id} is given twice`);
    seenIds.add(id);
  }
  return { actors, countryIds: countryIds.ids, namedIds: named.ids };
}

function render({ actors, countryIds, namedIds }) {
  return `// Generated by scripts/build-actors.mjs from data/actors/*.json: do not edit by hand.
/* biome-ignore-all format: generated */

/** One actor as the data files give it (see data/actors/README.md). */
export interface ActorData {
  readonly name: string;
  readonly type: "PERSON" | "LOCATION" | "ORGANIZATION";
  readonly kind: "country" | "city" | "region" | "person" | "organization" | "institution" | "outlet";
  readonly aliases: readonly string[];
  readonly standsFor?: string;
  readonly id?: string;
  readonly demonyms?: readonly string[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const ACTOR_DATA: readonly ActorData[] = deepFreeze(${JSON.stringify(actors)} as ActorData[]);

/** Wikidata ids of other actors by canonical name (data/actors/wikidata-ids.json). */
export const NAMED_IDS: Readonly<Record<string, string>> = deepFreeze(${JSON.stringify(namedIds)} as Record<string, string>);

/** Wikidata ids of countries and territories by ISO 3166-1 alpha-2 code (and "EU"). */
export const COUNTRY_IDS: Readonly<Record<string, string>> = deepFreeze(${JSON.stringify(countryIds)} as Record<string, string>);
`;
}

if (process.argv.includes("--countries")) await refreshCountryIds();
const module = render(load());
if (process.argv.includes("--check")) {
  const current = readFileSync(outFile, "utf8");
  if (current !== module) fail(`${outFile} is stale: run \`node packages/core/scripts/build-actors.mjs\``);
} else {
  writeFileSync(outFile, module);
}
