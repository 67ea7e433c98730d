import { expect, test } from 'vitest';
import { inTurn } from '../../../src/storage/inTurn';

const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test('each step starts once the one queued before it has settled, a failure included', async () => {
  const queue = inTurn();
  const log: string[] = [];
  const first = queue(async () => {
    log.push('first starts');
    await later(20);
    log.push('first fails');
    throw new Error('refused');
  });
  const second = queue(async () => {
    log.push('second starts');
    await later(1);
    return 2;
  });
  await expect(first).rejects.toThrow('refused');
  expect(await second).toBe(2);
  expect(log).toEqual(['first starts', 'first fails', 'second starts']);
});

test('two queues do not wait for each other', async () => {
  const slow = inTurn();
  const fast = inTurn();
  const log: string[] = [];
  const a = slow(() => later(30).then(() => log.push('slow')));
  const b = fast(() => later(1).then(() => log.push('fast')));
  await Promise.all([a, b]);
  expect(log).toEqual(['fast', 'slow']);
});
