/**
 * Tests deliberately send forged and malformed requests; botbuilder's CloudAdapter prints each
 * refusal (a 401 AuthenticationError, a missing activity type) with console.error/warn and a full
 * stack trace. Those expected lines are dropped here, in tests only; anything else still prints.
 */
const EXPECTED = [/AuthenticationError/, /Unauthorized Access/i, /BadRequest: Missing activity/];

function isExpected(args: unknown[]): boolean {
  const text = args.map((arg) => (arg instanceof Error ? `${arg.name} ${arg.message}` : String(arg))).join(' ');
  return EXPECTED.some((pattern) => pattern.test(text));
}

for (const level of ['error', 'warn'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    if (!isExpected(args)) original(...args);
  };
}
