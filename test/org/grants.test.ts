/** Roles organisation-wide or on one team: how grants are written, what they imply, what groups give. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  covers,
  grantsFromGroups,
  grantText,
  holds,
  parseGrant,
  permissionsOf,
} from "../../src/app/org-grants.ts";

describe("grants", () => {
  it("are written role or role@team, and nothing else parses", () => {
    assert.deepEqual(parseGrant("editor"), { role: "editor" });
    assert.deepEqual(parseGrant("admin@fraud-ml"), { role: "admin", team: "fraud-ml" });
    for (const bad of ["owner", "editor@", "editor@Fraud", "editor@a@b", "", "@fraud"])
      assert.equal(parseGrant(bad), undefined, bad);
    assert.equal(grantText({ role: "viewer", team: "x" }), "viewer@x");
  });

  it("imply the lesser roles, on the same scope only", () => {
    const p = permissionsOf([{ role: "admin", team: "fraud" }, { role: "auditor" }]);
    assert.deepEqual([...p.roles].sort(), ["auditor", "viewer"]);
    assert.ok(holds(p, "editor", "fraud") && holds(p, "viewer", "fraud") && holds(p, "viewer", "retail"));
    assert.ok(!holds(p, "editor", "retail") && !holds(p, "admin"));
    assert.ok(covers(p, { role: "editor", team: "fraud" }));
    assert.ok(!covers(p, { role: "editor" }), "a team's admin is no organisation editor");
  });

  it("come from the groups claim: organisation-wide roles, then each team's", () => {
    const auth = {
      roles: { viewer: ["everyone"], admin: ["ml-admins"] },
      teams: { fraud: { editor: ["fraud-leads"], admin: ["fraud-admins"] }, retail: { viewer: ["shop"] } },
    };
    assert.deepEqual(grantsFromGroups(auth, ["everyone", "fraud-leads"]).map(grantText), [
      "viewer",
      "editor@fraud",
    ]);
    assert.deepEqual(grantsFromGroups(auth, ["marketing"]), []);
  });
});
