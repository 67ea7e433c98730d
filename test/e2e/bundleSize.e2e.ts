import { expect, test } from 'vitest';
import { bundleBytes, POPUP_GZIP_BUDGET } from './harness/bundleSize';

// Not a speed figure (those are in npm run bench): a budget the build must keep, checked on every run.
test('the popup loads at most 60 KB of gzipped JavaScript, the SIP stack and phone-number metadata not among it', () => {
  const popup = bundleBytes('extension/popup.html');
  console.log(`popup JavaScript: ${(popup.raw / 1024).toFixed(1)} KB, ${(popup.gzip / 1024).toFixed(1)} KB gzipped`);
  expect(popup.gzip).toBeLessThanOrEqual(POPUP_GZIP_BUDGET);
});
