/** A language tag as an article's hint: the primary subtag, lower case ("it-IT", "it_IT" → "it"). */
export function normalizeLanguage(tag: string | null | undefined): string | undefined {
  const primary = tag?.trim().split(/[-_]/, 1)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) && primary !== "und" && primary !== "mul" ? primary : undefined;
}

/**
 * A date as given (`2026-12-01`, ISO date-times stay as they are); other forms that
 * `Date` reads (RFC 822 of RSS: "Tue, 01 Dec 2026 10:00:00 GMT") become ISO 8601 in UTC;
 * anything else is kept as written.
 */
export function normalizeDate(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return text;
  const time = Date.parse(text);
  return Number.isNaN(time) ? text : new Date(time).toISOString();
}
