/**
 * Holder → target rules added for the DSE goal ("who blames or endorses whom"): each test
 * is a sentence of our own, in English and, where the rule reads Italian, in Italian.
 */
import type { Stance } from "@rassegna/core";
import { type RulesStanceOptions, tagStance as tagWith } from "@rassegna/stance";
import { describe, expect, it } from "vitest";

/** These tests read the rules themselves: the learned decision is tested in relations.test.ts. */
const tagStance = (text: string, options: RulesStanceOptions = {}) => tagWith(text, { decision: "rules", ...options });

function pair(text: string, holder: string, target: string, language = "en"): Stance | undefined {
  return tagStance(text, { holders: [holder], targets: [target], language }).find(
    (s) => s.holder === holder && s.target === target,
  );
}

const rules = (stance: Stance | undefined) => stance?.evidence.map((e) => e.rule) ?? [];

describe("objects and appositions", () => {
  it("finds the object named in an apposition after a short noun phrase", () => {
    const accused = pair(
      "Ferrante accused the party's former treasurer, Lukas Brandt, of lying.",
      "Ferrante",
      "Lukas Brandt",
    );
    expect(accused).toMatchObject({ stance: "AGAINST" });
    expect(rules(accused)).toContain("subject-verb-object");
    const sued = pair(
      "The Dunmore council filed a lawsuit against the city's largest landlord, Velora Homes, on Monday.",
      "Dunmore",
      "Velora Homes",
    );
    expect(sued?.stance).toBe("AGAINST");
  });

  it("does not take an actor after a clause opener for an apposition", () => {
    const stance = pair(
      "Ferrante accused the treasurer of lying, which Lukas Brandt denied.",
      "Ferrante",
      "Lukas Brandt",
    );
    expect(rules(stance)).not.toContain("subject-verb-object");
  });

  it("stops the object at the next verb of stance", () => {
    const text = "Brandt wrote a column that blames the banks and praises Halvorsen.";
    const stance = pair(text, "Brandt", "Halvorsen");
    expect(stance?.stance).toBe("FAVOR");
    expect(stance?.evidence.map((e) => e.cue)).toEqual(["praises"]);
  });

  it("reads 'the family that supports Y' as a verb after a relative 'that'", () => {
    const stance = pair(
      "It was the Lindqvist family that supports Halvorsen, not the party.",
      "Lindqvist",
      "Halvorsen",
    );
    expect(stance).toMatchObject({ stance: "FAVOR" });
    // "that support" is still a noun: no verb reading, no object.
    const noun = pair("Lindqvist said that support would come later for Halvorsen.", "Lindqvist", "Halvorsen");
    expect(rules(noun)).not.toContain("subject-verb-object");
  });

  it("does not read a place or a time after the verb as its object", () => {
    const english = pair("Okafor's militia attacked a convoy in Velora on Sunday.", "Okafor", "Velora");
    expect(rules(english)).not.toContain("subject-verb-object");
    const italian = pair("La milizia di Okafor ha attaccato un convoglio nella Velora.", "Okafor", "Velora", "it");
    expect(rules(italian)).not.toContain("subject-verb-object");
    expect(rules(pair("Okafor attacked Velora on Sunday.", "Okafor", "Velora"))).toContain("subject-verb-object");
    // "lashed out at Y": "at" right after the verb names the target.
    expect(pair("Okafor lashed out at Velora over the tariffs.", "Okafor", "Velora")?.stance).toBe("AGAINST");
  });

  it("reads a verb cue after 'the <name>' as a noun compound", () => {
    expect(pair("The Velora shooting Okafor witnessed was the deadliest in years.", "Velora", "Okafor")?.stance).toBe(
      "NONE",
    );
  });
});

describe("broader cue verbs", () => {
  it("reads phrasal verbs of attack and rebuke in English", () => {
    expect(pair("Okafor ripped into Brandt during the debate.", "Okafor", "Brandt")?.stance).toBe("AGAINST");
    expect(pair("Senator Okafor moved to defund Velora Radio.", "Okafor", "Velora Radio")?.stance).toBe("AGAINST");
    expect(pair("Okafor credited Brandt with the recovery.", "Okafor", "Brandt")?.stance).toBe("FAVOR");
  });

  it("reads the Italian ones", () => {
    expect(pair("Ferrante si è scagliata contro Brandt in aula.", "Ferrante", "Brandt", "it")?.stance).toBe("AGAINST");
    expect(pair("Ferrante ha stroncato Brandt senza mezzi termini.", "Ferrante", "Brandt", "it")?.stance).toBe(
      "AGAINST",
    );
    expect(pair("Ferrante esalta Brandt come esempio per tutti.", "Ferrante", "Brandt", "it")?.stance).toBe("FAVOR");
  });
});

