import { describe, expect, test } from 'vitest';
import { freePort } from '../../pbx/ports';

describe("the test PBX's ports", () => {
  test('hundreds of ports, as a whole test run takes, are all different and at least 4 apart, so no media port + 2 meets another', async () => {
    const ports: number[] = [];
    for (let i = 0; i < 300; i++) ports.push(await freePort());
    const sorted = [...ports].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThan(3);
  });
});
