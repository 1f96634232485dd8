import { RassegnaError } from "@rassegna/core";
import { detectLanguage, SAMPLE_LENGTH, toIso6391, toIso6393 } from "@rassegna/langdetect";
import { describe, expect, it } from "vitest";

// Sentences written for these tests (not from any corpus).
const SENTENCES: Record<string, string> = {
  it: "Il consiglio comunale ha approvato ieri sera il nuovo piano per il traffico del centro storico.",
  en: "The city council approved the new traffic plan for the old town late yesterday evening.",
  de: "Der Stadtrat hat gestern Abend den neuen Verkehrsplan für die Altstadt beschlossen.",
  fr: "Le conseil municipal a approuvé hier soir le nouveau plan de circulation du centre-ville.",
  es: "El ayuntamiento aprobó anoche el nuevo plan de tráfico para el casco antiguo de la ciudad.",
  pt: "A câmara municipal aprovou ontem à noite o novo plano de trânsito para o centro histórico.",
  ca: "L'ajuntament va aprovar ahir a la nit el nou pla de trànsit per al centre històric de la ciutat.",
  nl: "De gemeenteraad heeft gisteravond het nieuwe verkeersplan voor de binnenstad goedgekeurd.",
  pl: "Rada miasta zatwierdziła wczoraj wieczorem nowy plan ruchu dla starego miasta.",
  cs: "Městské zastupitelstvo včera večer schválilo nový dopravní plán pro historické centrum.",
  sk: "Mestské zastupiteľstvo včera večer schválilo nový dopravný plán pre historické centrum mesta.",
  sv: "Kommunfullmäktige godkände i går kväll den nya trafikplanen för gamla stan.",
  da: "Byrådet godkendte i går aftes den nye trafikplan for den gamle bydel.",
  ru: "Вчера вечером городской совет утвердил новый план движения для исторического центра.",
  uk: "Учора ввечері міська рада затвердила новий план руху для історичного центру міста.",
  bg: "Снощи общинският съвет одобри новия план за движението в историческия център на града.",
  el: "Το δημοτικό συμβούλιο ενέκρινε χθες το βράδυ το νέο κυκλοφοριακό σχέδιο για το ιστορικό κέντρο.",
  he: "מועצת העיר אישרה אתמול בערב את תוכנית התנועה החדשה למרכז העיר ההיסטורי.",
  ar: "وافق المجلس البلدي مساء أمس على الخطة الجديدة لحركة المرور في وسط المدينة التاريخي.",
  fa: "شورای شهر دیشب طرح جدید ترافیک را برای مرکز تاریخی شهر تصویب کرد.",
  hi: "नगर परिषद ने कल शाम पुराने शहर के लिए नई यातायात योजना को मंजूरी दी।",
  zh: "市议会昨晚批准了老城区新的交通计划。",
  ja: "市議会は昨夜、旧市街の新しい交通計画を承認しました。",
  ko: "시의회는 어젯밤 구시가지의 새로운 교통 계획을 승인했습니다.",
  tr: "Belediye meclisi dün akşam tarihi merkez için yeni trafik planını onayladı.",
  hu: "A városi közgyűlés tegnap este jóváhagyta az óváros új közlekedési tervét.",
  fi: "Kaupunginvaltuusto hyväksyi eilen illalla vanhan kaupungin uuden liikennesuunnitelman.",
  ro: "Consiliul local a aprobat aseară noul plan de trafic pentru centrul istoric al orașului.",
  vi: "Hội đồng thành phố đã phê duyệt kế hoạch giao thông mới cho khu phố cổ vào tối qua.",
  id: "Dewan kota kemarin malam menyetujui rencana lalu lintas baru untuk kawasan kota tua.",
};

const SCRIPTS: Record<string, string> = {
  ru: "Cyrl",
  uk: "Cyrl",
  bg: "Cyrl",
  el: "Grek",
  he: "Hebr",
  ar: "Arab",
  fa: "Arab",
  hi: "Deva",
  zh: "Hani",
  ja: "Jpan",
  ko: "Hang",
};

