/**
 * Which download URLs the bot will fetch. Teams hands personal-chat files out as pre-authorised
 * links on the tenant's SharePoint (OneDrive), so in authenticated mode only https URLs on
 * `*.sharepoint.com` (or Microsoft's `*.sharepoint-df.com` test farms) are fetched: a forged
 * activity can never point the bot at an internal address. Local unauthenticated mode (Emulator,
 * tests) also accepts a loopback http server.
 */
const SHAREPOINT_SUFFIXES = ['.sharepoint.com', '.sharepoint-df.com'];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function mayDownload(rawUrl: string, localMode: boolean): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'https:' && (url.port === '' || url.port === '443') && SHAREPOINT_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
    return true;
  }
  return localMode && (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(host);
}
