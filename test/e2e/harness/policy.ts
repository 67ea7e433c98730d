import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { DIST } from './browser';

/**
 * Administrator policy for the extension, as a call centre would push it. Chromium on Linux reads
 * every JSON file of this folder (the machine's mandatory policy); an extension's settings sit
 * under `3rdparty.extensions.<extension id>`. The folder is the machine's, shared with every
 * browser started here: each file is written just before its browser starts, named after this
 * process, and removed as soon as the test ends, whether it passed or not.
 */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** The id Chromium gives an unpacked extension: from the SHA-256 of its folder's path, in letters a-p. */
export function unpackedExtensionId(dir: string = DIST): string {
  const digest = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...digest].map((c) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(c, 16))).join('');
}

export class ChromiumPolicy {
  readonly file: string;
  private static count = 0;

  constructor(private readonly extensionId: string = unpackedExtensionId()) {
    this.file = join(CHROMIUM_POLICY_DIR, `voip-widget-e2e-${process.pid}-${ChromiumPolicy.count++}.json`);
  }

  /** Writes (or rewrites) the policy file; a rename, so Chromium never reads half a file. */
  write(settings: Record<string, unknown>): void {
    if (!existsSync(CHROMIUM_POLICY_DIR)) mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    const partial = `${this.file}.partial`;
    writeFileSync(partial, JSON.stringify({ '3rdparty': { extensions: { [this.extensionId]: settings } } }, null, 2));
    renameSync(partial, this.file);
  }

  remove(): void {
    rmSync(this.file, { force: true });
    rmSync(`${this.file}.partial`, { force: true });
  }
}

/**
 * Makes the browser read its policy files again now, as chrome://policy's "Reload policies"
 * button does (Chromium would otherwise notice a changed file only after it has been left alone
 * for some seconds, or at its periodic reload).
 */
export async function reloadPolicies(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://policy');
    await page.getByRole('button', { name: 'Reload policies' }).click();
  } finally {
    await page.close();
  }
}
