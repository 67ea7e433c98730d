import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCertificates, type TestCertificates } from './certificates';
import { DtmfLog } from './dtmfLog';
import { LoadBalancer, type LoadBalancerOptions } from './loadBalancer';
import { LossyEcho } from './lossyEcho';
import { freePort, freePortRange } from './ports';
import { Daemon, type LogLine, waitUntil } from './process';

const here = dirname(fileURLToPath(import.meta.url));
const MODULES_DIR = '/usr/lib/x86_64-linux-gnu/kamailio/modules/';

export interface PbxUser {
  username: string;
  password: string;
}

/** A call queue as the Axivox console lists it: name, extension, agent connection and disconnection numbers. */
export interface PbxQueue {
  name: string;
  extension: string;
  loginCode: string;
  logoutCode: string;
}

export interface PbxOptions {
  domain?: string;
  users?: PbxUser[];
  /** Dial codes that the announcement endpoint answers (answer, ~2 s of audio, hang up). */
  announceCodes?: string[];
  /** Dial codes answered by an echo endpoint: what the caller says comes back, until they hang up. */
  echoCodes?: string[];
  /** Dial codes answered by a callee that rings (180 without SDP) for 2.5 s, then answers; the caller hangs up. */
  ringbackCodes?: string[];
  /** Dial codes answered by a callee that plays early media (183 with SDP and ~7 s of audio), answering after 5 s. */
  earlyMediaCodes?: string[];
  /** Media of calls from browsers to desk phones (users registered over UDP) through rtpengine as plain RTP, instead of direct. */
  relayedDeskPhones?: boolean;
  /** Codes answered by an echo over a lossy line: `pbx.lossyEcho.loss` sets the share of packets it drops. */
  lossyEchoCodes?: string[];
  /** Queues whose codes connect and disconnect the calling agent; their extension rings every connected agent. */
  queues?: PbxQueue[];
  /** Dial codes the PBX refuses with the given SIP status (e.g. `{ '*59': 503 }`), to test failures. */
  failingCodes?: Record<string, number>;
  /**
   * How bindings behave. 'replace' (default): a new REGISTER replaces the account's binding and a
   * binding dies with its connection. 'one-per-account', as deployed PBXs do: one contact per
   * account, a second one refused with 503, and a binding that outlives its connection.
   */
  bindings?: 'replace' | 'one-per-account';
  /** A load balancer in front of the WebSocket port (clients connect through it). */
  loadBalancer?: LoadBalancerOptions;
  /** REGISTERs to refuse: the `nth` authenticated REGISTER of `user` (1 = the first) gets `status`. */
  refuseRegistrations?: RegisterRefusal[];
  /** The registrar's shortest accepted expiry (a shorter one gets 423 with Min-Expires). Default 60. */
  minExpires?: number;
  /** The registrar's longest expiry: it answers with this if the client asks more. Default 3600. */
  maxExpires?: number;
  /** A secure WebSocket listener too (wss://), its certificate signed by a throwaway CA. */
  tls?: boolean;
  /**
   * A voicemail server that notifies subscribers (RFC 3842) of this mailbox state. Without it the
   * PBX refuses message-summary subscriptions (489), as one that only sends unsolicited NOTIFYs.
   */
  voicemailSubscriptions?: { newMessages: number; oldMessages: number };
  /**
   * Dialog-info presence (RFC 4235): users SUBSCRIBE to each other's Event: dialog and are
   * NOTIFYed as calls ring, are answered and end; `pickupPrefix` + an extension picks up the call
   * ringing there (default `**`); `maxExpires` caps the subscriptions' expiry (default 3600 s).
   */
  presence?: boolean | { pickupPrefix?: string; maxExpires?: number };
}

export interface RegisterRefusal {
  user: string;
  nth: number;
  status: number;
  retryAfterSeconds?: number;
}

/** The PBX as the field has it: idle connections cut by a load balancer, one contact per account. */
export const fieldConditions = {
  bindings: 'one-per-account',
  loadBalancer: { idleCutMs: 30_000 },
} as const satisfies PbxOptions;

