import type { StageVocabulary, VocabularyMatch } from '../nlu/types';
import type { CareerCatalogue } from './catalogue';

interface Phrase {
  words: string;
  pathway: string;
  stage?: string;
}

/** Lower case, brackets dropped, letters and digits only: "Trainee teacher (fee-funded)" → "trainee teacher". */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "teachers" → "teacher", so plurals in questions still match a stage name. */
function singular(text: string): string {
  return text
    .split(' ')
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
    .join(' ');
}

/**
 * The words one organisation's career map uses for its stages and pathways (names, typical roles
 * and `synonyms`), so questions are understood against that map's own ids.
 */
export class MapVocabulary implements StageVocabulary {
  private readonly phrases: Phrase[] = [];
  private readonly known = new Set<string>();

  constructor(catalogue: CareerCatalogue) {
    for (const pathway of catalogue.pathways) {
      this.known.add(pathway.id);
      for (const words of [pathway.name, ...(pathway.synonyms ?? [])]) this.add(words, pathway.id);
      for (const stage of pathway.stages) {
        this.known.add(`${pathway.id}/${stage.id}`);
        for (const words of [stage.name, ...stage.roles, ...(stage.synonyms ?? [])]) this.add(words, pathway.id, stage.id);
      }
    }
    // Longest first, so "senior teaching assistant" wins over "teaching assistant".
    this.phrases.sort((a, b) => b.words.length - a.words.length);
  }

  private add(text: string, pathway: string, stage?: string): void {
    const words = singular(normalise(text));
    if (words.length >= 2) this.phrases.push({ words, pathway, ...(stage ? { stage } : {}) });
  }

  knows(pathway: string, stage?: string): boolean {
    return this.known.has(stage ? `${pathway}/${stage}` : pathway);
  }

  /** The longest stage or pathway phrase in the text; on a tie, one on `preferPathway`. */
  resolve(text: string, preferPathway?: string): VocabularyMatch | undefined {
    const haystack = ` ${singular(normalise(text))} `;
    let best: Phrase | undefined;
    for (const phrase of this.phrases) {
      if (best && phrase.words.length < best.words.length) break;
      if (!haystack.includes(` ${phrase.words} `)) continue;
      if (!best || (phrase.pathway === preferPathway && best.pathway !== preferPathway) || (phrase.stage && !best.stage)) best = phrase;
    }
    if (!best) return undefined;
    const pattern = new RegExp(`\\b${best.words.split(' ').map((word) => `${word}s?`).join('[^a-z0-9]+')}\\b`, 'i');
    return { pathway: best.pathway, ...(best.stage ? { stage: best.stage } : {}), pattern };
  }
}

const cache = new WeakMap<CareerCatalogue, MapVocabulary>();

/** The vocabulary of a catalogue, built once per loaded catalogue. */
export function vocabularyFor(catalogue: CareerCatalogue): MapVocabulary {
  let vocabulary = cache.get(catalogue);
  if (!vocabulary) {
    vocabulary = new MapVocabulary(catalogue);
    cache.set(catalogue, vocabulary);
  }
  return vocabulary;
}