describe("what a holder calls the target", () => {
  it("reads 'X called Y a …' by the words after Y", () => {
    const called = pair("Okafor called Brandt a dangerous liar on Tuesday.", "Okafor", "Brandt");
    expect(called).toMatchObject({ stance: "AGAINST" });
    expect(rules(called)).toContain("consider-valence");
    expect(called?.evidence[0]?.cue).toBe("called: dangerous liar");
    const italian = pair("Ferrante ha definito Brandt un bugiardo.", "Ferrante", "Brandt", "it");
    expect(italian?.stance).toBe("AGAINST");
  });

  it("does not read a call to someone as a name for them", () => {
    expect(pair("Okafor will call Brandt and a lawyer tomorrow.", "Okafor", "Brandt")?.stance).toBe("NONE");
  });
});

describe("accusations", () => {
  it("reads 'the accusation that Y …' as the holder against Y", () => {
    const stance = pair("Okafor made the accusation that Brandt had hidden the funds.", "Okafor", "Brandt");
    expect(stance).toMatchObject({ stance: "AGAINST" });
    expect(rules(stance)).toContain("holder-noun-target");
  });

  it("gives a demand in reported speech to the one who says it", () => {
    const stance = pair("Ferrante said Okafor should be punished for the leak.", "Ferrante", "Okafor");
    expect(stance).toMatchObject({ stance: "AGAINST" });
    expect(rules(stance)).toContain("passive-reported");
    const italian = pair("Ferrante ha detto che Okafor deve essere punito.", "Ferrante", "Okafor", "it");
    expect(rules(italian)).toContain("passive-reported");
    // A reported fact is not a demand: "X said Y was punished" is not X's stance.
    expect(rules(pair("Ferrante said Okafor was punished last year.", "Ferrante", "Okafor"))).not.toContain(
      "passive-reported",
    );
  });
});

describe("reported speech backoff", () => {
  it("counts accusations said of the target", () => {
    const stance = pair("Okafor said Brandt is a fraud.", "Okafor", "Brandt");
    expect(stance).toMatchObject({ stance: "AGAINST" });
    expect(rules(stance)).toEqual(["reported-valence"]);
  });

  it("skips an apposition after the holder and after the target", () => {
    expect(pair("Okafor, the head of the council, said Brandt had lied.", "Okafor", "Brandt")?.stance).toBe("AGAINST");
    expect(
      pair("Okafor said Brandt, the former treasurer of the club, is a fraud and a cheat.", "Okafor", "Brandt")?.stance,
    ).toBe("AGAINST");
  });

  it("reads a speaker who closes the sentence", () => {
    const stance = pair("Brandt is a liar and a cheat, Okafor said.", "Okafor", "Brandt");
    expect(stance).toMatchObject({ stance: "AGAINST" });
    expect(stance?.evidence[0]?.cue).toMatch(/^said: /);
    expect(pair("Brandt is a liar and a cheat, said Okafor.", "Okafor", "Brandt")?.stance).toBe("AGAINST");
  });
});

describe("according to", () => {
  it("gives what follows 'according to X' and 'secondo X' to X", () => {
    const english = pair("According to Okafor, Brandt has lied to the voters.", "Okafor", "Brandt");
    expect(english).toMatchObject({ stance: "AGAINST" });
    expect(english?.evidence[0]?.cue).toMatch(/^According: /);
    expect(pair("Secondo Ferrante, Brandt è un bugiardo.", "Ferrante", "Brandt", "it")?.stance).toBe("AGAINST");
    // The target is not the one speaking.
    expect(pair("According to Okafor, Brandt has lied to the voters.", "Brandt", "Okafor")?.stance).toBe("NONE");
  });
});

describe("backoffs leave alone what the rules read", () => {
  it("does not read the patient of a passive as against the agent", () => {
    const text = "Velora Motors has been criticised by Senator Okafor for moving jobs abroad.";
    expect(pair(text, "Okafor", "Velora Motors")?.stance).toBe("AGAINST");
    expect(pair(text, "Velora Motors", "Okafor")?.stance).toBe("NONE");
  });

  it("does not count events and misfortune as a stance between two actors", () => {
    expect(
      pair("After Okafor's resignation and a crash, Brandt's election followed.", "Okafor", "Brandt")?.stance,
    ).toBe("NONE");
    expect(pair("Dunmore's long war killed thousands in Velora.", "Dunmore", "Velora")?.stance).toBe("NONE");
    // Nor the process of politics: lobbying, arguing, campaigning.
    expect(
      pair("Okafor has lobbied legislators, including Brandt, to pass the bill.", "Okafor", "Brandt")?.stance,
    ).toBe("NONE");
    // Words of stance between them still count.
    expect(pair("Dunmore's scathing, dishonest letter to Velora.", "Dunmore", "Velora")?.stance).toBe("AGAINST");
  });
});

