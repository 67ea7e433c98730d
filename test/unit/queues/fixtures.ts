import type { QueueDefinition } from '../../../src/queues';

export function queue(name: string, extension: string, loginCode: string, logoutCode: string, extra: Partial<QueueDefinition> = {}): QueueDefinition {
  return { name, extension, loginCode, logoutCode, agent: 'dynamic', callerNamePrefix: '', ...extra };
}

export const support = queue('Support', '500', '*51', '*52', { callerNamePrefix: '[Support]' });
export const sales = queue('Sales', '501', '*53', '*54');
export const reception = queue('Reception', '502', '*55', '*56', { agent: 'static' });
