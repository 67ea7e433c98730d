import { afterAll, beforeAll, expect, test } from 'vitest';
import { TestPbx } from '../pbx/pbx';

let pbx: TestPbx;
beforeAll(async () => { pbx = await TestPbx.start(); });
afterAll(async () => { await pbx?.stop(); });

test('pbx starts', async () => {
  expect(pbx.wsUrl).toMatch(/^ws:/);
  console.log(pbx.log());
});
