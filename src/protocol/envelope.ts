import type { Target } from './api';

export interface Envelope {
  to: Target;
  type: string;
  payload: unknown;
}

export function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return (m.to === 'background' || m.to === 'offscreen') && typeof m.type === 'string';
}
