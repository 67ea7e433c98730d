import { connect, createServer, type Server, type Socket } from 'node:net';

export interface LoadBalancerOptions {
  /** Connections with no byte either way for this long are cut, as NAT routers and load balancers do. */
  idleCutMs?: number;
}

interface Link {
  client: Socket;
  server: Socket;
  silenced: boolean;
}

/**
 * A TCP load balancer in front of the PBX's WebSocket port, behaving as real ones do in the field:
 * it cuts idle connections, can drop every connection at once (a failover), and can lose its
 * connections silently (a half-open connection: sockets stay open, nothing is forwarded any more).
 */
export class LoadBalancer {
  private readonly links = new Set<Link>();
  /** Connections accepted since start. */
  accepted = 0;
  /** Connections cut for being idle. */
  idleCuts = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number, options: LoadBalancerOptions = {}): Promise<LoadBalancer> {
    const server = createServer();
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
    const balancer = new LoadBalancer(server, port);
    server.on('connection', (client) => balancer.forward(client, targetPort, options.idleCutMs));
    return balancer;
  }

  get openConnections(): number {
    return this.links.size;
  }

  /** Closes every connection at once, both ways. */
  cutAll(): void {
    for (const link of this.links) this.close(link);
  }

  /** Stops forwarding on every open connection without closing it: each side hears nothing more. */
  silenceAll(): void {
    for (const link of this.links) link.silenced = true;
  }

  async stop(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(client: Socket, targetPort: number, idleCutMs: number | undefined): void {
    this.accepted += 1;
    const server = connect(targetPort, '127.0.0.1');
    const link: Link = { client, server, silenced: false };
    this.links.add(link);
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const activity = (): void => {
      if (idleCutMs === undefined) return;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        this.idleCuts += 1;
        this.close(link);
      }, idleCutMs);
    };
    activity();
    const pipe = (from: Socket, to: Socket): void => {
      from.on('data', (chunk) => {
        // A silenced link swallows bytes: its idle timer is not reset by them either.
        if (link.silenced) return;
        activity();
        to.write(chunk);
      });
    };
    pipe(client, server);
    pipe(server, client);
    const closed = (): void => {
      clearTimeout(idleTimer);
      this.close(link);
    };
    for (const socket of [client, server]) {
      socket.on('error', closed);
      socket.on('close', closed);
    }
  }

  private close(link: Link): void {
    if (!this.links.delete(link)) return;
    link.client.destroy();
    link.server.destroy();
  }
}
