import { GLOSSARY_DATA } from "./glossary-data.js";

/**
 * Italian news words the Apertium Italian→Spanish dictionary lacks, with their English (the
 * \`lexicon\` of data/it/glossary.json, where its sources are). Used only for words the source
 * analyser marks unknown (what Apertium knows it translates itself), so a word here never
 * overrides Apertium.
 */
export const NEWS_LEXICON: ReadonlyMap<string, string> = new Map(Object.entries(GLOSSARY_DATA.lexicon));
