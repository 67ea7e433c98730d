import { describe, expect, it } from 'vitest';
import chromeManifest from '../../../manifest.json' with { type: 'json' };
import { firefoxManifest, type Manifest } from '../../../scripts/firefoxManifest';

const options = {
  id: 'voip-widget@example.org',
  strictMinVersion: '140.0',
  backgroundPage: 'extension/background.html',
  telLinkPage: 'extension/telLink.html',
};
const firefox = firefoxManifest(chromeManifest as Manifest, options);

describe('the Firefox manifest', () => {
  it('runs the background in a page instead of a service worker', () => {
    expect(firefox.background).toEqual({ page: 'extension/background.html' });
  });

  it('names the add-on and the oldest Firefox it supports', () => {
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: 'voip-widget@example.org', strict_min_version: '140.0' } });
  });

  it('drops the offscreen permission and keeps the others', () => {
    expect(firefox.permissions).not.toContain('offscreen');
    expect(firefox.permissions).toEqual((chromeManifest.permissions as string[]).filter((p) => p !== 'offscreen'));
  });

  it('drops keys only Chrome knows', () => {
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });

  it('drops the managed storage schema: Firefox takes managed settings from policies.json without one', () => {
    expect(chromeManifest).toHaveProperty('storage.managed_schema');
    expect(firefox).not.toHaveProperty('storage');
  });

  it('drops web-accessible resources that only held the Chrome content-script loader', () => {
    expect(firefox).not.toHaveProperty('web_accessible_resources');
  });

  it('keeps real web-accessible resources, without the Chrome-only dynamic URL flag', () => {
    const withSounds = firefoxManifest(
      {
        manifest_version: 3,
        version: '1.0.0',
        web_accessible_resources: [{ resources: ['<dynamic_resource>', 'sounds/ring.ogg'], matches: ['https://*/*'], use_dynamic_url: true }],
      },
      options,
    );
    expect(withSounds.web_accessible_resources).toEqual([{ resources: ['sounds/ring.ogg'], matches: ['https://*/*'] }]);
  });

  it('handles tel: and sip: links with the dial page', () => {
    expect(firefox.protocol_handlers).toEqual([
      { protocol: 'tel', name: 'VoIP Widget', uriTemplate: '/extension/telLink.html?link=%s' },
      { protocol: 'sip', name: 'VoIP Widget', uriTemplate: '/extension/telLink.html?link=%s' },
    ]);
  });

  it('keeps name, version, icons, popup, options and security policy as they are', () => {
    for (const key of ['name', 'version', 'description', 'default_locale', 'icons', 'action', 'options_ui', 'content_security_policy', 'commands'] as const) {
      expect(firefox[key]).toEqual(chromeManifest[key]);
    }
  });

  it('leaves the Chrome manifest untouched', () => {
    expect(chromeManifest.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(chromeManifest.permissions).toContain('offscreen');
  });
});
