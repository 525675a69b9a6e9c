import assert from "node:assert/strict";
import { test } from "node:test";
import { parseMailmap } from "../../src/evidence/mailmap.ts";

// The examples of gitmailmap(5), and the cases git's own t4203-mailmap.sh exercises.
const MAILMAP = `
# Keep alphabetized
Joe Developer <joe@example.com>
<cto@company.xx>                       <cto@coompany.xx>
Other Author <other@author.xx>         nick2 <bugs@company.xx>
Other Author <other@author.xx>         <nick2@company.xx>
Santa Claus <santa.claus@northpole.xx> <me@company.xx>   # trailing comment
Jane Doe <jane@example.com> jane <JANE@desktop.(none)>
`;

test(".mailmap: the four forms of gitmailmap(5)", () => {
  const map = parseMailmap(MAILMAP);
  assert.equal(map.size, 6);
  // Proper Name <commit@email>: the name only.
  assert.deepEqual(map.map("joe", "joe@example.com"), { name: "Joe Developer", email: "joe@example.com" });
  // <proper@email> <commit@email>: the e-mail only.
  assert.deepEqual(map.map("The CTO", "cto@coompany.xx"), { name: "The CTO", email: "cto@company.xx" });
  // Proper Name <proper@email> <commit@email>: both, whatever the commit name.
  assert.deepEqual(map.map("Anyone", "nick2@company.xx"), { name: "Other Author", email: "other@author.xx" });
  assert.deepEqual(map.map("me", "ME@company.xx"), {
    name: "Santa Claus",
    email: "santa.claus@northpole.xx",
  });
  // Proper Name <proper@email> Commit Name <commit@email>: only that name with that e-mail.
  assert.deepEqual(map.map("nick2", "bugs@company.xx"), { name: "Other Author", email: "other@author.xx" });
  assert.deepEqual(map.map("nick1", "bugs@company.xx"), { name: "nick1", email: "bugs@company.xx" });
  // Names and e-mails match without regard to case.
  assert.deepEqual(map.map("JANE", "jane@desktop.(none)"), { name: "Jane Doe", email: "jane@example.com" });
  // Not listed: unchanged.
  assert.deepEqual(map.map("Ann", "ann@x.org"), { name: "Ann", email: "ann@x.org" });
});

test(".mailmap: a name-specific entry wins over an e-mail-only one, and junk lines are skipped", () => {
  const map = parseMailmap(
    [
      "A Person <a@x.org> <shared@x.org>",
      "B Person <b@x.org> bee <shared@x.org>",
      "not a mailmap line",
      "",
    ].join("\n"),
  );
  assert.equal(map.size, 2);
  // As git reads it (git/git's own .mailmap has such lines): Proper Name <email> Commit Name.
  const accents = parseMailmap("Christopher Díaz Riveros <chrisadr@gentoo.org> Christopher Diaz Riveros\n");
  assert.deepEqual(accents.map("Christopher Diaz Riveros", "chrisadr@gentoo.org"), {
    name: "Christopher Díaz Riveros",
    email: "chrisadr@gentoo.org",
  });
  assert.deepEqual(accents.map("C. D. R.", "chrisadr@gentoo.org"), {
    name: "C. D. R.",
    email: "chrisadr@gentoo.org",
  });
  assert.deepEqual(map.map("bee", "shared@x.org"), { name: "B Person", email: "b@x.org" });
  assert.deepEqual(map.map("someone", "shared@x.org"), { name: "A Person", email: "a@x.org" });
});
