export default async function globalTeardown(): Promise<void> {
  await globalThis.__NEXTSTEP_TEST_DB__?.stop();
}
