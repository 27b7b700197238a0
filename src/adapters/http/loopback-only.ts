/**
 * For what runs without authentication (the playground, which acts as the admin "Dana"; the Teams
 * endpoint without credentials): answer only this machine. Three checks, because each alone can be
 * got round:
 *
 * - the connection comes from a loopback address (not from the LAN);
 * - the `Host` header names loopback (`localhost`, `127.0.0.1`, `[::1]`, any port), so a web page
 *   elsewhere cannot reach it through DNS rebinding (its requests carry its own host name);
 * - no proxy relayed it (`Forwarded`, `X-Forwarded-For`, `X-Real-IP`): a reverse proxy on this
 *   machine connects from loopback on behalf of anyone.
 */
import type { RequestHandler } from 'express';
import type { Logger } from '../logging/logger.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const RELAY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (`::ffff:127.0.0.1`) on dual-stack sockets. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}

/** `localhost`, `127.0.0.1` or `[::1]`, with or without a port; nothing else. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = /^(\[[^\]]*\]|[^:]*)(:\d{1,5})?$/.exec(host.trim().toLowerCase())?.[1];
  return name !== undefined && LOOPBACK_HOSTS.has(name);
}

/**
 * Refuses (403) every request that is not from this machine to this machine. `what` names the
 * part refused, for the answer and the log.
 */
export function loopbackOnly(what: string, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const relayed = RELAY_HEADERS.some((header) => req.get(header) !== undefined);
    if (isLoopbackAddress(req.socket.remoteAddress) && isLoopbackHost(req.get('host')) && !relayed) return next();
    // The address is the peer's, not a secret; the Host header is cut short, as anyone can send it.
    logger.warn(
      { remoteAddress: req.socket.remoteAddress, host: req.get('host')?.slice(0, 100), relayed, path: req.baseUrl },
      `refused a request to ${what} that did not come from this machine`,
    );
    res
      .status(403)
      .type('text/plain')
      .send(
        `${what} runs without a login, so it answers only on the computer the bot runs on. ` +
          'Open it there as http://localhost:<port>, or connect Slack or Teams for use by other people (see README → Security).',
      );
  };
}
