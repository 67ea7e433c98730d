/** A ping every 20 s keeps idle cuts away (NAT routers and load balancers cut at 30 s or more). */
export const KEEPALIVE_INTERVAL_MS = 20_000;
/** A connection whose ping is not answered within 5 s is dead: noticed at most 25 s after it died. */
export const KEEPALIVE_ANSWER_MS = 5_000;

/**
 * Pings the server while a connection is up and declares the connection dead when a ping goes
 * unanswered. `ping` sends one and calls `answered` on any answer, success or error alike: an
 * answer is proof of life.
 */
export class Keepalive {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;

  constructor(
    private readonly ping: (answered: () => void) => void,
    private readonly dead: () => void,
    private readonly intervalMs = KEEPALIVE_INTERVAL_MS,
    private readonly answerMs = KEEPALIVE_ANSWER_MS,
  ) {}

  start(): void {
    this.stop();
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.probe(), this.intervalMs);
  }

  private probe(): void {
    let answered = false;
    this.timer = setTimeout(() => {
      if (!this.running || answered) return;
      this.stop();
      this.dead();
    }, this.answerMs);
    this.ping(() => {
      if (answered || !this.running) return;
      answered = true;
      clearTimeout(this.timer);
      this.schedule();
    });
  }
}
