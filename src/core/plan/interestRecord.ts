/**
 * The once-only claim kind that records that a person pressed "I'm interested" on an opportunity
 * (subject: the opportunity id). Taken on every press, never given back: the reach report counts
 * these. Telling the opportunity's owner has its own claim, `interest`, released when nobody could
 * be told.
 */
export const INTEREST_RECORD = 'interested';
