import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build, type Plugin } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const POPUP_HTML = 'extension/popup.html';
const POPUP_ENTRY = resolve(ROOT, 'src/popup/main.tsx');
const POPUP_SCRIPT = 'assets/popup.js';
const EARLY_ENTRY = resolve(ROOT, 'src/popup/early.ts');
const EARLY_SCRIPT = 'assets/popupEarly.js';

/**
 * The popup's JavaScript as one file. Built with the other pages, it shares chunks with them and
 * loads a dozen module files at each opening, which cost it about 50 ms of its 100 ms budget on a
 * busy 2-core machine (bench: popup); built on its own it is one file, and the HTML page the
 * main build made loads that file instead (its stylesheet stays the main build's). A classic
 * script of a few hundred bytes in its <head> starts the storage reads the first frame needs
 * before that file is even fetched (src/storage/earlyRead.ts).
 */
export function popupInOneFile(target: string): Plugin {
  return {
    name: 'voip-widget:popup-in-one-file',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const page = bundle[POPUP_HTML];
      if (page?.type !== 'asset') throw new Error(`${POPUP_HTML} is not in the build`);
      const output = await build({
        configFile: false,
        logLevel: 'warn',
        plugins: [preact()],
        build: {
          write: false,
          target,
          minify: true,
          modulePreload: false,
          rollupOptions: { input: POPUP_ENTRY, output: { codeSplitting: false, entryFileNames: 'popup.js' } },
        },
      });
      const [first] = Array.isArray(output) ? output : [output];
      const chunk = first && 'output' in first ? first.output.find((o) => o.type === 'chunk' && o.isEntry) : undefined;
      if (!chunk || chunk.type !== 'chunk') throw new Error('the popup did not build');
      this.emitFile({ type: 'asset', fileName: POPUP_SCRIPT, source: chunk.code });
      this.emitFile({ type: 'asset', fileName: EARLY_SCRIPT, source: await classicScript(EARLY_ENTRY, target) });

      const html = String(page.source);
      const entry = html.match(/<script type="module"[^>]*src="\/([^"]+)"[^>]*><\/script>/);
      if (!entry) throw new Error(`${POPUP_HTML} has no module script`);
      // The main build's popup entry is loaded by nothing now; the chunks it shares stay for the other pages.
      delete bundle[entry[1]!];
      const charset = html.match(/<meta charset[^>]*>/);
      if (!charset) throw new Error(`${POPUP_HTML} has no charset`);
      page.source = html
        .replace(entry[0], `<script type="module" src="/${POPUP_SCRIPT}"></script>`)
        .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
        .replace(charset[0], `${charset[0]}<script src="/${EARLY_SCRIPT}"></script>`); // before the stylesheet, which a script after it waits for
    },
  };
}

/** `entry` as one self-contained classic script. */
async function classicScript(entry: string, target: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, target, minify: true, lib: { entry, formats: ['iife'], name: 'voipWidgetPopupEarly', fileName: () => 'early.js' } },
  });
  const [first] = Array.isArray(output) ? output : [output];
  const chunk = first && 'output' in first ? first.output.find((o) => o.type === 'chunk') : undefined;
  if (!chunk || chunk.type !== 'chunk') throw new Error(`${entry} did not build`);
  return chunk.code;
}
