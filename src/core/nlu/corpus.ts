/**
 * The training corpus (corpus.en.json): example utterances for every intent, plus
 * out-of-domain lines under "none". Validated on load so a bad edit fails loudly at startup.
 */
import { z } from 'zod';
import rawCorpus from './corpus.en.json';
import { INTENTS, type Intent } from './types';

const utterancesSchema = z.array(z.string().trim().min(1).max(500)).min(1);

export const corpusSchema = z
  .object({
    locale: z.string().min(2),
    intents: z.record(z.string(), utterancesSchema),
  })
  .superRefine((corpus, ctx) => {
    for (const intent of [...INTENTS, 'none']) {
      if (!corpus.intents[intent]) ctx.addIssue({ code: 'custom', path: ['intents', intent], message: 'missing intent' });
    }
    for (const name of Object.keys(corpus.intents)) {
      if (name !== 'none' && !(INTENTS as readonly string[]).includes(name)) {
        ctx.addIssue({ code: 'custom', path: ['intents', name], message: `unknown intent "${name}"` });
      }
    }
  });

export type Corpus = z.infer<typeof corpusSchema>;

export interface Example {
  text: string;
  intent: Intent;
}

export function loadCorpus(source: unknown = rawCorpus): Corpus {
  return corpusSchema.parse(source);
}

export function corpusExamples(corpus: Corpus): Example[] {
  const examples: Example[] = [];
  for (const [intent, utterances] of Object.entries(corpus.intents)) {
    for (const text of utterances) examples.push({ text, intent: intent as Intent });
  }
  return examples;
}
