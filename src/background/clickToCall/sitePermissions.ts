import { stopInTabs } from './contentScript';

/** Whether the agent granted access to all of `origins` (optional host permissions). */
export function hasAccess(origins: string[]): Promise<boolean> {
  return chrome.permissions.contains({ origins });
}

/** Stops click-to-call in the open tabs of `patterns` and gives their host permission back. */
export async function giveBackAccess(patterns: string[]): Promise<void> {
  await stopInTabs(patterns);
  await chrome.permissions.remove({ origins: patterns }).catch(() => false);
}
