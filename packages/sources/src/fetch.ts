import { checkOptions, type ErrorCode, FETCHER_OPTIONS, RassegnaError } from "@rassegna/core";

import { decodeBytes } from "./charset.js";
import { SOURCE_STAGE } from "./types.js";

/** Options of {@link createFetcher}. */
export interface FetcherOptions {
  /** Longest wait for one request, headers and body together (default 15 s). */
  timeoutMs?: number;
  /** Further tries after a timeout, a network failure, a 5xx or a 429 (default 2). */
  retries?: number;
  /** Wait before the first retry, doubled for each next one (default 500 ms). */
  backoffMs?: number;
  /** Requests open at once to one host (default 2). */
  perHost?: number;
  /** The User-Agent header. */
  userAgent?: string;
  /** Largest body accepted, in bytes after decompression (default 5 MiB). */
  maxBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** Cancels every request. */
  signal?: AbortSignal;
}

/** A downloaded page or feed. */
export interface Fetched {
  /** The address asked for. */
  url: string;
  /** The address the content came from, after redirects. */
  finalUrl: string;
  status: number;
  contentType: string;
  text: string;
  /** The character set that decoded the body. */
  charset: string;
}

/** Downloads pages and feeds politely: timeouts, retries, per-host bound, byte and redirect limits. */
export interface Fetcher {
  get(url: string): Promise<Fetched>;
}

export const DEFAULT_USER_AGENT = "rassegna/0.1 (news analysis; +https://www.npmjs.com/package/rassegna)";

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A download that failed: what, why, what to do; `retry` when trying again may help. */
export class FetchError extends RassegnaError {
  readonly url: string;
  readonly retry: boolean;
  constructor(code: ErrorCode, url: string, message: string, hint: string, retry = false) {
    super(code, `Cannot download ${url}: ${message}.`, { stage: SOURCE_STAGE, hint });
    this.name = "FetchError";
    this.url = url;
    this.retry = retry;
  }
}

/** Bounds the requests open at once to each host. */
class HostSlots {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  constructor(private readonly limit: number) {}

  async acquire(host: string): Promise<void> {
    const open = this.active.get(host) ?? 0;
    if (open < this.limit) {
      this.active.set(host, open + 1);
      return;
    }
    await new Promise<void>((resolve) => {
      const queue = this.waiting.get(host) ?? [];
      queue.push(resolve);
      this.waiting.set(host, queue);
    });
  }

