/**
 * English words of how news treats a person that neither AFINN-165 nor VADER rates: verbs of
 * public censure ("lambasted", "booed"), words of scandal and of standing ("statesman",
 * "front-runner"). Written from general newsroom usage, not drawn from any benchmark; read only
 * for the text's own stance, after AFINN and VADER. Values in [-1, 1] like `valenceOf`.
 */
const WORDS: ReadonlyArray<[words: string, value: number]> = [
  [
    "reprehensible lambasted lambastes berated berates scolded scolds excoriated excoriates pilloried vilified demonized demonised booed heckled sacked misled misleads vindictive vulgar inflammatory polarizing polarising erratic blunder blunders bogus unfounded embezzled embezzlement laundering cover-up coverup",
    -1,
  ],
  ["lauded lauds statesman principled tireless charismatic trailblazing trailblazer front-runner frontrunner", 1],
];

const VALUES = new Map<string, number>();
for (const [words, value] of WORDS) for (const word of words.split(" ")) VALUES.set(word, value);

/** The valence of a folded English word this list rates, else 0. */
export function newsValence(folded: string): number {
  return VALUES.get(folded) ?? 0;
}