/** As on Axivox, a user's SIP username is their extension. */
export const defaultUsers: PbxUser[] = [
  { username: '101', password: 'alice-secret' },
  { username: '102', password: 'bob-secret' },
  { username: '103', password: 'carol-secret' },
];

export interface SipRequestSeen {
  at: number;
  method: string;
  ruri: string;
  text: string;
}

/**
 * The project's test PBX: Kamailio (SIP over WebSocket + UDP), rtpengine and a sipp announcement
 * endpoint, all on loopback ports chosen at start, stopped by PID.
 */
export class TestPbx {
  private constructor(
    readonly domain: string,
    readonly wsPort: number,
    readonly sipPort: number,
    readonly users: PbxUser[],
    private readonly runDir: string,
    private kamailio: Daemon,
    private readonly helpers: Daemon[],
    private readonly configPath: string,
    /** Calls from this loopback port are a carrier trunk: external callers, no authentication. */
    readonly trunkPort: number,
    /** DTMF events found in the media that passes through rtpengine (calls to announcement codes). */
    readonly dtmf: DtmfLog,
    /** The load balancer clients connect through, when the PBX has one. */
    readonly loadBalancer: LoadBalancer | null,
    readonly wssPort: number,
    /** The throwaway CA and server certificate of the wss:// listener, when it has one. */
    readonly certificates: TestCertificates | null,
    /** The far end of the `lossyEchoCodes`, whose `loss` the test sets. */
    readonly lossyEcho: LossyEcho | null = null,
  ) {}

  /** Where clients connect: through the load balancer when there is one. */
  get wsUrl(): string {
    return `ws://127.0.0.1:${this.loadBalancer?.port ?? this.wsPort}`;
  }

  /** The secure WebSocket listener (with `tls: true`). */
  get wssUrl(): string {
    return `wss://localhost:${this.wssPort}`;
  }

