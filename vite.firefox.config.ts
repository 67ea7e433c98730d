import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { firefoxManifest, type Manifest } from './scripts/firefoxManifest';
import { popupInOneFile } from './scripts/popupInOneFile';

// Firefox build: the same source, without crxjs (which targets Chrome). Firefox runs MV3
// background code in a page with a DOM, so src/background/firefox.ts hosts the softphone there.
const TARGET = 'firefox140';
const CONTENT_SCRIPT = 'assets/content.js';

/**
 * `import file from '../content/main?script&iife'` (crxjs' form, used by the background to
 * register the click-to-call script) becomes a self-contained classic script, as
 * scripting.registerContentScripts needs, and the import its path.
 */
function contentScriptAsIife(): Plugin {
  const PREFIX = '\0content-script:';
  return {
    name: 'voip-widget:content-script-iife',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('?script&iife')) return null;
      const path = source.slice(0, -'?script&iife'.length);
      const resolved = await this.resolve(`${path}.ts`, importer);
      return resolved ? PREFIX + resolved.id : null;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const output = await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          write: false,
          target: TARGET,
          minify: true,
          lib: { entry: id.slice(PREFIX.length), formats: ['iife'], name: 'voipWidgetClickToCall', fileName: () => 'content.js' },
        },
      });
      const [first] = Array.isArray(output) ? output : [output];
      const chunk = first && 'output' in first ? first.output.find((o) => o.type === 'chunk') : undefined;
      if (!chunk || chunk.type !== 'chunk') throw new Error('the content script did not build');
      this.emitFile({ type: 'asset', fileName: CONTENT_SCRIPT, source: chunk.code });
      // From the extension's root: Firefox reads a relative path from the calling page's folder
      // (extension/), where registerContentScripts would look for extension/assets/content.js.
      return `export default ${JSON.stringify(`/${CONTENT_SCRIPT}`)};`;
    },
  };
}

function manifestForFirefox(): Plugin {
  return {
    name: 'voip-widget:firefox-manifest',
    generateBundle() {
      const firefox = firefoxManifest(manifest as Manifest, {
        id: 'voip-widget@voip-widget.app',
        strictMinVersion: '140.0',
        backgroundPage: 'extension/background.html',
        telLinkPage: 'extension/telLink.html',
      });
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify(firefox, null, 2)}\n` });
    },
  };
}

export default defineConfig({
  plugins: [preact(), contentScriptAsIife(), manifestForFirefox(), popupInOneFile(TARGET)],
  build: {
    outDir: 'dist-firefox',
    emptyOutDir: true,
    target: TARGET,
    modulePreload: false,
    rollupOptions: {
      input: Object.fromEntries(
        ['background', 'popup', 'options', 'welcome', 'telLink'].map((page) => [page, resolve(import.meta.dirname, `extension/${page}.html`)]),
      ),
    },
  },
});
