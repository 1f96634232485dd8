/**
 * Loaded before every test file: no test may open a connection beyond this machine.
 * `fetch` and raw sockets to anything but loopback throw, so a model loader that tries the
 * Hugging Face hub fails loudly instead of passing on a developer's networked machine.
 */
import net from "node:net";

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/;

export class NetworkBlockedError extends Error {
  constructor(target: string) {
    super(`Tests must not reach the network: blocked a connection to ${target}.`);
    this.name = "NetworkBlockedError";
  }
}

const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  if (url.protocol !== "file:" && !LOOPBACK.test(url.hostname)) throw new NetworkBlockedError(url.href);
  return realFetch(input, init);
}) as typeof fetch;

const realConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
  // net.connect() hands its normalised arguments over as one array.
  const raw = Array.isArray(args[0]) ? args[0][0] : args[0];
  const first = raw as { host?: string; path?: string } | number | string;
  const host =
    typeof first === "object" && first !== null
      ? (first.path ?? first.host ?? "localhost")
      : typeof args[1] === "string"
        ? args[1]
        : "localhost";
  if (!(typeof first === "object" && first?.path) && !LOOPBACK.test(host)) throw new NetworkBlockedError(host);
  return (realConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
