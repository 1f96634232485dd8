/**
 * The browser example: language → entities → stance on pasted text, entirely in the page.
 * It imports the packages a browser can run (translation needs Node: Apertium or ONNX
 * models), composed with the same pipeline as on a server. Built by `build.mjs`.
 */
import { entitiesStage } from "@rassegna/entities";
import { languageStage } from "@rassegna/langdetect";
import { createPipeline } from "@rassegna/pipeline";
import { stanceStage } from "@rassegna/stance";

const pipeline = createPipeline({ stages: [languageStage(), entitiesStage(), stanceStage()] });

const $ = (id) => document.getElementById(id);

/** Analyses one text and returns its record (`{ language, entities, stances, errors }`). */
export async function analyse(text, targets = []) {
  return pipeline.run({ id: "pasted", text, ...(targets.length > 0 ? { targets } : {}) });
}

function row(cells, className) {
  const tr = document.createElement("tr");
  for (const cell of cells) {
    const td = document.createElement("td");
    td.textContent = cell;
    tr.append(td);
  }
  if (className) tr.className = className;
  return tr;
}

function show(record) {
  const { language, entities = [], stances = [], errors = [] } = record;
  $("language").textContent = language ? `${language.code} (confidence ${language.confidence.toFixed(2)})` : "";
  $("entities").replaceChildren(
    ...entities.map((entity) => {
      const li = document.createElement("li");
      li.textContent = `${entity.name} · ${entity.type} · ${entity.mentions.length}×`;
      li.dataset.name = entity.name;
      li.dataset.type = entity.type;
      return li;
    }),
  );
  $("stances").replaceChildren(
    ...stances.map((stance) => {
      const quote = stance.evidence?.[0];
      const evidence = quote ? record.text.slice(quote.start, quote.end) : "";
      const tr = row([stance.holder ?? "(the text)", stance.stance, stance.target, evidence], stance.stance);
      tr.dataset.holder = stance.holder ?? "";
      tr.dataset.target = stance.target;
      tr.dataset.stance = stance.stance;
      return tr;
    }),
  );
  return errors;
}

$("analyse").addEventListener("click", async () => {
  const status = $("status");
  status.dataset.state = "busy";
  status.textContent = "Analysing…";
  const started = performance.now();
  try {
    const targets = $("targets")
      .value.split(",")
      .map((target) => target.trim())
      .filter(Boolean);
    const record = await analyse($("text").value, targets);
    const errors = show(record);
    document.body.dataset.record = JSON.stringify(record);
    const took = Math.round(performance.now() - started);
    status.dataset.state = errors.length > 0 ? "error" : "done";
    status.textContent =
      errors.length > 0 ? errors.map((error) => `${error.stage}: ${error.message}`).join("; ") : `Done in ${took} ms.`;
  } catch (error) {
    status.dataset.state = "error";
    status.textContent = String(error);
  }
});
