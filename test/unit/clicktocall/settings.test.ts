import { describe, expect, test } from 'vitest';
import {
  clickToCallSettingsOrDefaults,
  contentScriptMatches,
  defaultClickToCallSettings,
  isEnabledOn,
  siteOf,
  sitePattern,
  withSite,
} from '../../../src/clicktocall/settings';

describe('siteOf', () => {
  test.each([
    ['https://crm.example.com/contacts/12?x=1', 'https://crm.example.com'],
    ['http://127.0.0.1:8069/web#id=3', 'http://127.0.0.1'],
    ['chrome://extensions', null],
    ['file:///home/a.html', null],
    ['chrome-extension://abc/popup.html', null],
    ['not a url', null],
  ])('%s → %s', (url, site) => expect(siteOf(url)).toBe(site));
});

describe('where the content script runs', () => {
  test('nowhere by default', () => {
    expect(contentScriptMatches(defaultClickToCallSettings)).toEqual([]);
  });

  test('on the enabled sites, any port', () => {
    const settings = withSite(withSite(defaultClickToCallSettings, 'https://a.example', true), 'http://127.0.0.1', true);
    expect(contentScriptMatches(settings)).toEqual(['https://a.example/*', 'http://127.0.0.1/*']);
    expect(sitePattern('http://127.0.0.1')).toBe('http://127.0.0.1/*');
    expect(isEnabledOn(settings, 'https://a.example')).toBe(true);
    expect(isEnabledOn(settings, 'https://b.example')).toBe(false);
  });

  test('disabling a site removes it; enabling twice keeps one entry', () => {
    const twice = withSite(withSite(defaultClickToCallSettings, 'https://a.example', true), 'https://a.example', true);
    expect(twice.sites).toEqual(['https://a.example']);
    expect(withSite(twice, 'https://a.example', false).sites).toEqual([]);
  });

  test('on every http(s) site with the all-sites setting', () => {
    expect(contentScriptMatches({ ...defaultClickToCallSettings, allSites: true })).toEqual(['http://*/*', 'https://*/*']);
  });
});

describe('stored settings, read leniently', () => {
  test.each([
    [undefined, defaultClickToCallSettings],
    ['garbage', defaultClickToCallSettings],
    [{ sites: ['https://a.example', 'https://a.example'] }, { allSites: false, sites: ['https://a.example'], callAtOnce: false }],
    [{ sites: ['https://a.example/path'] }, defaultClickToCallSettings],
    [{ sites: ['<all_urls>'] }, defaultClickToCallSettings],
    [{ allSites: 'yes' }, defaultClickToCallSettings],
    [{ callAtOnce: true }, { allSites: false, sites: [], callAtOnce: true }],
    // One damaged field or site costs that field or site, not the rest.
    [
      { allSites: 'yes', sites: ['https://a.example'], callAtOnce: true },
      { allSites: false, sites: ['https://a.example'], callAtOnce: true },
    ],
    [
      { sites: ['https://a.example', 42, 'https://b.example/x', 'https://c.example'] },
      { allSites: false, sites: ['https://a.example', 'https://c.example'], callAtOnce: false },
    ],
  ])('%j', (stored, expected) => expect(clickToCallSettingsOrDefaults(stored)).toEqual(expected));
});
