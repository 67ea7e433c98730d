import { createSocket, type Socket } from 'node:dgram';

export interface DtmfEvent {
  at: number;
  /** The digit as rtpengine reports it: 0-9, 10 for *, 11 for #, 12-15 for A-D. */
  event: number;
  callId: string;
}

const DIGITS = '0123456789*#ABCD';

/** Receives the DTMF events rtpengine detects in the media it relays (--dtmf-log-dest). */
export class DtmfLog {
  readonly events: DtmfEvent[] = [];

  private constructor(
    private readonly socket: Socket,
    readonly port: number,
  ) {
    socket.on('message', (data) => {
      try {
        const message = JSON.parse(data.toString('utf8')) as { callid?: string; type?: string; event?: number };
        if (message.type === 'DTMF' && typeof message.event === 'number')
          this.events.push({ at: Date.now(), event: message.event, callId: message.callid ?? '' });
      } catch {
        // Not one of rtpengine's JSON events.
      }
    });
  }

  static async listen(): Promise<DtmfLog> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new DtmfLog(socket, socket.address().port);
  }

  /** The digits seen so far, e.g. "12#". */
  digits(since = 0): string {
    return this.events
      .filter((e) => e.at >= since)
      .map((e) => DIGITS[e.event] ?? '?')
      .join('');
  }

  close(): void {
    this.socket.close();
  }
}