  static async start(options: PbxOptions = {}): Promise<TestPbx> {
    const domain = options.domain ?? 'pbx.test';
    const users = options.users ?? defaultUsers;
    const announceCodes = options.announceCodes ?? ['*45'];
    const echoCodes = options.echoCodes ?? [];
    const [echoPort, echoMediaPort] = [await freePort(), await freePort()];
    const [ringbackPort, ringbackMediaPort, earlyMediaPort, earlyMediaMediaPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const [wsPort, sipPort, announcePort, rtpenginePort, sippMediaPort, trunkPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const [wssPort, mwiPort] = [await freePort(), await freePort()];
    const [lossyEchoPort, lossyEchoMediaPort, lossyRelayPort] = [await freePort(), await freePort(), await freePort()];
    const rtpBase = await freePortRange(100);
    const runDir = mkdtempSync(join(tmpdir(), 'voip-pbx-'));
    const certificates = options.tls ? makeCertificates(runDir) : null;
    const defines = [
      ...(options.bindings === 'one-per-account' ? ['#!define ONE_CONTACT_PER_ACCOUNT'] : []),
      ...(certificates ? ['#!define WITH_TLS'] : []),
      ...(options.voicemailSubscriptions ? ['#!define WITH_MWI_SUBSCRIPTIONS'] : []),
      ...(options.relayedDeskPhones ? ['#!define RELAYED_DESK_PHONES'] : []),
      ...(options.presence ? ['#!define WITH_PRESENCE'] : []),
    ];
    const presence = typeof options.presence === 'object' ? options.presence : {};
    const pickupPrefix = presence.pickupPrefix ?? '**';
    if (options.presence) presenceTables(runDir);
    if (certificates) writeFileSync(join(runDir, 'tls.cfg'), tlsConfig(certificates));

    const config = readFileSync(join(here, 'kamailio.cfg'), 'utf8')
      .replaceAll('@WS_PORT@', String(wsPort))
      .replaceAll('@WSS_PORT@', String(wssPort))
      .replaceAll('@MWI_PORT@', String(mwiPort))
      .replaceAll('@MIN_EXPIRES@', String(options.minExpires ?? 60))
      .replaceAll('@MAX_EXPIRES@', String(options.maxExpires ?? 3600))
      .replace('@DEFINES@', defines.join('\n'))
      .replace('@TLS_CONFIG@', join(runDir, 'tls.cfg'))
      .replaceAll('@RUN_DIR@', runDir)
      .replaceAll('@PRESENCE_MAX_EXPIRES@', String(presence.maxExpires ?? 3600))
      .replaceAll('@PICKUP_PREFIX_LEN@', String(pickupPrefix.length))
      .replaceAll('@PICKUP_PREFIX@', pickupPrefix)
      .replaceAll('@SIP_PORT@', String(sipPort))
      .replaceAll('@ANNOUNCE_PORT@', String(announcePort))
      .replaceAll('@ECHO_PORT@', String(echoPort))
      .replaceAll('@RINGBACK_PORT@', String(ringbackPort))
      .replaceAll('@EARLY_MEDIA_PORT@', String(earlyMediaPort))
      .replaceAll('@LOSSY_ECHO_PORT@', String(lossyEchoPort))
      .replaceAll('@TRUNK_PORT@', String(trunkPort))
      .replaceAll('@RTPENGINE_PORT@', String(rtpenginePort))
      .replaceAll('@DOMAIN@', domain)
      .replaceAll('@MODULES_DIR@', MODULES_DIR)
      .replace('@USERS@', users.map((u) => `\t$sht(users=>${u.username}) = "${u.password}";`).join('\n'))
      .replace('@ANNOUNCE_CODES@', announceCodes.map((c) => `\t$sht(announce=>${c}) = 1;`).join('\n'))
      .replace('@ECHO_CODES@', echoCodes.map((c) => `\t$sht(echo=>${c}) = 1;`).join('\n'))
      .replace('@LOSSY_ECHO_CODES@', (options.lossyEchoCodes ?? []).map((c) => `\t$sht(lossy_echo=>${c}) = 1;`).join('\n'))
      .replace('@RINGBACK_CODES@', (options.ringbackCodes ?? []).map((c) => `\t$sht(ringback=>${c}) = 1;`).join('\n'))
      .replace('@EARLY_MEDIA_CODES@', (options.earlyMediaCodes ?? []).map((c) => `\t$sht(early_media=>${c}) = 1;`).join('\n'))
      .replace('@QUEUES@', (options.queues ?? []).map(queueTableLines).join('\n'))
      .replace(
        '@CODE_ERRORS@',
        Object.entries(options.failingCodes ?? {})
          .map(([code, status]) => `\t$sht(code_errors=>${code}) = ${status};`)
          .join('\n'),
      )
      .replace(
        '@REGISTER_REFUSALS@',
        [
          ...users.map((u) => `\t$sht(register_count=>${u.username}) = 0;`),
          ...(options.refuseRegistrations ?? []).flatMap((r) => [
            `\t$sht(register_refusals=>${r.user}:${r.nth}) = ${r.status};`,
            ...(r.retryAfterSeconds === undefined ? [] : [`\t$sht(register_retry=>${r.user}:${r.nth}) = "${r.retryAfterSeconds}";`]),
          ]),
        ].join('\n'),
      );
    const configPath = join(runDir, 'kamailio.cfg');
    writeFileSync(configPath, config);

    const dtmf = await DtmfLog.listen();
    const rtpengine = Daemon.start('rtpengine', 'rtpengine', [
      `--dtmf-log-dest=127.0.0.1:${dtmf.port}`,
      '--config-file=none',
      '--table=-1',
      '--interface=127.0.0.1',
      `--listen-ng=127.0.0.1:${rtpenginePort}`,
      `--port-min=${rtpBase}`,
      `--port-max=${rtpBase + 99}`,
      '--foreground',
      '--log-stderr',
      `--pidfile=${join(runDir, 'rtpengine.pid')}`,
    ]);
    const sipp = Daemon.start(
      'sipp',
      'sipp',
      [
        '-sf',
        join(here, 'announce.xml'),
        '-i',
        '127.0.0.1',
        '-p',
        String(announcePort),
        '-mi',
        '127.0.0.1',
        '-mp',
        String(sippMediaPort),
        '-t',
        'u1',
        '-nostdin',
        '-trace_err',
        '-error_file',
        join(runDir, 'sipp-errors.log'),
      ],
      runDir,
    );
    const callee = (codes: string[] | undefined, name: string, scenario: string, port: number, mediaPort: number, extra: string[] = []): Daemon[] =>
      (codes ?? []).length === 0
        ? []
        : [
            Daemon.start(
              name,
              'sipp',
              [
                '-sf',
                join(here, scenario),
                '-i',
                '127.0.0.1',
                '-p',
                String(port),
                '-mi',
                '127.0.0.1',
                '-mp',
                String(mediaPort),
                ...extra,
                '-t',
                'u1',
                '-nostdin',
              ],
              runDir,
            ),
          ];
    const echo = callee(echoCodes, 'sipp-echo', 'echo.xml', echoPort, echoMediaPort, ['-rtp_echo']);
    const ringback = callee(options.ringbackCodes, 'sipp-ringback', 'ringback.xml', ringbackPort, ringbackMediaPort);
    const earlyMedia = callee(options.earlyMediaCodes, 'sipp-early-media', 'early-media.xml', earlyMediaPort, earlyMediaMediaPort);
    const lossyEchoCodes = options.lossyEchoCodes ?? [];
    const lossy = callee(lossyEchoCodes, 'sipp-lossy-echo', 'lossy-echo.xml', lossyEchoPort, lossyEchoMediaPort, [
      '-key',
      'relay_port',
      String(lossyRelayPort),
    ]);
    const lossyEcho = lossyEchoCodes.length > 0 ? await LossyEcho.start(lossyRelayPort) : null;
    const mailbox = options.voicemailSubscriptions;
    const voicemail =
      mailbox === undefined
        ? []
        : [
            Daemon.start(
              'sipp-mwi',
              'sipp',
              [
                '-sf',
                join(here, 'mwi-subscribe.xml'),
                '-i',
                '127.0.0.1',
                '-p',
                String(mwiPort),
                '-key',
                'new',
                String(mailbox.newMessages),
                '-key',
                'old',
                String(mailbox.oldMessages),
                '-t',
                'u1',
                '-nostdin',
              ],
              runDir,
            ),
          ];
    await waitUntil(() => rtpengine.lines.some((l) => /Startup complete|listening|thread/i.test(l.text)) || !rtpengine.running, 5000, 'rtpengine');
    const kamailio = TestPbx.startKamailio(configPath, runDir);
    const loadBalancer = options.loadBalancer ? await LoadBalancer.start(wsPort, options.loadBalancer) : null;
    const pbx = new TestPbx(
      domain,
      wsPort,
      sipPort,
      users,
      runDir,
      kamailio,
      [rtpengine, sipp, ...echo, ...ringback, ...earlyMedia, ...lossy, ...voicemail],
      configPath,
      trunkPort,
      dtmf,
      loadBalancer,
      wssPort,
      certificates,
      lossyEcho,
    );
    await pbx.waitForListening();
    return pbx;
  }

  private static startKamailio(configPath: string, runDir: string): Daemon {
    return Daemon.start('kamailio', 'kamailio', ['-f', configPath, '-DD', '-E', '-m', '64', '-M', '8', '-P', join(runDir, 'kamailio.pid'), '-Y', runDir]);
  }

  private async waitForListening(): Promise<void> {
    await waitUntil(
      async () => {
        if (!this.kamailio.running) throw new Error(`kamailio exited:\n${this.log()}`);
        const gone = this.helpers.find((d) => !d.running);
        if (gone) throw new Error(`${gone.name} exited:\n${gone.lines.map((l) => l.text).join('\n')}`);
        return tcpOpen(this.wsPort);
      },
      10_000,
      'kamailio to listen',
    );
  }

  /** Freezes the SIP server (SIGSTOP): its connections stay open and nothing answers on them. */
  freezeSipServer(): void {
    this.kamailio.signal('SIGSTOP');
  }

  thawSipServer(): void {
    this.kamailio.signal('SIGCONT');
  }

  /** How many bindings `user` had after their latest successful REGISTER, as the registrar counted. */
  bindings(user: string): number | null {
    const counts = this.logLines().flatMap((l) => {
      const match = new RegExp(`BINDINGS sip:${user}@\\S+ (\\d+)`).exec(l);
      return match ? [Number(match[1])] : [];
    });
    return counts.at(-1) ?? null;
  }

  /** Kill the SIP server (not the media helpers), as a crash would. */
  async killSipServer(): Promise<void> {
    await this.kamailio.stop('SIGKILL');
  }

  /** Start the SIP server again on the same ports, with empty registrations. */
  async restartSipServer(): Promise<void> {
    await this.kamailio.stop();
    this.kamailio = TestPbx.startKamailio(this.configPath, this.runDir);
    await this.waitForListening();
  }

  /** SIP requests the server has received so far (from its own log). */
  requests(since = 0): SipRequestSeen[] {
    return this.kamailio.lines
      .filter((l) => l.at >= since)
      .flatMap((l) => {
        const match = /REQ (\S+) (\S+) from/.exec(l.text);
        return match ? [{ at: l.at, method: match[1]!, ruri: match[2]!, text: l.text }] : [];
      });
  }

  /** Resolves with the first request (seen from `since` on) that matches. */
  async waitForRequest(method: string, ruriPattern: RegExp = /.*/, options: { since?: number; timeoutMs?: number } = {}): Promise<SipRequestSeen> {
    const since = options.since ?? 0;
    let found: SipRequestSeen | undefined;
    await waitUntil(
      () => {
        found = this.requests(since).find((r) => r.method === method && ruriPattern.test(r.ruri));
        return found !== undefined;
      },
      options.timeoutMs ?? 10_000,
      `${method} ${ruriPattern} at the PBX`,
    );
    return found!;
  }

  /** Agents connected to a queue right now, as the PBX's log tells (logins minus logouts). */
  queueMembers(extension: string): string[] {
    const members = new Set<string>();
    for (const line of this.kamailio.lines) {
      const match = /QUEUE (LOGIN|LOGOUT) (\S+) (\S+)/.exec(line.text);
      if (match?.[2] !== extension) continue;
      if (match[1] === 'LOGIN') members.add(match[3]!);
      else members.delete(match[3]!);
    }
    return [...members].sort();
  }

  /** The SIP server's log lines (of the running instance) since `since`, a Date.now() value. */
  logLines(since = 0): string[] {
    return this.logEntries(since).map((l) => l.text);
  }

  /** The same, each with the time it was read from the server. */
  logEntries(since = 0): LogLine[] {
    return this.kamailio.lines.filter((l) => l.at >= since);
  }

  log(): string {
    return this.kamailio.lines.map((l: LogLine) => l.text).join('\n');
  }

  async stop(): Promise<void> {
    this.thawSipServer();
    await this.loadBalancer?.stop();
    this.dtmf.close();
    await this.lossyEcho?.stop();
    await this.kamailio.stop();
    for (const helper of this.helpers) await helper.stop();
    rmSync(this.runDir, { recursive: true, force: true });
  }
}

const DBTEXT_SCHEMAS = '/usr/share/kamailio/dbtext/kamailio';

/** The presence modules' tables as db_text files in the run dir (they stay empty: state is kept in memory). */
function presenceTables(runDir: string): void {
  const db = join(runDir, 'db');
  mkdirSync(db);
  for (const table of ['version', 'presentity', 'active_watchers', 'watchers', 'xcap', 'pua']) copyFileSync(join(DBTEXT_SCHEMAS, table), join(db, table));
}

function tlsConfig(certificates: TestCertificates): string {
  return [
    '[server:default]',
    'method = TLSv1.2+',
    'verify_certificate = no',
    'require_certificate = no',
    `private_key = ${certificates.serverKey}`,
    `certificate = ${certificates.serverCertificate}`,
    '',
  ].join('\n');
}

function queueTableLines(queue: PbxQueue): string {
  return [
    `\t$sht(queues=>${queue.extension}) = "${queue.name}";`,
    `\t$sht(queue_login=>${queue.loginCode}) = "${queue.extension}";`,
    `\t$sht(queue_logout=>${queue.logoutCode}) = "${queue.extension}";`,
  ].join('\n');
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
