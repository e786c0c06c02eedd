/**
 * Light spelling correction against a known vocabulary (the training corpus plus entity words).
 * Words of 4–7 letters may be one edit away from a known word, words of 8+ letters two edits;
 * an edit is an insertion, deletion, substitution or transposition of adjacent letters.
 */

/**
 * Optimal-string-alignment (restricted Damerau–Levenshtein) distance.
 * Stops early and returns `max + 1` once the distance is known to exceed `max`.
 */
export function damerauLevenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let curr = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    curr[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      }
      curr[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, curr] = [prev, curr, prevPrev];
  }
  return prev[b.length] ?? max + 1;
}

/** Largest edit distance allowed when correcting a word of this length. */
export function allowedDistance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

const CACHE_LIMIT = 5000;

export class SpellingCorrector {
  private readonly frequency = new Map<string, number>();
  private readonly byLength = new Map<number, string[]>();
  private readonly cache = new Map<string, string>();

  /** @param words every known word; repeats raise a word's weight when breaking ties. */
  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (!/^[a-z]+$/.test(word)) continue;
      this.frequency.set(word, (this.frequency.get(word) ?? 0) + 1);
    }
    for (const word of this.frequency.keys()) {
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
  }

  isKnown(word: string): boolean {
    return this.frequency.has(word);
  }

  /** Returns the closest known word, or the word itself when it is known, short or has no close match. */
  correct(word: string): string {
    if (this.frequency.has(word) || !/^[a-z]+$/.test(word)) return word;
    const max = allowedDistance(word.length);
    if (max === 0) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;

    let best = word;
    let bestDistance = max + 1;
    let bestFrequency = 0;
    for (let length = word.length - max; length <= word.length + max; length += 1) {
      // Never "correct" into a word shorter than 3 letters.
      if (length < 3) continue;
      for (const candidate of this.byLength.get(length) ?? []) {
        const distance = damerauLevenshtein(word, candidate, Math.min(max, bestDistance));
        if (distance > max) continue;
        const frequency = this.frequency.get(candidate) ?? 0;
        if (
          distance < bestDistance ||
          (distance === bestDistance && frequency > bestFrequency) ||
          (distance === bestDistance && frequency === bestFrequency && candidate < best)
        ) {
          best = candidate;
          bestDistance = distance;
          bestFrequency = frequency;
        }
      }
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }
}
