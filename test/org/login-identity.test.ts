/**
 * Who an ID token names (src/app/org-sign-in.ts): the provider's (issuer, sub) pair, in the subject
 * form `sub:<sub>@<issuer without its scheme>`, and the e-mail only when the provider verified it.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UnauthorisedError } from "../../src/app/errors.ts";
import { loginIdentity, subjectOfSub } from "../../src/app/org-sign-in.ts";

const ISSUER = "https://login.example.com/realms/acme";

describe("a login's identity", () => {
  it("the subject form keeps the issuer's host, port and path, without the scheme and trailing slash", () => {
    assert.equal(subjectOfSub(ISSUER, "f81d4fae"), "sub:f81d4fae@login.example.com/realms/acme");
    assert.equal(subjectOfSub("https://accounts.google.com/", "1234"), "sub:1234@accounts.google.com");
    assert.equal(subjectOfSub("http://127.0.0.1:9000", "ada"), "sub:ada@127.0.0.1:9000");
  });

  it("uses the e-mail only when email_verified is true and it is a plain address", () => {
    const at = (claims: Record<string, unknown>) => loginIdentity(ISSUER, { sub: "u1", ...claims });
    assert.equal(at({ email: "ada@acme.example", email_verified: true }).verifiedEmail, "ada@acme.example");
    assert.equal(at({ email: "ada@acme.example", email_verified: "true" }).verifiedEmail, "ada@acme.example");
    assert.equal(at({ email: "ada@acme.example", email_verified: false }).verifiedEmail, undefined);
    assert.equal(at({ email: "ada@acme.example" }).verifiedEmail, undefined);
    assert.equal(at({ preferred_username: "ada@acme.example" }).verifiedEmail, undefined);
    assert.equal(
      at({ email: "sub:x@login.example.com", email_verified: true }).verifiedEmail,
      undefined,
      "never something that reads as a subject form",
    );
    const who = at({ email: "ada@acme.example", email_verified: true, iss: ISSUER });
    assert.deepEqual(who, {
      issuer: ISSUER,
      sub: "u1",
      subForm: "sub:u1@login.example.com/realms/acme",
      verifiedEmail: "ada@acme.example",
    });
  });

  it("refuses a token from another issuer or without a subject", () => {
    assert.throws(() => loginIdentity(ISSUER, { sub: "u1", iss: "https://evil.example" }), UnauthorisedError);
    assert.throws(() => loginIdentity(ISSUER, { sub: "" }), UnauthorisedError);
  });
});
