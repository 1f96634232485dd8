/** The ES module copy of the VADER lexicon in `vader-sentiment` (read by browser bundles only). */
declare module "vader-sentiment/src/vader_lexicon.js" {
  export const lexicon: Readonly<Record<string, number>>;
}