describe("detectLanguage", () => {
  for (const [code, sentence] of Object.entries(SENTENCES)) {
    it(`tells ${code} with its script`, () => {
      const guess = detectLanguage(sentence);
      expect(guess.code).toBe(code);
      expect(guess.iso6393).toBe(toIso6393(code));
      expect(guess.script).toBe(SCRIPTS[code] ?? "Latn");
      expect(guess.confidence).toBeGreaterThan(0.5);
      expect(guess.confidence).toBeLessThanOrEqual(1);
      expect(guess.reliable).toBe(true);
    });
  }

  it("keeps close relatives apart on short texts", () => {
    expect(detectLanguage("Não sei o que você quer dizer com isso.").code).toBe("pt");
    expect(detectLanguage("No sé qué quieres decir con eso.").code).toBe("es");
    expect(detectLanguage("No sé què vols dir amb això.").code).toBe("ca");
    expect(detectLanguage("Jeg ved ikke, hvad du mener med det.").code).toBe("da");
    expect(detectLanguage("Jag vet inte vad du menar med det.").code).toBe("sv");
    expect(detectLanguage("Nevím, co tím myslíš.").code).toBe("cs");
    expect(detectLanguage("Neviem, čo tým myslíš.").code).toBe("sk");
    expect(detectLanguage("Я не знаю, что ты имеешь в виду.").code).toBe("ru");
    expect(detectLanguage("Я не знаю, що ти маєш на увазі.").code).toBe("uk");
    expect(detectLanguage("Не знам какво имаш предвид.").code).toBe("bg");
  });

  // Scripts and letters outside our word lists go to franc, underneath.
  it.each([
    ["ka", "Geor", "საქართველოს დედაქალაქი თბილისია და ის ძალიან ლამაზი ქალაქია."],
    ["hy", "Armn", "Հայաստանի մայրաքաղաքը Երևանն է, որը շատ հին քաղաք է։"],
    ["be", "Cyrl", "Беларусь — гэта краіна ў Усходняй Еўропе, сталіца якой Мінск."],
    ["ur", "Arab", "پاکستان کا دارالحکومت اسلام آباد ہے اور یہ ایک خوبصورت شہر ہے۔"],
    ["hr", "Latn", "Glavni grad Hrvatske je Zagreb, koji je poznat po svojoj povijesnoj jezgri."],
  ])("tells %s (%s) through franc", (code, script, text) => {
    const guess = detectLanguage(text);
    expect(guess.code).toBe(code);
    expect(guess.script).toBe(script);
  });

  it("answers single words, less sure than for sentences", () => {
    const word = detectLanguage("perché");
    expect(word.code).toBe("it");
    expect(detectLanguage("Straßenbahn").code).toBe("de");
    expect(detectLanguage("żółw").code).toBe("pl");
    const sentence = detectLanguage(SENTENCES.it as string);
    expect(word.confidence).toBeLessThanOrEqual(sentence.confidence);
  });

  it("gives ranked alternatives with confidences that add up to at most 1", () => {
    const guess = detectLanguage("casa");
    expect(guess.reliable).toBe(false);
    expect(guess.alternatives.length).toBeGreaterThan(0);
    let sum = guess.confidence;
    let previous = guess.confidence;
    for (const alternative of guess.alternatives) {
      expect(alternative.confidence).toBeLessThanOrEqual(previous);
      expect(alternative.code).not.toBe(guess.code);
      previous = alternative.confidence;
      sum += alternative.confidence;
    }
    expect(sum).toBeLessThanOrEqual(1.001);
  });

  it.each(["", "   \n\t ", "12345 678", "🙂🎉👍", "!!! ??? ...", "2024-05-01 12:30"])("answers und for %j", (text) => {
    const guess = detectLanguage(text);
    expect(guess).toMatchObject({ code: "und", iso6393: "und", reliable: false, confidence: 0 });
  });

  it("honours minLength", () => {
    expect(detectLanguage("ciao", { minLength: 5 }).code).toBe("und");
    expect(detectLanguage("ciao ciao", { minLength: 5 }).code).not.toBe("und");
  });

  it.each([42, null, undefined, { text: "ciao" }, ["ciao"], new Uint8Array([99, 105, 97, 111])])(
    "rejects %o as INVALID_INPUT",
    (value) => {
      try {
        detectLanguage(value as unknown as string);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(RassegnaError);
        expect((error as RassegnaError).code).toBe("INVALID_INPUT");
      }
    },
  );

  it("restricts answers with only and ignore, in either code form", () => {
    const catalan = SENTENCES.ca as string;
    expect(["es", "pt"]).toContain(detectLanguage(catalan, { only: ["es", "por"] }).code);
    const italian = SENTENCES.it as string;
    expect(detectLanguage(italian, { ignore: ["ita"] }).code).not.toBe("it");
    expect(detectLanguage(italian, { ignore: ["it"] }).code).not.toBe("it");
    // Only languages of another script: nothing to choose from.
    expect(detectLanguage(italian, { only: ["ru", "uk"] }).code).toBe("und");
    expect(detectLanguage(SENTENCES.ko as string, { ignore: ["ko"] }).code).not.toBe("ko");
  });

  it("rejects codes that are not language codes in only/ignore", () => {
    expect(() => detectLanguage("ciao", { only: ["italian"] })).toThrow(/not an ISO 639-1 or 639-3 code/);
  });

  it("judges a huge text on a bounded sample of its beginning", () => {
    const head = `${SENTENCES.it} `.repeat(Math.ceil(SAMPLE_LENGTH / 90));
    const tail = `${SENTENCES.en} `.repeat(Math.ceil((5 * 1024 * 1024) / 90));
    const huge = head + tail;
    expect(huge.length).toBeGreaterThan(5_000_000);
    const guess = detectLanguage(huge);
    // Identical to the answer on the sample alone: nothing past it was read.
    expect(guess).toEqual(detectLanguage(head.slice(0, SAMPLE_LENGTH + 200)));
    expect(guess.code).toBe("it");
  });
});

