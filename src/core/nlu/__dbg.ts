import { analyse } from './extract';
import { Lexicon } from './lexicon';
import { prepareInput } from './normalise';
const lex = new Lexicon();
for (const t of process.argv.slice(2)) console.log(JSON.stringify(analyse(prepareInput(t), { lexicon: lex }).classifierText));