  release(host: string): void {
    const next = this.waiting.get(host)?.shift();
    if (next) next();
    else this.active.set(host, (this.active.get(host) ?? 1) - 1);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The body, up to `maxBytes`; a longer body is a LIMIT_EXCEEDED error. */
async function readBody(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  const tooBig = () =>
    new FetchError(
      "LIMIT_EXCEEDED",
      url,
      `the body is larger than the limit of ${maxBytes} bytes`,
      "Raise the byte limit (maxBytes) if this page is really an article.",
    );
  if (Number.isFinite(declared) && declared > maxBytes && !response.headers.get("content-encoding")) throw tooBig();
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooBig();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  if (code === "ECONNREFUSED") return "the connection was refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "the host name could not be resolved";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || /terminated|closed/i.test(String((error as Error).message)))
    return "the connection closed before the whole body came (truncated)";
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * A fetcher on Node's own `fetch` (undici): each request has a timeout (headers and body),
 * failures that may pass (timeouts, network errors, 5xx, 429) are retried with doubling
 * back-off, at most `perHost` requests are open to one host, bodies over `maxBytes` are cut
 * off, redirects are followed up to `maxRedirects` (a loop is named as such), gzip/deflate/br
 * are decompressed, and the body is decoded by its declared or sniffed character set.
 * Failures throw a {@link FetchError} with a stable code (TIMEOUT, LIMIT_EXCEEDED,
 * INVALID_INPUT for 4xx and bad addresses, STAGE_FAILED for the rest).
 */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  checkOptions(FETCHER_OPTIONS, options, "createFetcher");
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 500;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const slots = new HostSlots(Math.max(1, options.perHost ?? 2));

  /** One request, no redirects followed. */
  async function once(url: URL): Promise<{ response: Response; bytes: Uint8Array }> {
    await slots.acquire(url.host);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const onAbort = () => controller.abort();
    options.signal?.addEventListener("abort", onAbort);
    try {
      const response = await globalThis.fetch(url, {
        redirect: "manual",
        signal: controller.signal,
        headers: {
          "user-agent": userAgent,
          accept:
            "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8",
          "accept-encoding": "gzip, deflate, br",
        },
      });
      if (REDIRECTS.has(response.status) || response.status >= 400) {
        await response.body?.cancel().catch(() => {});
        return { response, bytes: new Uint8Array() };
      }
      return { response, bytes: await readBody(response, url.href, maxBytes) };
    } catch (error) {
      if (error instanceof FetchError) throw error;
      if (options.signal?.aborted) {
        throw new RassegnaError("ABORTED", `Download of ${url.href} was cancelled.`, { stage: SOURCE_STAGE });
      }
      if (controller.signal.aborted) {
        throw new FetchError(
          "TIMEOUT",
          url.href,
          `no complete answer within ${timeoutMs} ms`,
          "The site is slow or down: try again later, or raise the timeout.",
          true,
        );
      }
      throw new FetchError(
        "STAGE_FAILED",
        url.href,
        describeFailure(error),
        "Check the address and the network; it was tried again before giving up.",
        true,
      );
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      slots.release(url.host);
    }
  }

  /** One address, following redirects. */
  async function follow(address: string): Promise<Fetched> {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      throw new FetchError("INVALID_INPUT", address, "it is not a web address", "Give a full http(s):// address.");
    }
    const seen = new Set<string>();
    for (let hop = 0; ; hop++) {
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new FetchError(
          "INVALID_INPUT",
          url.href,
          `${url.protocol} is not http or https`,
          "Give an http(s):// address.",
        );
      }
      seen.add(url.href);
      const { response, bytes } = await once(url);
      if (REDIRECTS.has(response.status)) {
        const location = response.headers.get("location");
        if (!location) {
          throw new FetchError(
            "STAGE_FAILED",
            url.href,
            `a ${response.status} redirect without a Location`,
            "The site is misconfigured.",
          );
        }
        const next = new URL(location, url);
        if (seen.has(next.href) || hop + 1 > maxRedirects) {
          throw new FetchError(
            "LIMIT_EXCEEDED",
            address,
            seen.has(next.href)
              ? `the redirects go round in a loop (${url.href} → ${next.href})`
              : `more than ${maxRedirects} redirects`,
            "Open the address in a browser to see where it really leads, and give that address.",
          );
        }
        url = next;
        continue;
      }
      if (response.status >= 400) {
        const server = response.status >= 500 || response.status === 429;
        throw new FetchError(
          server ? "STAGE_FAILED" : "INVALID_INPUT",
          url.href,
          `the server answered ${response.status} ${response.statusText}`.trim(),
          server ? "The site has trouble: it was tried again; try later." : "Check the address.",
          server,
        );
      }
      const contentType = response.headers.get("content-type") ?? "";
      const { text, charset } = decodeBytes(bytes, contentType);
      return { url: address, finalUrl: url.href, status: response.status, contentType, text, charset };
    }
  }

  return {
    async get(url: string): Promise<Fetched> {
      for (let attempt = 0; ; attempt++) {
        try {
          return await follow(url);
        } catch (error) {
          const retry = error instanceof FetchError && error.retry && attempt < retries && !options.signal?.aborted;
          if (!retry) throw error;
          await sleep(backoffMs * 2 ** attempt, options.signal);
        }
      }
    },
  };
}
