/**
 * Waits for `work`, but no longer than `ms`: then resolves with `fallback` instead. The timer is
 * cleared either way, so it never keeps the process alive.
 */
export async function waitAtMost<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), Math.max(0, ms));
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
