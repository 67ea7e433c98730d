import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface LogLine {
  at: number;
  source: string;
  text: string;
}

/** A daemon of the test PBX: started by us, stopped by us, by its own PID only. */
export class Daemon {
  readonly lines: LogLine[] = [];
  private readonly listeners = new Set<(line: LogLine) => void>();
  private exited = false;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.on('exit', () => (this.exited = true));
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (text) => {
        const line = { at: Date.now(), source: name, text };
        this.lines.push(line);
        for (const listener of this.listeners) listener(line);
      });
    }
  }

  static start(name: string, command: string, args: string[], cwd?: string): Daemon {
    // Its own process group, so stopping it also stops the workers it forks (Kamailio's children
    // hold the TCP/WebSocket connections: killing only the main process would leave them open).
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    return new Daemon(name, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !this.exited;
  }

  onLine(listener: (line: LogLine) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends `signal` to the daemon's whole process group (e.g. SIGSTOP to freeze it). */
  signal(signal: NodeJS.Signals): void {
    if (this.exited || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // Already gone.
    }
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 3000): Promise<void> {
    if (this.exited || this.child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const pid = this.child.pid;
    const killGroup = (sig: NodeJS.Signals): void => {
      try {
        process.kill(-pid, sig);
      } catch {
        // Already gone.
      }
    };
    killGroup(signal);
    const timer = setTimeout(() => killGroup('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
