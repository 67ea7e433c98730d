import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

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