describe("names", () => {
  it("matches an abbreviation whatever its dots and spaces", () => {
    const text = "U. S. officials sharply criticized Iran on Monday.";
    expect(pair(text, "U.S.", "Iran")?.stance).toBe("AGAINST");
    expect(pair(text, "U. S.", "Iran")?.stance).toBe("AGAINST");
  });

  it("lets a capital asked for by name stand for its country, not a leader", () => {
    expect(pair("Moon condemned North Korea on Tuesday.", "Moon", "Pyongyang")?.stance).toBe("AGAINST");
    // A leader does not stand for every mention of the country.
    expect(pair("Tokyo praised the United States on Tuesday.", "Tokyo", "Trump")?.stance).toBe("NONE");
  });
});

describe("nouns of stance given to someone", () => {
  it("reads 'X offered Y a tepid endorsement' with Y between verb and noun", () => {
    const stance = pair("Senator Okafor offered Brandt a tepid endorsement on Friday.", "Okafor", "Brandt");
    expect(stance).toMatchObject({ stance: "FAVOR" });
    expect(stance?.evidence[0]).toMatchObject({ rule: "holder-noun-target", cue: "endorsement" });
    const italian = pair("Ferrante ha dato a Brandt il suo pieno appoggio.", "Ferrante", "Brandt", "it");
    expect(italian?.stance).toBe("FAVOR");
  });

  it("reads 'support behind Y'", () => {
    expect(pair("Okafor threw her support behind Brandt.", "Okafor", "Brandt")?.stance).toBe("FAVOR");
  });

  it("does not give the noun to an actor that merely stands before it", () => {
    // No verb of giving: "Brandt" is not the recipient of the endorsement.
    expect(pair("Okafor met Brandt after the endorsement was announced.", "Okafor", "Brandt")?.stance).toBe("NONE");
  });
});

describe("Italian reported speech", () => {
  it("reads a speaker who closes the sentence after an auxiliary", () => {
    const stance = pair("Brandt è un bugiardo e un disonesto, ha detto Ferrante.", "Ferrante", "Brandt", "it");
    expect(stance).toMatchObject({ stance: "AGAINST" });
    expect(stance?.evidence[0]?.cue).toMatch(/^detto: /);
  });
});

describe("idioms and negation", () => {
  it("reads idioms of political news in English and Italian", () => {
    expect(pair("Okafor came to the defense of Brandt on Friday.", "Okafor", "Brandt")?.stance).toBe("FAVOR");
    expect(pair("Okafor hit back at Brandt after the vote.", "Okafor", "Brandt")?.stance).toBe("AGAINST");
    expect(pair("Ferrante ha preso di mira Brandt in aula.", "Ferrante", "Brandt", "it")?.stance).toBe("AGAINST");
    expect(pair("Ferrante ha preso le difese di Brandt.", "Ferrante", "Brandt", "it")?.stance).toBe("FAVOR");
  });

  it("reads a refusal before a verb of support as a negation", () => {
    const stance = pair("Okafor's refusal to endorse Brandt surprised the party.", "Okafor", "Brandt");
    expect(stance?.stance).toBe("AGAINST");
    expect(rules(stance)).toContain("subject-verb-object+negation");
  });

  it("does not read a physical act of crime as a stance", () => {
    expect(rules(pair("Okafor shot Brandt outside the bar.", "Okafor", "Brandt"))).not.toContain("subject-verb-object");
  });

  it("keeps a noun-made verb a verb when the cue's stem is the noun", () => {
    // "sanction*" already ends like a noun: "sanctions" after a subject is the verb.
    expect(rules(pair("Dunmore sanctions Velora over the tests.", "Dunmore", "Velora"))).toContain(
      "subject-verb-object",
    );
    // "endors*" matched "endorsement": a noun, read by the noun rules.
    expect(rules(pair("Okafor gave Brandt a warm endorsement.", "Okafor", "Brandt"))).toEqual(["holder-noun-target"]);
  });
});

