/**
 * Whether `mlteam org serve` may start on the address it was given (docs/security.md "Transport").
 * The server speaks plain http only; off loopback, tokens and session cookies would cross a network
 * in clear unless TLS is terminated in front of it (a reverse proxy, a load balancer), which the
 * operator says with `--behind-tls-proxy`. Browsers reach the server at `auth.publicUrl`, so that
 * address decides the cookies: plain http is for this machine only. Pure.
 */
import { InputError } from "./errors.ts";

export interface TransportSettings {
  /** The address the server listens on (`--host`). */
  host: string;
  /** `auth.publicUrl`, when the organisation file configures a login. */
  publicUrl?: string;
  /** `--behind-tls-proxy`: the operator terminates TLS in front of the server. */
  behindTlsProxy: boolean;
}

/** Whether `host` (a name, an address, or a URL's hostname with IPv6 in brackets) is this machine. */
export const isLoopbackHost = (host: string): boolean =>
  /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i.test(host);

/** Whether the session cookies are marked Secure: always, but for a plain-http public URL on this machine. */
export function secureCookies(publicUrl: string): boolean {
  const url = new URL(publicUrl);
  return url.protocol !== "http:" || !isLoopbackHost(url.hostname);
}

/**
 * Refuses (InputError) to serve over plain http beyond this machine:
 * - listening off loopback needs `--behind-tls-proxy`;
 * - with a login, `auth.publicUrl` must be https:// when listening off loopback, with
 *   `--behind-tls-proxy`, or when it names another machine; http:// only for loopback on both sides.
 * Returns whether the session cookies are Secure.
 */
export function checkTransport(settings: TransportSettings): { secureCookies: boolean } {
  const { host, publicUrl, behindTlsProxy } = settings;
  const local = isLoopbackHost(host);
  const url = publicUrl === undefined ? undefined : new URL(publicUrl);
  const plain = url !== undefined && url.protocol === "http:";
  if (!local && !behindTlsProxy)
    throw new InputError(
      `serving on ${host} (not loopback) would send ${url ? "session cookies" : "the token"} over plain http: terminate TLS in front of the server (a reverse proxy or load balancer) and pass --behind-tls-proxy${url ? ", with auth.publicUrl https://…" : ""}`,
    );
  if (plain && behindTlsProxy)
    throw new InputError(
      `--behind-tls-proxy: auth.publicUrl is the address browsers use, so it must be https://…, not ${publicUrl}`,
    );
  if (plain && (!local || !isLoopbackHost(url.hostname)))
    throw new InputError(
      `auth.publicUrl ${publicUrl} is plain http beyond this machine: browsers would send the session cookie in clear; terminate TLS in front of the server, make it https://… and pass --behind-tls-proxy when listening off loopback`,
    );
  return { secureCookies: publicUrl === undefined ? true : secureCookies(publicUrl) };
}
