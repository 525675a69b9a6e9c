/**
 * What keeps a local server from being driven by any web page: the Host must be one this server
 * answers to (DNS rebinding), writes must come from its own origin, need JSON and a custom header
 * (no cross-site form can send them), bodies are bounded, the token is compared in constant time,
 * and responses forbid sniffing and framing.
 */

import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { ForbiddenError, InputError, UnauthorisedError } from "../app/errors.ts";

export const BODY_LIMIT = 1024 * 1024;

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];

export interface HostPolicy {
  /** The address the server listens on, as given to --host. */
  host?: string;
  /** The port it listens on, once known. */
  port?: () => number | undefined;
}

/** Host names (without port) this server answers to: the loopback names, and the configured host. */
export function allowedHostnames(policy: HostPolicy): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const host = policy.host?.toLowerCase();
  if (host && host !== "0.0.0.0" && host !== "::")
    names.add(host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);
  return names;
}

/** Splits `name:port` (or `[v6]:port`) from a Host header. */
function splitHost(value: string): { name: string; port?: string } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match?.[1]) return undefined;
  return match[2] === undefined
    ? { name: match[1].toLowerCase() }
    : { name: match[1].toLowerCase(), port: match[2] };
}

/** Refuses (421) any request whose Host is not this server's own: the defence against DNS rebinding. */
export function hostCheck(policy: HostPolicy): MiddlewareHandler {
  const names = allowedHostnames(policy);
  const anyAddress = policy.host === "0.0.0.0" || policy.host === "::";
  return async (c, next) => {
    // The node adapter builds the URL from the Host header; in-process requests have only the URL.
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    const parsed = host === undefined ? undefined : splitHost(host);
    const port = policy.port?.();
    const portOk = parsed?.port === undefined || port === undefined || Number(parsed.port) === port;
    // On 0.0.0.0 with a token, any name reaching us is accepted: the token is the defence there.
    if (!parsed || !portOk || (!anyAddress && !names.has(parsed.name))) {
      return c.json(
        {
          error: `this server does not answer to the host ${JSON.stringify((host ?? "").slice(0, 100))}; use ${[...names].join(", ")}`,
        },
        421,
      );
    }
    return next();
  };
}

/** Writes: JSON only, the X-MLTeam-Request header, and the server's own origin when a browser says where it came from. */
export const writeCheck: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD" && c.req.method !== "OPTIONS") {
    const origin = c.req.header("origin");
    if (
      origin !== undefined &&
      origin !== `http://${c.req.header("host")}` &&
      origin !== `https://${c.req.header("host")}`
    )
      throw new ForbiddenError(
        `writes from another origin (${JSON.stringify(origin.slice(0, 100))}) are refused`,
      );
    if (c.req.header("sec-fetch-site") === "cross-site")
      throw new ForbiddenError("cross-site writes are refused");
    if (!(c.req.header("content-type") ?? "").startsWith("application/json"))
      return c.json({ error: "send JSON (Content-Type: application/json)" }, 415);
    if (c.req.header("x-mlteam-request") !== "1")
      throw new ForbiddenError("writes need the header X-MLTeam-Request: 1");
  }
  return next();
};

/** Whether two secrets are equal, compared in constant time (their digests, so lengths do not leak). */
export function sameSecret(sent: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

/** Every API call carries the token, compared in constant time. */
export function tokenCheck(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (token !== undefined) {
      const sent = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
      if (!sameSecret(sent, token))
        throw new UnauthorisedError("this server needs its token: send Authorization: Bearer <token>");
    }
    await next();
  };
}

/** C0 control characters (NUL, line breaks, escape…) and DEL: never part of an id, a name or a query. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
const codePoint = (text: string) =>
  `U+${(text.match(CONTROL)?.[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * A path or query that cannot be percent-decoded, or that decodes to a control character, is the
 * client's mistake (400), not a crash nor a database's error.
 */
export const decodableUrl: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  let parts: string[];
  try {
    parts = [
      decodeURIComponent(url.pathname),
      ...url.search
        .slice(1)
        .split("&")
        .map((part) => decodeURIComponent(part.replace(/\+/g, " "))),
    ];
  } catch {
    throw new InputError("the address has a malformed percent-encoding");
  }
  const bad = parts.find((part) => CONTROL.test(part));
  if (bad !== undefined) throw new InputError(`the address holds a control character (${codePoint(bad)})`);
  await next();
};

/** The first string (key or value) of a JSON value holding a control character, with its path. */
function controlIn(value: unknown, path: string): string | undefined {
  if (typeof value === "string") return CONTROL.test(value) ? `${path} (${codePoint(value)})` : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = controlIn(item, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value)) {
      if (CONTROL.test(key)) return `${path} key (${codePoint(key)})`;
      const found = controlIn(item, `${path}.${key}`);
      if (found) return found;
    }
  return undefined;
}

/** A JSON body whose strings hold control characters (a NUL, say) is refused with 400, naming the field. */
export const plainTextBody: MiddlewareHandler = async (c, next) => {
  if ((c.req.header("content-type") ?? "").startsWith("application/json")) {
    let body: unknown;
    try {
      // A copy: the body stays whole for the route (or the team API it is handed to).
      body = JSON.parse(await c.req.raw.clone().text());
    } catch {
      body = undefined; // not JSON: the route's own validation answers
    }
    const found = controlIn(body, "body");
    if (found) throw new InputError(`${found}: control characters are not allowed`);
  }
  await next();
};

export const limitBody = bodyLimit({
  maxSize: BODY_LIMIT,
  onError: (c) => c.json({ error: `the request body is larger than ${BODY_LIMIT / 1024 / 1024} MB` }, 413),
});

export const headers = secureHeaders({
  xFrameOptions: "DENY",
  xContentTypeOptions: "nosniff",
  referrerPolicy: "no-referrer",
  contentSecurityPolicy: { frameAncestors: ["'none'"] },
  crossOriginResourcePolicy: "same-origin",
});
