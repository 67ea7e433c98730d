import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

/**
 * Ports handed out in this process. Each is drawn at random below the kernel's ephemeral range
 * (32768 up): bind(0) hands the same port out again as soon as it is closed, and the daemons bind
 * theirs only later, so two daemons of one PBX were sometimes given the same port, or sipp's video
 * port (its media port + 2) fell on another daemon's: that daemon failed to start and its calls
 * went nowhere.
 */
const handedOut = new Set<number>();
const NEIGHBOURS = 3;

function nearHandedOut(port: number): boolean {
  for (let p = port - NEIGHBOURS; p <= port + NEIGHBOURS; p++) if (handedOut.has(p)) return true;
  return false;
}

/** A loopback port free for both TCP and UDP right now (and UDP two above it), away from every port handed out before. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 10000 + Math.floor(Math.random() * 9990);
    if (nearHandedOut(port) || !(await tcpFree(port)) || !(await udpFree(port)) || !(await udpFree(port + 2))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error('no free loopback port');
}

function tcpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `count` consecutive free ports (for RTP ranges), between those of `freePort` and the kernel's ephemeral range (32768 up). */
export async function freePortRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = 20000 + 2 * Math.floor(Math.random() * 6000);
    let ok = true;
    for (let p = base; p < base + count && ok; p++) ok = await udpFree(p);
    if (ok) return base;
  }
  throw new Error('no free loopback port range');
}

function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => resolve(false));
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}
