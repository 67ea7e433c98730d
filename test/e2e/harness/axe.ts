import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ElementContext } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (its default rule set: WCAG 2.x A and AA, and the best practices) over `page`, or
 * the part of it `context` names, and returns each violation as one line: rule, element, why.
 * The script is evaluated through the DevTools protocol, which the extension pages' CSP allows.
 */
export async function axeViolations(page: Page, context?: ElementContext): Promise<string[]> {
  // Handed over as JSON: playwright's serializable type of axe's context type is too deep for tsc.
  const contextJson = context === undefined ? null : JSON.stringify(context);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (json) => {
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe;
    const results = await axe.run(json === null ? document : JSON.parse(json), { resultTypes: ['violations'] });
    return results.violations.flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`,
      ),
    );
  }, contextJson);
}
