/** One term of the Italian news glossary: the Italian as written, the English, what it is. */
export interface GlossaryTerm {
  it: string;
  en: string;
  kind: "office" | "institution" | "party" | "term";
  /** Words one of which must come just before the term (its sense in context). */
  after?: string[];
}

/** The glossary data (data/it/glossary.json, compiled to glossary-data.ts). */
export interface GlossaryData {
  terms: GlossaryTerm[];
  /** Italian words the analyser does not know → English. */
  lexicon: Record<string, string>;
  /** Spanish words the pivot leaves in the English → English. */
  pivot: Record<string, string>;
  /** Particles that join a name with a hyphen ("al-Sisi"). */
  nameParticles: string[];
}
