import { actorByName, listActors, lookupActor, lookupDemonym } from "./actors.js";
import { RassegnaError } from "./errors.js";
import {
  DEFAULT_COUNTRY,
  OFFICE_ROLES,
  OFFICES,
  type OfficeData,
  type OfficeRole,
  ROLE_GRAMMAR,
  ROLE_NOUNS,
  type RoleGrammarData,
  type RoleNounData,
} from "./generated/offices-data.js";

export type { OfficeRole } from "./generated/offices-data.js";

/** One office ("head-of-government:IT") and who held it when (data/actors/offices.json). */
export type Office = OfficeData;

/** What a role noun or title names ("premier", "the French president"). */
export type RoleNoun = RoleNounData;

/** How a language writes a role noun: determiners before it, words joining a country, words that make it another office. */
export type RoleGrammar = RoleGrammarData;

/** The holder of an office on a date, as {@link resolveOffice} gives it. */
export interface OfficeHolder {
  /** Canonical English name of the holder (an actor of the gazetteer). */
  name: string;
  /** The office ("head-of-state:US"). */
  office: string;
  role: OfficeRole;
  /** Canonical name of the country or body whose office it is. */
  country: string;
  /** ISO date the holder took office. */
  start: string;
  /** ISO date the holder left office; absent while in office as far as the data knows. */
  end?: string;
  /** Wikidata id of the holder, where the gazetteer has one. */
  id?: string;
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})/;

function isoDay(date: string | Date | undefined, what: string): string {
  if (date === undefined) return new Date().toISOString().slice(0, 10);
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime()))
      throw new RassegnaError("INVALID_INPUT", `${what}: the date is not a valid Date.`, {
        hint: "Pass an ISO date (YYYY-MM-DD) or a valid Date.",
      });
    return date.toISOString().slice(0, 10);
  }
  const day = ISO_DATE.exec(date)?.[1];
  if (!day || Number.isNaN(Date.parse(day)))
    throw new RassegnaError("INVALID_INPUT", `${what}: ${JSON.stringify(date)} is not an ISO date.`, {
      hint: 'Pass the article date as "YYYY-MM-DD" (a full ISO timestamp is read by its day).',
    });
  return day;
}

/** The canonical name of a country or body given by name, alias, demonym or ISO code ("Usa", "americano", "US"). */
function canonicalCountry(country: string): string | undefined {
  const trimmed = country.trim();
  const byCode = /^[A-Z]{2}$/.test(trimmed) ? listActors().find((a) => a.code === trimmed) : undefined;
  const actor = byCode ?? lookupActor(trimmed) ?? actorByName(trimmed) ?? lookupDemonym(trimmed);
  if (!actor) return undefined;
  // A capital or palace stands for its country ("Washington", "Cremlino").
  if (actor.kind !== "country" && actor.standsFor && !OFFICES.some((o) => o.country === actor.name))
    return actor.standsFor;
  return actor.name;
}

/** Every office of the data. */
export function listOffices(): readonly Office[] {
  return OFFICES;
}

/** The kinds of office the data knows ("head-of-state", "head-of-government", …). */
export function officeRoles(): readonly OfficeRole[] {
  return OFFICE_ROLES;
}

type Term = OfficeData["holders"][number];

/** Whether a term covers a day (end exclusive: the successor holds the office that day). */
function covers(term: Term, day: string): boolean {
  return term.start <= day && (term.end === undefined || day < term.end);
}

/** One term of an office as the holder record the API gives. */
function termHolder(office: OfficeData, term: Term): OfficeHolder {
  const holder: OfficeHolder = {
    name: term.name,
    office: office.id,
    role: office.role,
    country: office.country,
    start: term.start,
  };
  if (term.end) holder.end = term.end;
  return holder;
}

function holderOf(office: OfficeData, day: string): OfficeHolder | undefined {
  for (const term of office.holders) {
    if (covers(term, day)) {
      const holder = termHolder(office, term);
      const id = actorByName(term.name)?.id;
      if (id) holder.id = id;
      return holder;
    }
  }
  return undefined;
}

/**
 * Who held an office on a date: `resolveOffice("head-of-government", "Italy", "2026-10-16")` →
 * Giorgia Meloni. `country` is a country or body by name, alias, demonym or ISO code; `date`
 * an ISO date (default today). `undefined` when the data knows no holder for that day. A
 * holder without an end date is taken to be in office on any later day: the data was written
 * in 2025 and knows no later change.
 */
export function resolveOffice(role: OfficeRole, country: string, date?: string | Date): OfficeHolder | undefined {
  if (!OFFICE_ROLES.includes(role))
    throw new RassegnaError("INVALID_INPUT", `resolveOffice: unknown role ${JSON.stringify(role)}.`, {
      hint: `Use one of: ${OFFICE_ROLES.join(", ")}.`,
    });
  const day = isoDay(date, "resolveOffice");
  const name = canonicalCountry(country);
  if (name === undefined) return undefined;
  const office = OFFICES.find((o) => o.role === role && o.country === name);
  return office ? holderOf(office, day) : undefined;
}

/**
 * The offices a person held (on `date` when given, else ever): how an article's named person
 * can be the antecedent of a role noun ("Meloni … la premier").
 */
export function officesOf(person: string, date?: string | Date): OfficeHolder[] {
  const day = date === undefined ? undefined : isoDay(date, "officesOf");
  const out: OfficeHolder[] = [];
  for (const office of OFFICES) {
    for (const term of office.holders) {
      if (term.name !== person) continue;
      if (day !== undefined && !covers(term, day)) continue;
      out.push(termHolder(office, term));
    }
  }
  return out;
}

/** Role nouns of a language ("it", "en"), lower case, longest first. */
export function roleNouns(language: string): ReadonlyArray<readonly [noun: string, role: RoleNoun]> {
  const nouns = ROLE_NOUNS[language.toLowerCase().split(/[-_]/)[0] ?? ""] ?? {};
  return Object.entries(nouns).sort(([a], [b]) => b.length - a.length);
}

/** Whose office an unqualified role noun means in a language's news ("it" → "Italy"), if any. */
export function defaultOfficeCountry(language: string): string | undefined {
  return DEFAULT_COUNTRY[language.toLowerCase().split(/[-_]/)[0] ?? ""];
}

/** How a language writes role nouns ("il", "del", "regionale"), or `undefined` when the data has no role nouns for it. */
export function roleGrammar(language: string): RoleGrammar | undefined {
  return ROLE_GRAMMAR[language.toLowerCase().split(/[-_]/)[0] ?? ""];
}
