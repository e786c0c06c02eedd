import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';
import { loadCorpus, corpusExamples } from './corpus';
import { analyse } from './extract';
import { Lexicon } from './lexicon';
import { prepareInput } from './normalise';
(async () => {
  const lex = new Lexicon();
  const c = containerBootstrap(); c.use(LangEn);
  const nlp = new Nlp({ languages: ['en'], autoSave: false, autoLoad: false }, c);
  for (const e of corpusExamples(loadCorpus())) nlp.addDocument('en', analyse(prepareInput(e.text), { lexicon: lex }).classifierText, e.intent);
  await nlp.train();
  for (const t of process.argv.slice(2)) {
    const o = await nlp.nluManager.process('en', t);
    console.log(t, o.intent, o.score, JSON.stringify(o.classifications.slice(0, 4)));
  }
})();
