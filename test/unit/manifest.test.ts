import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { WATCHDOG_PERIOD_MINUTES } from '../../src/background/watchdog';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('manifest: least privilege', () => {
  test('web pages cannot message the extension', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  test('no site access by default: host permissions are optional, asked per site', () => {
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest).not.toHaveProperty('content_scripts');
  });

  test("nothing is web-accessible: pages can neither load the extension's files nor probe for them", () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    // crxjs adds one for every `?script` import unless the build takes it out again.
    expect(readFileSync(new URL('../../vite.config.ts', import.meta.url), 'utf8')).toContain('delete built.web_accessible_resources');
  });

  test('extension pages run only their own scripts', () => {
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)|https?:/);
  });

  test('every permission is explained in the README', () => {
    const permissions = [...(manifest.permissions as string[]), ...((manifest.optional_host_permissions as string[] | undefined) ?? [])];
    for (const permission of permissions) expect(readme, `README explains ${permission}`).toContain(`| \`${permission}\` |`);
  });
});

describe('manifest: the Chrome versions it allows', () => {
  const minimum = Number(manifest.minimum_chrome_version);
  /**
   * chrome.storage.local.setAccessLevel, which keeps content scripts out of storage.local (the
   * account without its password, TURN credentials, recent calls): on every storage area from
   * Chrome 140 (MDN browser-compat-data, webextensions.api.storage.StorageArea.setAccessLevel:
   * "session from Chrome 96, all storage areas from Chrome 140"); before, only storage.session.
   */
  const LOCAL_ACCESS_LEVEL_SINCE = 140;
  /** The shortest alarm period Chrome honours: 30 s from Chrome 120 on, one minute before. */
  const shortestAlarmMinutes = (chrome: number): number => (chrome >= 120 ? 0.5 : 1);

  test('every Chrome allowed can keep storage.local from content scripts', () => {
    expect(minimum).toBeGreaterThanOrEqual(LOCAL_ACCESS_LEVEL_SINCE);
  });

  test('the watchdog alarm fires as often as it says on every Chrome allowed', () => {
    expect(WATCHDOG_PERIOD_MINUTES).toBeGreaterThanOrEqual(shortestAlarmMinutes(minimum));
  });

  test('the build targets the oldest Chrome allowed', () => {
    expect(readFileSync(new URL('../../vite.config.ts', import.meta.url), 'utf8')).toContain(`target: 'chrome${minimum}'`);
  });
});
