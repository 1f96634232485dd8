import { applyModelSettings, modelUnavailable, resolveModelSettings } from "@rassegna/core";
import { describe, expect, it } from "vitest";

describe("resolveModelSettings", () => {
  it("reads the environment when no option is given", () => {
    const settings = resolveModelSettings(
      {},
      { RASSEGNA_CACHE_DIR: "/c", RASSEGNA_OFFLINE: "1", RASSEGNA_MODEL_PATH: "/m", HOME: "/h" },
    );
    expect(settings).toEqual({ cacheDir: "/c", offline: true, localModelPath: "/m" });
  });
  it("lets options win over the environment", () => {
    const settings = resolveModelSettings(
      { cacheDir: "/o", offline: false, localModelPath: "/l" },
      { RASSEGNA_CACHE_DIR: "/c", RASSEGNA_OFFLINE: "true", RASSEGNA_MODEL_PATH: "/m" },
    );
    expect(settings).toEqual({ cacheDir: "/o", offline: false, localModelPath: "/l" });
  });
  it("defaults to a cache under XDG_CACHE_HOME, online, no local path", () => {
    const settings = resolveModelSettings({}, { XDG_CACHE_HOME: "/x", RASSEGNA_OFFLINE: "0" });
    expect(settings).toEqual({ cacheDir: "/x/rassegna/models", offline: false, localModelPath: undefined });
  });
});

describe("applyModelSettings", () => {
  it("drives the transformers.js env", () => {
    const env = {
      cacheDir: null as string | null,
      localModelPath: "/models/",
      allowRemoteModels: true,
      allowLocalModels: false,
    };
    applyModelSettings(env, { cacheDir: "/c", offline: true, localModelPath: "/m" });
    expect(env).toEqual({ cacheDir: "/c", localModelPath: "/m/", allowRemoteModels: false, allowLocalModels: true });
  });
  it("reads cached models offline through the cache folder when no local path is set", () => {
    const env = {
      cacheDir: null as string | null,
      localModelPath: "/models/",
      allowRemoteModels: true,
      allowLocalModels: false,
    };
    applyModelSettings(env, { cacheDir: "/c", offline: true, localModelPath: undefined });
    expect(env).toEqual({ cacheDir: "/c", localModelPath: "/c/", allowRemoteModels: false, allowLocalModels: true });
  });
});

describe("modelUnavailable", () => {
  it("names the model, every place searched and the fix", () => {
    const error = modelUnavailable(
      "Xenova/opus-mt-it-en",
      { cacheDir: "/c", offline: true, localModelPath: "/m" },
      "translate",
    );
    expect(error.code).toBe("MODEL_UNAVAILABLE");
    // transformers.js looks in its cache first, then in the local model folder.
    expect(error.searched).toEqual(["/c/Xenova/opus-mt-it-en", "/m/Xenova/opus-mt-it-en"]);
    expect(error.message).toContain("Xenova/opus-mt-it-en");
    expect(error.message).toContain("/c/Xenova/opus-mt-it-en");
    expect(error.message).toContain("rassegna models pull Xenova/opus-mt-it-en");
    expect(error.message).toContain("RASSEGNA_OFFLINE");
  });
  it("says a model with no copy on disk is missing rather than quoting the loader", () => {
    const error = modelUnavailable(
      "a/b",
      { cacheDir: "/nonexistent/cache", offline: true, localModelPath: undefined },
      "x",
      new TypeError("Cannot read properties of undefined (reading 'tokenizer_class')"),
    );
    expect(error.message).toContain("(no copy on disk)");
    expect(error.message).not.toContain("tokenizer_class");
  });
  it("lists the hub as a place when online", () => {
    const error = modelUnavailable("a/b", { cacheDir: "/c", offline: false, localModelPath: undefined }, "x");
    expect(error.searched.at(-1)).toMatch(/huggingface\.co\/a\/b/);
  });
});
