import type { ChannelName } from './context';

/**
 * Whether someone may type their work email because the platform gave none. Only in Teams' local
 * mode (Emulator, Agents Playground): Slack always says who is speaking, so a Slack workspace
 * running beside an unauthenticated Teams endpoint never lets people claim an address.
 */
export function maySelfDeclareEmail(channel: ChannelName, allowedInLocalMode: boolean): boolean {
  return allowedInLocalMode && channel === 'teams';
}
