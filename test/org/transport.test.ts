/**
 * When `mlteam org serve` may start (src/app/org-transport.ts): plain http only on this machine;
 * off loopback only with --behind-tls-proxy, and then a login's public URL must be https.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../src/app/errors.ts";
import { checkTransport, secureCookies } from "../../src/app/org-transport.ts";

const refused = (pattern: RegExp) => (error: unknown) =>
  error instanceof InputError && pattern.test(error.message);

describe("org serve's transport rule", () => {
  it("on loopback: plain http to this machine, with or without a login", () => {
    assert.deepEqual(checkTransport({ host: "127.0.0.1", behindTlsProxy: false }), { secureCookies: true });
    for (const publicUrl of ["http://127.0.0.1:4174", "http://localhost:4174/", "http://[::1]:4174"])
      assert.deepEqual(checkTransport({ host: "localhost", publicUrl, behindTlsProxy: false }), {
        secureCookies: false,
      });
    assert.deepEqual(
      checkTransport({ host: "::1", publicUrl: "https://mlteam.example.com", behindTlsProxy: false }),
      { secureCookies: true },
    );
  });

  it("off loopback without --behind-tls-proxy: refused, whatever the public URL", () => {
    for (const publicUrl of [undefined, "http://mlteam.example.com", "https://mlteam.example.com"])
      assert.throws(
        () => checkTransport({ host: "0.0.0.0", ...(publicUrl ? { publicUrl } : {}), behindTlsProxy: false }),
        refused(/serving on 0\.0\.0\.0 \(not loopback\).*plain http.*--behind-tls-proxy/),
      );
    assert.throws(
      () => checkTransport({ host: "10.1.2.3", behindTlsProxy: false }),
      refused(/would send the token over plain http/),
    );
  });

  it("--behind-tls-proxy: off loopback, with an https public URL (Secure cookies) or a token", () => {
    assert.deepEqual(
      checkTransport({ host: "0.0.0.0", publicUrl: "https://mlteam.example.com", behindTlsProxy: true }),
      { secureCookies: true },
    );
    assert.deepEqual(checkTransport({ host: "0.0.0.0", behindTlsProxy: true }), { secureCookies: true });
    for (const host of ["0.0.0.0", "127.0.0.1"])
      assert.throws(
        () => checkTransport({ host, publicUrl: "http://mlteam.example.com", behindTlsProxy: true }),
        refused(/--behind-tls-proxy: auth\.publicUrl .* must be https/),
      );
  });

  it("a plain-http public URL naming another machine is refused even on loopback", () => {
    assert.throws(
      () =>
        checkTransport({ host: "127.0.0.1", publicUrl: "http://mlteam.example.com", behindTlsProxy: false }),
      refused(/auth\.publicUrl http:\/\/mlteam\.example\.com is plain http beyond this machine/),
    );
  });

  it("session cookies are Secure but for plain http on this machine", () => {
    assert.equal(secureCookies("https://mlteam.example.com"), true);
    assert.equal(secureCookies("https://127.0.0.1:4174"), true);
    assert.equal(secureCookies("http://mlteam.example.com"), true, "fails closed: no cookie sent in clear");
    assert.equal(secureCookies("http://127.0.0.1:4174"), false);
  });
});
