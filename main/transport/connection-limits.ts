/**
 * Bounds on what local clients can hold open on the loopback server. Every socket is a file descriptor of the
 * agent, and past 1,024 of them the keychain library's `select()` stops working; so connections are capped. At the
 * cap a new client is still served: the oldest connection doing nothing (never sent a request, or idle between
 * keep-alive requests) is closed to make room, so idle sockets cannot lock anyone out.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Open connections at most; far below 1,024 so the process keeps descriptors for its own work. */
  maxConnections: number;
  /** Open event streams at most (each holds a connection for as long as the client likes). */
  maxStreams: number;
}

/** The limits unless told: room for a browser tab or two and scripts, nowhere near the descriptor limit. */
export const defaultConnectionLimits: ConnectionLimits = { maxConnections: 256, maxStreams: 16 };

/** Server timeouts: a request's headers and whole body must arrive quickly; an idle keep-alive closes soon. */
export interface ServerTimeouts {
  /** A request's headers must arrive within this. */
  headersTimeoutMs: number;
  /** A request's headers and whole body must arrive within this (Node counts receiving only, never the answer). */
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** No byte either way for this long closes a socket with no request in flight. */
  idleTimeoutMs: number;
}

/** The timeouts unless told (tests shorten them). */
export const serverTimeouts: ServerTimeouts = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
};

/** Tracks a server's sockets, evicts idle ones at the cap and counts event streams. */
export class ConnectionGuard {
  /** Every open socket with its requests in flight; a Map keeps insertion order, so the first is the oldest. */
  private readonly sockets = new Map<Socket, number>();
  private streams = 0;

  constructor(
    server: Server,
    private readonly limits: ConnectionLimits = defaultConnectionLimits,
    timeouts: ServerTimeouts = serverTimeouts,
  ) {
    server.headersTimeout = timeouts.headersTimeoutMs;
    server.requestTimeout = timeouts.requestTimeoutMs;
    server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
    server.timeout = timeouts.idleTimeoutMs;
    server.on('connection', (socket: Socket) => this.admit(socket));
    server.on('request', (req: { socket: Socket }, res: { once(e: 'close', f: () => void): void }) => {
      const socket = req.socket;
      this.sockets.set(socket, (this.sockets.get(socket) ?? 0) + 1);
      // A socket waiting for its answer is not idle: a first sync can take minutes, and "Sync now" must get its
      // answer. The request itself still had to arrive within requestTimeout; once the answer is sent, Node arms
      // the keep-alive timeout again.
      socket.setTimeout(0);
      res.once('close', () => {
        const busy = this.sockets.get(socket);
        if (busy !== undefined) this.sockets.set(socket, Math.max(0, busy - 1));
      });
    });
  }

  /** How many connections are open now. */
  get size(): number {
    return this.sockets.size;
  }

  /** How many event streams are open now. */
  get streamCount(): number {
    return this.streams;
  }

  /** Takes an event-stream slot; false when all are in use. Give it back with `releaseStream`. */
  takeStream(): boolean {
    if (this.streams >= this.limits.maxStreams) return false;
    this.streams += 1;
    return true;
  }

  releaseStream(): void {
    this.streams = Math.max(0, this.streams - 1);
  }

  /** Closes every socket (on shutdown). */
  destroyAll(): void {
    for (const socket of this.sockets.keys()) socket.destroy();
  }

  private admit(socket: Socket): void {
    if (this.sockets.size >= this.limits.maxConnections && !this.evictIdle()) {
      socket.destroy();
      return;
    }
    this.sockets.set(socket, 0);
    socket.once('close', () => this.sockets.delete(socket));
  }

  private evictIdle(): boolean {
    for (const [socket, busy] of this.sockets) {
      if (busy > 0) continue;
      this.sockets.delete(socket);
      socket.destroy();
      return true;
    }
    return false;
  }
}