describe("who acts", () => {
  it("does not give the act of 'X supporters' to X", () => {
    const stances = tagStance("Okafor supporters cheered Brandt at the rally.", {
      holders: ["Okafor"],
      targets: ["Brandt"],
      language: "en",
    });
    expect(stances[0]?.stance).toBe("NONE");
    expect(pair("Okafor cheered Brandt at the rally.", "Okafor", "Brandt")?.stance).toBe("FAVOR");
  });

  it("ends the object where a coordinated verb phrase starts", () => {
    const text = "Okafor praised the reform and attacked Brandt.";
    expect(pair(text, "Okafor", "Brandt")?.stance).toBe("AGAINST");
    const other = pair("Okafor kept supporting the reform and promoting Brandt.", "Okafor", "Brandt");
    expect(rules(other)).not.toContain("subject-verb-object");
  });

  it("does not read an actor after 'to' as the object of a verb that has one", () => {
    const stance = pair("Okafor praised the budget to Velora Radio on Monday.", "Okafor", "Velora Radio");
    expect(rules(stance)).not.toContain("subject-verb-object");
    // "blamed the attack on Y" puts the blame on Y.
    expect(pair("Okafor blamed the attack on Brandt.", "Okafor", "Brandt")?.stance).toBe("AGAINST");
  });
});

describe("verbs whose object holds the stance", () => {
  it("reads 'X angered Y' as Y against X", () => {
    const text = "The Dunmore decision angered Velora.";
    expect(pair(text, "Velora", "Dunmore")).toMatchObject({ stance: "AGAINST" });
    expect(rules(pair(text, "Velora", "Dunmore"))).toEqual(["object-toward-subject"]);
    expect(rules(pair(text, "Dunmore", "Velora"))).not.toContain("object-toward-subject");
    // In the passive the subject holds it.
    expect(pair("Velora was angered by Dunmore.", "Velora", "Dunmore")?.stance).toBe("AGAINST");
  });

  it("reads 'X won the endorsement of Y' and the Italian 'ha ottenuto il sostegno di Y'", () => {
    expect(pair("Okafor won the endorsement of Brandt on Sunday.", "Brandt", "Okafor")?.stance).toBe("FAVOR");
    expect(pair("Okafor ha ottenuto il sostegno di Brandt.", "Brandt", "Okafor", "it")?.stance).toBe("FAVOR");
    expect(pair("Okafor è finito nel mirino di Brandt.", "Brandt", "Okafor", "it")?.stance).toBe("AGAINST");
  });
});

describe("prepositional support", () => {
  it("gives 'in support of Y' to an actor close before it, not to a distant subject", () => {
    expect(pair("Okafor spoke in support of Brandt.", "Okafor", "Brandt")?.stance).toBe("FAVOR");
    const far =
      "Okafor wrote on Monday that the leftist groups were trying to punish a donor for following up a long summer speech at the convention in support of Brandt.";
    expect(rules(pair(far, "Okafor", "Brandt"))).not.toContain("subject-verb-object");
    expect(pair("Ferrante è intervenuta a sostegno di Brandt.", "Ferrante", "Brandt", "it")?.stance).toBe("FAVOR");
  });
});

describe("capitalised words", () => {
  it("does not read a word inside a name as a cue, but keeps headline verbs after an actor", () => {
    const name = "On that line were Okafor, Will Shields, Brandt and others.";
    expect(pair(name, "Okafor", "Brandt")?.stance).toBe("NONE");
    expect(pair("Okafor Slams Brandt Over Budget", "Okafor", "Brandt")?.stance).toBe("AGAINST");
  });
});

describe("hypothetical stances", () => {
  it("reads what someone should or could do as no stance, with the rule shown", () => {
    const should = pair("Dunmore should help Velora rebuild its ports.", "Dunmore", "Velora");
    expect(should?.stance).toBe("NONE");
    expect(rules(should)).toContain("subject-verb-object+hypothetical");
    expect(pair("Dunmore dovrebbe sostenere Velora.", "Dunmore", "Velora", "it")?.stance).toBe("NONE");
    expect(pair("Dunmore helps Velora rebuild its ports.", "Dunmore", "Velora")?.stance).toBe("FAVOR");
    // A refusal stays a stance: "would not support".
    expect(pair("Okafor said he would not support Brandt.", "Okafor", "Brandt")?.stance).toBe("AGAINST");
  });
});

describe("possessors and comparisons", () => {
  it("gives a noun of stance to its possessor, not to an earlier subject", () => {
    const text = "Okafor spoke on Wednesday about the mayor's firing of Brandt.";
    expect(rules(pair(text, "Okafor", "Brandt"))).not.toContain("holder-noun-target");
    expect(pair("Okafor's sharp criticism of Brandt surprised no one.", "Okafor", "Brandt")?.stance).toBe("AGAINST");
  });

  it("does not read 'versus' in a comparison as a stance", () => {
    const text = "Okafor's party polls at 32 percent, versus Brandt's 27 percent.";
    expect(pair(text, "Okafor", "Brandt")?.stance).toBe("NONE");
  });
});
