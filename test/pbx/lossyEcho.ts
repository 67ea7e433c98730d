import { createSocket, type Socket } from 'node:dgram';

/**
 * The far end of a lossy line: a UDP relay that sends every RTP packet back where it came from
 * (rtpengine), except a share the test sets, which it drops, as a congested network does.
 */
export class LossyEcho {
  /** The share of packets dropped, 0 to 1. */
  loss = 0;
  received = 0;
  dropped = 0;

  private constructor(
    private readonly socket: Socket,
    readonly port: number,
  ) {
    socket.on('message', (packet, from) => {
      this.received += 1;
      if (Math.random() < this.loss) {
        this.dropped += 1;
        return;
      }
      socket.send(packet, from.port, from.address);
    });
  }

  static async start(port: number): Promise<LossyEcho> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(port, '127.0.0.1', () => resolve());
    });
    return new LossyEcho(socket, port);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }
}
