/**
 * The Firefox manifest, derived from the Chrome one (manifest.json) at build time so the two never
 * drift apart. Firefox runs MV3 background code in a page with a DOM, so the softphone lives there
 * and needs no offscreen document; it registers as the handler of tel: and sip: links, and wants
 * its own add-on id.
 */

export type Manifest = Record<string, unknown> & { manifest_version: number; version: string };

export interface FirefoxOptions {
  /** The add-on id, email-like or a GUID, fixed for the life of the listing. */
  id: string;
  strictMinVersion: string;
  /** The background page (extension-relative path) that hosts both the routes and the softphone. */
  backgroundPage: string;
  /** Firefox's tel: and sip: link page (src/telLink/), which opens the softphone with the link's number. */
  telLinkPage: string;
}

/** Link schemes Firefox lets an extension handle (its allow-list has tel and sip, not callto). */
export const PROTOCOLS = ['tel', 'sip'] as const;

type WebAccessible = { resources?: string[]; matches?: string[]; use_dynamic_url?: boolean };

const CHROME_ONLY_KEYS = ['minimum_chrome_version', 'key', 'update_url', 'offline_enabled', 'side_panel', 'export', 'oauth2'];
const CHROME_ONLY_PERMISSIONS = new Set(['offscreen', 'sidePanel', 'tabGroups', 'enterprise.platformKeys']);

export function firefoxManifest(chrome: Manifest, options: FirefoxOptions): Manifest {
  const manifest: Manifest = structuredClone(chrome);
  for (const key of CHROME_ONLY_KEYS) delete manifest[key];
  // Firefox takes managed storage from policies.json without a schema, and warns about the key.
  delete manifest.storage;
  manifest.background = { page: options.backgroundPage };
  if (Array.isArray(manifest.permissions)) manifest.permissions = manifest.permissions.filter((p) => !CHROME_ONLY_PERMISSIONS.has(String(p)));
  // crxjs fills `<dynamic_resource>` for Chrome's module content scripts; Firefox gets a plain
  // script registered at run time, which needs no web-accessible resource.
  if (Array.isArray(manifest.web_accessible_resources)) {
    const kept = (manifest.web_accessible_resources as WebAccessible[]).flatMap(({ use_dynamic_url: _dynamic, ...entry }) => {
      const resources = (entry.resources ?? []).filter((r) => r !== '<dynamic_resource>');
      return resources.length > 0 ? [{ ...entry, resources }] : [];
    });
    if (kept.length > 0) manifest.web_accessible_resources = kept;
    else delete manifest.web_accessible_resources;
  }
  manifest.protocol_handlers = PROTOCOLS.map((protocol) => ({ protocol, name: 'VoIP Widget', uriTemplate: `/${options.telLinkPage}?link=%s` }));
  manifest.browser_specific_settings = {
    gecko: {
      id: options.id,
      strict_min_version: options.strictMinVersion,
      // Nothing leaves the browser but the agent's own SIP traffic to their own PBX.
      data_collection_permissions: { required: ['none'] },
    },
    // Firefox for Android reads that last key from 142 on.
    gecko_android: { strict_min_version: '142.0' },
  };
  return manifest;
}
