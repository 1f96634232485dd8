import type { Analysis, Stage } from "@rassegna/core";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A small deterministic pseudo-random generator, so that "random" delays repeat run to run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A stage that appends its name to `doc.meta.trail`, optionally after a delay. */
export function tracer(name: string, delay?: (doc: Analysis) => number): Stage {
  return {
    name,
    async process(doc) {
      const ms = delay?.(doc) ?? 0;
      if (ms > 0) await sleep(ms);
      doc.meta ??= {};
      const trail = (doc.meta.trail as string[] | undefined) ?? [];
      trail.push(name);
      doc.meta.trail = trail;
    },
  };
}

export function articles(n: number, prefix = "a"): Array<{ id: string; text: string }> {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, text: `Article number ${i} says something.` }));
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** A source that counts how many items were pulled from it and whether it was returned. */
export function countingSource(limit = Number.POSITIVE_INFINITY) {
  const state = { pulled: 0, returned: false };
  function* generate() {
    try {
      for (let i = 0; i < limit; i++) {
        state.pulled++;
        yield { id: `c${i}`, text: `Counted article ${i}.` };
      }
    } finally {
      state.returned = true;
    }
  }
  return { state, source: generate() };
}
