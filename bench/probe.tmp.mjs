import three from "compromise";
import two from "compromise/two";
import one from "compromise/one";
import {readFileSync} from "node:fs";
const lines = readFileSync("/work/shared/bench-data/ner/en-conll2003/eng.testa","utf8").split("\n");
let sents=[],cur=[];let ntok=0;
for (const l of lines){ if(!l.trim()){ if(cur.length) sents.push(cur.join(" ")); cur=[]; continue;} const w=l.split(" ")[0]; if(w==="-DOCSTART-") continue; cur.push(w); ntok++;}
const text = sents.join("\n");
for (const [name,nlp] of [["one",one],["two",two],["three",three],["three",three]]) {
let t0=performance.now();
for (let i=0;i<sents.length;i+=50){ const d2=nlp(sents.slice(i,i+50).join("\n")); d2.compute("offset"); }
console.log(name, "tok/s", ntok/((performance.now()-t0)/1000));
}
let t0=performance.now();
for (let i=0;i<sents.length;i+=50){ const d2=three(sents.slice(i,i+50).join("\n")); d2.people(); d2.places(); d2.organizations(); }
console.log("three+ents", "tok/s", ntok/((performance.now()-t0)/1000));
