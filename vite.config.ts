import { type CrxPlugin, crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { popupInOneFile } from './scripts/popupInOneFile';

/**
 * crxjs makes every `?script` import web-accessible, for its module loader. The click-to-call
 * script is a self-contained IIFE that the service worker registers itself
 * (scripting.registerContentScripts), which needs no web-accessible resource: none is kept, so
 * web pages can neither fetch the extension's files nor tell from them that it is installed.
 */
function noWebAccessibleResources(): CrxPlugin {
  return {
    name: 'voip-widget:no-web-accessible-resources',
    enforce: 'post',
    renderCrxManifest(built) {
      delete built.web_accessible_resources;
      return built;
    },
  };
}

export default defineConfig({
  plugins: [preact(), crx({ manifest }), noWebAccessibleResources(), popupInOneFile('chrome140')],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome140',
    rollupOptions: {
      // Pages that the manifest does not name must be listed so they are built.
      input: {
        offscreen: 'extension/offscreen.html',
        welcome: 'extension/welcome.html',
      },
    },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
