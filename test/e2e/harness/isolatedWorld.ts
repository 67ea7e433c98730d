import type { CDPSession } from 'playwright-core';

/** The content script's isolated world in `cdp`'s page, found among the page's execution contexts. */
export async function isolatedWorld(cdp: CDPSession, extensionId: string): Promise<number> {
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
  if (!world) throw new Error(`no isolated world of the extension among ${JSON.stringify(contexts)}`);
  return world.id;
}
