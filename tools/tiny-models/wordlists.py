"""Word lists shared by the tiny-model generators (written for these fixtures, not taken from any corpus)."""

from __future__ import annotations

from tinyonnx import words

# Italian word = English words (joined by "_").
GLOSSARY = """
il=the lo=the la=the i=the gli=the le=the un=a uno=a una=a di=of del=of_the della=of_the dei=of_the
delle=of_the a=to al=to_the alla=to_the da=from dal=from_the in=in nel=in_the nella=in_the con=with su=on
sul=on_the per=for tra=between e=and o=or ma=but non=not che=that chi=who come=how dove=where quando=when
perché=why se=if anche=also più=more meno=less molto=very è=is sono=are era=was erano=were ha=has
hanno=have aveva=had sarà=will_be detto=said dice=says governo=government ministro=minister
presidente=president paese=country paesi=countries stati=states uniti=united guerra=war pace=peace
accordo=agreement sanzioni=sanctions contro=against favore=favour politica=policy economia=economy
mercato=market prezzi=prices gas=gas energia=energy commercio=trade dazi=tariffs esercito=army
confine=border crisi=crisis elezioni=elections voto=vote partito=party parlamento=parliament legge=law
riforma=reform giornale=newspaper notizia=news oggi=today ieri=yesterday domani=tomorrow anno=year
anni=years mese=month settimana=week giorno=day città=city capitale=capital leader=leader popolo=people
cittadini=citizens lavoro=work tasse=taxes banca=bank centrale=central sostegno=support critica=criticism
accusa=accuses risposta=answer incontro=meeting vertice=summit alleati=allies nemici=enemies nuovo=new
nuova=new grande=great piccolo=small importante=important forte=strong debole=weak primo=first
ultima=last americano=American americani=Americans cinese=Chinese cinesi=Chinese russo=Russian
russi=Russians italiano=Italian italiani=Italians europeo=European europei=Europeans ucraino=Ukrainian
mondo=world internazionale=international nazionale=national sicurezza=security diritti=rights
libertà=freedom sostiene=supports condanna=condemns minaccia=threatens chiede=asks vuole=wants
Roma=Rome Milano=Milan Pechino=Beijing Mosca=Moscow Washington=Washington Bruxelles=Brussels Kiev=Kyiv
Italia=Italy Cina=China Russia=Russia Europa=Europe Ucraina=Ukraine Francia=France Germania=Germany
Mario=Mario Rossi=Rossi Xi=Xi Jinping=Jinping Putin=Putin Meloni=Meloni Fiat=Fiat Nato=NATO Onu=UN
"""

# Every single character gets a piece, so any text in these scripts tokenises without an unknown token.
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàèéìòùÀÈÉÌÒÙ0123456789"
PUNCT = ".,;:!?'\"()-–—%«»/&"


def capitalise(word: str) -> str:
    return word[0].upper() + word[1:]


def glossary() -> list[tuple[str, list[str]]]:
    """(Italian word, English words) pairs."""
    pairs = []
    for entry in words(GLOSSARY):
        it, en = entry.split("=")
        pairs.append((it, en.split("_")))
    return pairs


def vocabulary_words() -> list[str]:
    """Every Italian and English word of the glossary, once, in order."""
    return list(dict.fromkeys(w for it, en in glossary() for w in (it, *en)))