describe("language codes", () => {
  it("maps ISO 639-3 to 639-1 where one exists, macrolanguage members included", () => {
    expect(toIso6391("ita")).toBe("it");
    expect(toIso6391("eng")).toBe("en");
    expect(toIso6391("cmn")).toBe("zh");
    expect(toIso6391("arb")).toBe("ar");
    expect(toIso6391("pes")).toBe("fa");
    expect(toIso6391("nob")).toBe("nb");
    expect(toIso6391("haw")).toBe("haw");
    expect(toIso6391("und")).toBe("und");
  });

  it("maps 639-1 (and 639-3) to 639-3", () => {
    expect(toIso6393("it")).toBe("ita");
    expect(toIso6393("EN")).toBe("eng");
    expect(toIso6393("zh")).toBe("cmn");
    expect(toIso6393("ar")).toBe("arb");
    expect(toIso6393("uk")).toBe("ukr");
    expect(toIso6393("ita")).toBe("ita");
    expect(toIso6393("xx")).toBeUndefined();
    expect(toIso6393("italian")).toBeUndefined();
  });

  it("round-trips every 639-1 code the detector can answer", () => {
    for (const code of Object.keys(SENTENCES)) expect(toIso6391(toIso6393(code) as string)).toBe(code);
  });
});

describe("the language → script table", () => {
  it("gives every language of the model the script the model was built in", async () => {
    const { loadModel } = await import("../src/model.js");
    const { scriptOfLanguage } = await import("../src/scripts.js");
    const model = loadModel();
    expect(model.codes.length).toBeGreaterThan(40);
    model.codes.forEach((code, i) => {
      expect([code, scriptOfLanguage(code)]).toEqual([code, model.scripts[i]]);
    });
    expect(scriptOfLanguage("qqq")).toBe("Zyyy");
  });
});
