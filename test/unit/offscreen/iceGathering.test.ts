import { describe, expect, test } from 'vitest';
import { AFTER_SERVER_CANDIDATE_MS, gatheringBudgetMs, HOST_ONLY_BUDGET_MS, SERVER_CANDIDATE_BUDGET_MS } from '../../../src/offscreen/iceGathering';

describe('ICE gathering budget', () => {
  test('without STUN/TURN servers only host candidates are worth waiting for', () => {
    expect(gatheringBudgetMs(false, false)).toBe(HOST_ONLY_BUDGET_MS);
  });
  test('with servers it waits a round trip for their candidate, then a moment for its batch', () => {
    expect(gatheringBudgetMs(true, false)).toBe(SERVER_CANDIDATE_BUDGET_MS);
    expect(gatheringBudgetMs(true, true)).toBe(AFTER_SERVER_CANDIDATE_MS);
  });
  test('the worst case leaves room under the 300 ms post-dial target', () => {
    expect(SERVER_CANDIDATE_BUDGET_MS).toBeLessThanOrEqual(150);
  });
});
