/**
 * Domain coverage: the share of a message's content words that the bot's domain knows about.
 * The classifier ignores unknown words, so "who is the prime minister" looks like "who is the";
 * scaling its confidence by coverage lets such out-of-domain lines fall below the threshold.
 */

/** Function words: never counted as content. */
const FUNCTION_WORDS = new Set(
  `a about above after again all am an and any are aren't as at be been before being below between both but by
  can can't could couldn't did didn't do does doesn't doing don't down during each few for from further get got
  had hadn't has hasn't have haven't having he her here hers herself him himself his how i i'd i'll i'm i've if in
  into is isn't it it's its itself just let's me more most much my myself no nor not now of off on once only or
  other ought our ours ourselves out over own same she should shouldn't so some such than that that's the their
  theirs them themselves then there there's these they this those through to too under until up very was wasn't
  we were weren't what what's when where which while who who's whom why will with won't would wouldn't you your
  yours yourself yourselves also still anything something many lot lots really actually quite like want need know
  tell give make going go well`.split(/\s+/),
);

export interface CoverageOptions {
  /** Multiplier applied when no content word is known; 1 when all are. */
  floor?: number;
}

export class DomainCoverage {
  private readonly known: ReadonlySet<string>;
  private readonly floor: number;

  constructor(domainWords: Iterable<string>, options: CoverageOptions = {}) {
    this.known = new Set(domainWords);
    this.floor = options.floor ?? 0.4;
  }

  /** Share of content words that are known, in [0, 1]; 1 when there are no content words. */
  ratio(words: readonly string[]): number {
    const content = this.contentWords(words);
    if (content.length === 0) return 1;
    const known = content.filter((word) => this.known.has(word)).length;
    return known / content.length;
  }

  /**
   * Confidence multiplier in [floor, 1]: 1 while at most one content word is unknown (a name, a
   * subject, a rare synonym), then falling with the share of unknown words; 1 again at 50 % known.
   */
  factor(words: readonly string[]): number {
    const content = this.contentWords(words);
    const unknown = content.filter((word) => !this.known.has(word)).length;
    if (unknown <= 1) return 1;
    const ratio = (content.length - unknown) / content.length;
    return Math.min(1, this.floor + ratio * (1 - this.floor) * 2);
  }

  private contentWords(words: readonly string[]): string[] {
    return words.filter((word) => /\p{L}/u.test(word) && !FUNCTION_WORDS.has(word));
  }
}
