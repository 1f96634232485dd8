import net from "node:net";

import { describe, expect, it } from "vitest";

describe("test setup", () => {
  it("blocks fetch to the internet", async () => {
    await expect(fetch("https://huggingface.co/Xenova/opus-mt-it-en/resolve/main/config.json")).rejects.toThrow(
      /must not reach the network/,
    );
  });
  it("blocks raw sockets to non-loopback hosts", () => {
    expect(() => net.connect(443, "huggingface.co")).toThrow(/must not reach the network/);
  });
});
