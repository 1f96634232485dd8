import { type Analysis, describeValue, type StageError } from "@rassegna/core";

/** What a stage may not change of a record: the `errors` array and the id. */
export interface RecordGuard {
  errors: StageError[];
  id: string;
}

/**
 * After a stage: a stage may only add to the record. One that replaced `errors` with
 * something else than an array, or changed the id, broke the contract: the record gets
 * its own back and a `STAGE_FAILED` error that says so (returns how many it added).
 */
export function checkContract(doc: Analysis, guard: RecordGuard, stage: string): number {
  let broken = 0;
  if (Array.isArray(doc.errors)) {
    guard.errors = doc.errors;
  } else {
    const got = describeValue(doc.errors);
    doc.errors = guard.errors;
    broken += violation(doc, stage, `set the record's errors to ${got}; a stage may only push to errors.`);
  }
  if (doc.id !== guard.id) {
    const got = describeValue(doc.id);
    doc.id = guard.id;
    broken += violation(doc, stage, `changed the record's id to ${got}; the id is the input's.`);
  }
  return broken;
}

function violation(doc: Analysis, stage: string, what: string): number {
  doc.errors.push({
    stage,
    code: "STAGE_FAILED",
    message: `Stage "${stage}" broke the record's contract: it ${what} The record was put back and the run goes on.`,
  });
  return 1;
}

/** More stances than a record may carry: the first `maxStances` stay, and the record says so. */
export function capStances(doc: Analysis, maxStances: number): void {
  const stances = doc.stances;
  if (!Array.isArray(stances) || stances.length <= maxStances) return;
  doc.stances = stances.slice(0, maxStances);
  doc.errors.push({
    stage: "pipeline",
    code: "LIMIT_EXCEEDED",
    message: `The stages found ${stances.length} stances, over the limit of ${maxStances} per record: the first ${maxStances} are kept. Ask fewer holders × targets, or raise maxStances.`,
  });
}
