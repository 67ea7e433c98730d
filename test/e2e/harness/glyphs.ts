import type { Page } from 'playwright-core';

/**
 * Emoji and symbol characters (arrows, technical symbols, dingbats, pictographs, the emoji
 * presentation selector): used as icons, they render as empty boxes on a system without a font
 * that has them. The extension's icons are inline SVG (src/ui/icons.tsx) instead.
 */
export const SYMBOL = /[\u2190-\u21ff\u2300-\u23ff\u2460-\u27bf\u2900-\u297f\u2b00-\u2bff]|\ufe0f|\p{Extended_Pictographic}/gu;

/**
 * What could render as a missing glyph on `page`: each symbol character in the text of the
 * elements `within` selects (the whole page by default), and each shown SVG icon that has no size.
 */
export async function iconProblems(page: Page, within = 'body'): Promise<string[]> {
  // No named function inside: tsx (the scripts' runner) would wrap it in a helper the page lacks.
  return page.evaluate(
    ([source, selector]) => {
      const symbol = new RegExp(source, 'gu');
      const problems: string[] = [];
      const found: [what: string, where: Element, why: string][] = [];
      for (const root of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const symbols = node.textContent?.match(symbol);
          if (symbols)
            found.push([
              `${symbols.join(' ')} (${symbols.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(' ')})`,
              node.parentElement!,
              '',
            ]);
        }
      }
      for (const svg of document.querySelectorAll<SVGSVGElement>('svg.icon')) {
        if (!svg.checkVisibility()) continue;
        const box = svg.getBoundingClientRect();
        const drawn = svg.querySelector('path')?.getBBox();
        if (box.width === 0 || box.height === 0 || !drawn || drawn.width === 0 || drawn.height === 0)
          found.push([`the ${svg.dataset.icon ?? '?'} icon`, svg.parentElement!, ' has no size']);
      }
      for (const [what, where, why] of found) {
        const classes = typeof where.className === 'string' && where.className !== '' ? ` class="${where.className}"` : '';
        problems.push(`${what} in <${where.tagName.toLowerCase()}${classes}>${why}`);
      }
      return [...new Set(problems)];
    },
    [SYMBOL.source, within] as const,
  );
}
