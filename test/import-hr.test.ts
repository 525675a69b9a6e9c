import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { CATALOG } from "../src/catalog/index.ts";
import { importCsvRoster } from "../src/importers/csv-roster.ts";
import { dayOrder, employmentOf, hrDate } from "../src/importers/hr-fields.ts";
import { matchPeople } from "../src/importers/merge-model.ts";
import { importScim } from "../src/importers/scim.ts";
import { setEntryFields } from "../src/model/yaml-edit.ts";
import { TODAY } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..");
const FIXTURES = join(ROOT, "test", "fixtures", "hr");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const tmp = mkdtempSync(join(tmpdir(), "mlteam-import-hr-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** The CLI from its sources (no build needed). */
function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src", "cli", "main.ts"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", MLTEAM_TODAY: TODAY },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const csv = (name: string) => importCsvRoster(fixture(name), CATALOG.roles, CATALOG.competencies);
const facts = (people: ReturnType<typeof csv>["people"]) =>
  people.map((p) => [p.id, p.reportsTo, p.joined, p.leaves, p.employment]);

describe("HR values", () => {
  it("reads dates as Workday, BambooHR and HiBob write them", () => {
    assert.equal(hrDate("2019-09-16-07:00"), "2019-09-16");
    assert.equal(hrDate("2019-09-16T00:00:00.000Z"), "2019-09-16");
    assert.equal(hrDate("09/16/2019"), "2019-09-16");
    assert.equal(hrDate("16/09/2019", "dmy"), "2019-09-16");
    assert.equal(hrDate("16-Sep-2019"), "2019-09-16");
    assert.equal(hrDate("Sep 16, 2019"), "2019-09-16");
    assert.equal(hrDate("31/02/2019", "dmy"), undefined);
    assert.equal(hrDate("soon"), undefined);
    assert.equal(dayOrder(["03/04/2018", "16/09/2019"]), "dmy");
    assert.equal(dayOrder(["04/03/2018", "09/16/2019"]), "mdy");
    assert.equal(dayOrder(["04/03/2018"]), "ambiguous");
  });

  it("reads worker and employment types", () => {
    assert.deepEqual(
      [
        "Contingent Worker",
        "Contractor",
        "Intern",
        "Freelancer",
        "Agency",
        "Full-Time",
        "Permanent",
        "Terminated",
      ].map(employmentOf),
      ["contractor", "contractor", "contractor", "contractor", "vendor", "employee", "employee", undefined],
    );
  });
});

describe("HR exports without --map", () => {
  it("Workday: Worker, Email - Work, Business Title, Supervisory Organization, Manager, Worker Type, dates with a time zone", () => {
    const imported = csv("workday-workers.csv");
    assert.deepEqual(facts(imported.people), [
      ["maya.lindqvist", undefined, "2018-04-03", undefined, undefined],
      ["ana.costa", "maya.lindqvist", "2019-09-16", undefined, undefined],
      ["bo.chen", "maya.lindqvist", "2020-01-06", undefined, undefined],
      ["cy.moss", "bo.chen", "2023-02-01", "2025-01-31", "contractor"],
      ["di.ray", "ana.costa", "2021-06-14", undefined, undefined],
      ["eli.novak", "bo.chen", "2022-11-07", "2025-03-14", undefined],
      ["fay.okafor", "ana.costa", "2024-06-03", "2024-12-20", "contractor"],
      ["gus.ortega", "maya.lindqvist", "2017-03-01", undefined, undefined],
    ]);
    // The supervisory organisation without the manager Workday names in it.
    assert.deepEqual(
      imported.teams.map((t) => [t.id, t.name, t.members]),
      [
        ["data-ai", "Data & AI", ["maya.lindqvist", "gus.ortega"]],
        ["data-science", "Data Science", ["ana.costa", "di.ray", "fay.okafor"]],
        ["ml-platform", "ML Platform", ["bo.chen", "cy.moss", "eli.novak"]],
      ],
    );
    assert.deepEqual(imported.summary?.unknownColumns, ["Job Profile", "Time Type", "Location"]);
    assert.equal(imported.summary?.unmapped.length, 3);
    assert.match(
      imported.summary?.unmapped[2] ?? "",
      /^"Chief Vibes Officer": would guess executive-sponsor \(closest: "chief ai officer"\), but the title is not one of its aliases/,
    );
  });

  it("BambooHR: Employment Status, US dates, 'Last, First' managers; a duplicate row and a manager matching nobody are named", () => {
    const imported = csv("bamboohr-employees.csv");
    assert.equal(imported.people.length, 7, "8 rows, one of them a second row of Cy Moss");
    assert.deepEqual(facts(imported.people), [
      ["maya", undefined, "2018-04-03", undefined, undefined],
      ["ana", "maya", "2019-09-16", undefined, undefined],
      ["bo", "maya", "2020-01-06", undefined, undefined],
      ["cy", "bo", "2023-02-01", undefined, "contractor"],
      ["di", "ana", "2021-06-14", undefined, undefined],
      ["fay", "ana", "2024-06-03", undefined, "contractor"],
      ["hal", undefined, "2022-11-07", undefined, undefined],
    ]);
    assert.ok(
      imported.notes.includes(
        "rows 5 and 8 are one person (Cy Moss, same e-mail): read as one, the later row filling in what the first left empty",
      ),
    );
    assert.ok(
      imported.notes.includes(
        'row 9 (Hal Berg): manager "Jones, Pat" matches nobody in the file; reportsTo left out',
      ),
    );
    assert.deepEqual((imported.people[0] as Record<string, unknown>)["x-employee-id"], "101");
  });

  it("HiBob: Display name, Reports to by display name, European dates, Employment type", () => {
    const imported = csv("hibob-people.csv");
    assert.deepEqual(facts(imported.people), [
      ["maya", undefined, "2018-04-03", undefined, undefined],
      ["ana", "maya", "2019-09-16", undefined, undefined],
      ["bo", "maya", "2020-01-06", undefined, undefined],
      ["cy", "bo", "2023-02-01", "2025-01-31", "contractor"],
      ["di", "ana", "2021-06-14", undefined, undefined],
      ["fay", "ana", "2024-06-03", "2024-12-20", "contractor"],
    ]);
    assert.deepEqual(
      imported.teams.map((t) => t.id),
      ["data", "data-science", "ml-platform"],
    );
  });

  it("--map accepts every model field; a header it does not know names what it used and ignored", () => {
    const mapped = importCsvRoster(
      "Associate,Started,Gone,Org,GH,Commits as,Level,Mails\nAda,2020-01-02,2026-01-31,ML,ada-l,ada@home.example,80%,ada@x.org\n",
      CATALOG.roles,
      CATALOG.competencies,
      {
        map: {
          Associate: "name",
          Started: "joined",
          Gone: "leaves",
          Org: "team",
          GH: "handle",
          "Commits as": "git",
          Level: "capacity",
          Mails: "emails",
        },
      },
    );
    assert.deepEqual(mapped.people, [
      {
        id: "ada",
        name: "Ada",
        emails: ["ada@x.org"],
        handle: "@ada-l",
        git: ["ada@home.example"],
        capacity: 80,
        joined: "2020-01-02",
        leaves: "2026-01-31",
      },
    ]);
    assert.throws(
      () =>
        importCsvRoster("A,B\n1,2\n", CATALOG.roles, CATALOG.competencies, {
          map: { A: "name", B: "salary" },
        }),
      /--map b=salary: salary is not a field \(name, email, title, id, handle, git, roles, reportsTo, capacity, employment, team, joined, leaves, skill:<competency>, or x-…\)/,
    );
    assert.deepEqual(mapped.teams[0]?.members, ["ada"]);
    assert.throws(
      () => importCsvRoster("Badge,Site,Email\n1,Lisbon,a@x\n", CATALOG.roles, CATALOG.competencies),
      /no column identifies people: the headers are "Badge", "Site", "Email";.*Used: "Email" → email; ignored: "Badge", "Site"/,
    );
  });
});

describe("SCIM", () => {
  it("a ListResponse as Okta and Entra ID send it: people, teams, managers, leavers", () => {
    const imported = importScim(fixture("scim-list-response.json"), CATALOG.roles);
    assert.deepEqual(
      imported.people.map((p) => [p.id, p.emails?.[0], p.reportsTo, p.employment, p.leaves]),
      [
        ["maya.lindqvist", "maya.lindqvist@acme.example", undefined, undefined, undefined],
        ["ana.costa", "ana.costa@acme.example", "maya.lindqvist", undefined, undefined],
        ["bo.chen", "bo.chen@acme.example", "maya.lindqvist", undefined, undefined],
        ["cy.moss", "cy.moss@acme.example", "bo.chen", "contractor", "2025-01-31"],
        ["di.ray", "di.ray@acme.example", undefined, undefined, undefined],
      ],
    );
    assert.deepEqual(imported.people[1]?.emails, ["ana.costa@acme.example", "ana@acme.example"]);
    assert.deepEqual(
      imported.teams.map((t) => [t.id, t.members]),
      [
        ["ml-platform", ["bo.chen", "cy.moss"]],
        ["data-science", ["ana.costa", "di.ray"]],
      ],
    );
    assert.deepEqual(imported.notes, [
      "di.ray@acme.example is inactive but the document gives no date: set leaves by hand",
      '$.Resources[4] (di.ray@acme.example): manager "00u-nobody" is no User of the document; reportsTo left out',
      "$.Resources[6].members[2] (ML Platform): a nested group is not read; left out of Data Science",
    ]);
  });

  it("a document that is not a ListResponse is refused with its JSON path", () => {
    assert.throws(
      () => importScim('{"schemas":["urn:x"],"totalResults":1}', CATALOG.roles),
      /^ScimError: \$\.schemas: must include/,
    );
    assert.throws(
      () =>
        importScim(
          JSON.stringify({
            schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
            totalResults: 1,
            Resources: [{ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], id: "u1", emails: [{}] }],
          }),
          CATALOG.roles,
        ),
      /\$\.Resources\[0\]\.userName: .*\(a SCIM User\)/,
    );
    const file = join(tmp, "not-scim.json");
    writeFileSync(file, '{"Resources": 3}');
    const r = run(["import", file, "--from", "scim"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not-scim\.json: \$\.schemas: /);
  });
});

describe("matching people", () => {
  it("by id, then any e-mail, then handle, then full name", () => {
    const existing = [
      { id: "ana", name: "Ana Costa" },
      { id: "bo", name: "Bo", emails: ["b@x", "bo.chen@x"] },
      { id: "cy", name: "Cy", handle: "@cymoss" },
      { id: "di", name: "Di Ray" },
    ];
    const incoming = [
      { id: "ana", name: "Someone" },
      { id: "b", name: "B", emails: ["BO.CHEN@x"] },
      { id: "c", name: "C", handle: "cymoss" },
      { id: "d", name: "di ray" },
      { id: "e", name: "Eve" },
    ];
    const matches = matchPeople(existing, incoming);
    assert.deepEqual(
      incoming.map((p) => [matches.get(p)?.existing.id, matches.get(p)?.by]),
      [
        ["ana", "id"],
        ["bo", "e-mail"],
        ["cy", "handle"],
        ["di", "name"],
        [undefined, undefined],
      ],
    );
  });
});

/** A model split across files: people in an included file (with comments), a RACI row in another. */
function splitModel(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, "team"), { recursive: true });
  writeFileSync(
    join(dir, "mlteam.yaml"),
    "# The Data & AI team\norganisation: { name: Acme, stage: scaling }\ninclude: [team/people.yaml, team/raci.yaml]\n",
  );
  writeFileSync(
    join(dir, "team", "people.yaml"),
    [
      "people:",
      "  # the head of the group",
      "  - id: maya",
      "    name: Maya Lindqvist",
      "    emails: [maya.lindqvist@acme.example] # work",
      "    roles: [group-manager]",
      "  - id: ana",
      "    name: Ana Costa # spelled as she does",
      "    roles: [data-scientist]",
      "",
    ].join("\n"),
  );
  writeFileSync(
    join(dir, "team", "raci.yaml"),
    "raci:\n  # who runs the pipelines\n  - { activity: ci-cd-pipeline, A: maya, R: ana }\n",
  );
  return dir;
}

describe("import --into a model split across files", () => {
  it("adds only the new the first time, updates people in their own file, and changes no byte the second time", () => {
    const dir = splitModel("workday");
    const model = join(dir, "mlteam.yaml");
    const people = join(dir, "team", "people.yaml");
    const first = run(["import", join(FIXTURES, "workday-workers.csv"), "--from", "csv", "--into", model]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /matched Maya Lindqvist → maya \(by e-mail\)/);
    assert.match(first.stderr, /matched Ana Costa → ana \(by name\)/);
    assert.match(
      first.stdout,
      /added 9 \(person bo.chen, person cy.moss, person di.ray, person eli.novak, person fay.okafor, person gus.ortega, team data-ai, team data-science, team ml-platform\)/,
    );
    const text = readFileSync(people, "utf8");
    assert.match(text, /^people:\n {2}# the head of the group\n {2}- id: maya\n/);
    assert.match(text, /name: Ana Costa # spelled as she does/);
    assert.match(text, /- id: ana\n(?: {4,}.*\n)*? {4}reportsTo: maya\n {4}joined: 2019-09-16\n/);
    assert.equal((text.match(/Ana Costa/g) ?? []).length, 1, "Ana is updated, not added again");
    assert.equal(
      readFileSync(model, "utf8").includes("people:"),
      false,
      "new people go where the people are",
    );
    assert.equal(run(["validate", model]).code, 0);
    const before = [model, people, join(dir, "team", "raci.yaml")].map((f) => readFileSync(f, "utf8"));
    const second = run(["import", join(FIXTURES, "workday-workers.csv"), "--from", "csv", "--into", model]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /added 0; updated 0/);
    assert.deepEqual(
      [model, people, join(dir, "team", "raci.yaml")].map((f) => readFileSync(f, "utf8")),
      before,
    );
  });

  it("--dry-run prints a diff and writes nothing", () => {
    const dir = splitModel("dry");
    const people = join(dir, "team", "people.yaml");
    const before = readFileSync(people, "utf8");
    const r = run([
      "import",
      join(FIXTURES, "scim-list-response.json"),
      "--from",
      "scim",
      "--into",
      join(dir, "mlteam.yaml"),
      "--dry-run",
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^--- .*people\.yaml\n\+\+\+ /m);
    assert.match(r.stdout, /^\+ {2}- id: bo\.chen$/m);
    assert.match(r.stdout, /dry run: nothing written/);
    assert.equal(readFileSync(people, "utf8"), before);
  });

  it("a SCIM ListResponse twice, into the model's directory: the second run changes nothing", () => {
    const dir = splitModel("scim");
    const files = [
      join(dir, "mlteam.yaml"),
      join(dir, "team", "people.yaml"),
      join(dir, "team", "raci.yaml"),
    ];
    const scim = join(FIXTURES, "scim-list-response.json");
    const first = run(["import", scim, "--from", "scim", "--into", dir]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /matched Maya Lindqvist → maya \(by e-mail\)/);
    assert.match(first.stderr, /matched Ana Costa → ana \(by name\)/);
    assert.match(
      first.stdout,
      /added 5 \(person bo\.chen, person cy\.moss, person di\.ray, team ml-platform, team data-science\)/,
    );
    const people = readFileSync(files[1] as string, "utf8");
    assert.match(people, /- id: cy\.moss\n(?: {4,}.*\n)*? {4}leaves: 2025-01-31\n/);
    assert.match(readFileSync(files[0] as string, "utf8"), /teams:\n {2}- id: ml-platform\n/);
    assert.equal(run(["validate", dir]).code, 0);
    const before = files.map((f) => readFileSync(f, "utf8"));
    const second = run(["import", scim, "--from", "scim", "--into", dir]);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(
      files.map((f) => readFileSync(f, "utf8")),
      before,
    );
  });

  it("an import that would break the model writes nothing and exits 2 with located problems", () => {
    const dir = splitModel("broken");
    const people = join(dir, "team", "people.yaml");
    const before = readFileSync(people, "utf8");
    const roster = join(dir, "roster.csv");
    // A new person holding a role no catalog has: the merged model does not validate.
    writeFileSync(roster, "Name,Email,Roles\nBo Chen,bo@acme.example,no-such-role\n");
    const r = run(["import", roster, "--from", "csv", "--into", join(dir, "mlteam.yaml")]);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /the import would make the model invalid; nothing was written/);
    assert.match(
      r.stderr,
      /people\.yaml:\d+:\d+ +error +people\[\d\]\.roles\[0\]: unknown role "no-such-role"/,
    );
    assert.equal(readFileSync(people, "utf8"), before);
  });

  it("CODEOWNERS into a model whose included file already has the activity's RACI row adds no second row", () => {
    const dir = splitModel("codeowners");
    writeFileSync(
      join(dir, "team", "people.yaml"),
      "people:\n  - { id: maya, name: Maya, handle: '@maya', roles: [group-manager] }\n  - { id: ana, name: Ana, handle: '@ana', roles: [data-scientist] }\n",
    );
    const owners = join(dir, "CODEOWNERS");
    writeFileSync(owners, "/monitoring/ @ana\n.github/workflows/ @maya\n");
    const raci = join(dir, "team", "raci.yaml");
    const before = readFileSync(raci, "utf8");
    const r = run(["import", owners, "--from", "codeowners", "--into", join(dir, "mlteam.yaml")]);
    assert.equal(r.code, 0, r.stderr);
    const model = readFileSync(join(dir, "mlteam.yaml"), "utf8");
    const all = model + readFileSync(raci, "utf8");
    assert.equal((all.match(/activity: ci-cd-pipeline/g) ?? []).length, 1);
    assert.match(r.stdout, /skipped 1: RACI row for ci-cd-pipeline \(already in .*raci\.yaml\)/);
    assert.match(all, /activity: monitoring-setup/);
    assert.ok(readFileSync(raci, "utf8").startsWith(before), "the existing rows are kept as written");
  });
});

describe("setEntryFields", () => {
  it("sets fields of an entry keeping comments, the other entries' lines and CRLF", () => {
    const text = [
      "people:",
      "  # first",
      "  - id: ana # Ana",
      "    name: Ana",
      "    capacity: 80 # part time",
      "  - { id: bo, name: Bo }",
      "",
    ].join("\r\n");
    const edited = setEntryFields(text, [
      { path: ["people", 0], set: { capacity: 60, joined: "2020-01-02" } },
      { path: ["people", 1], set: { emails: ["bo@x.org"] } },
    ]);
    assert.equal(
      edited,
      [
        "people:",
        "  # first",
        "  - id: ana # Ana",
        "    name: Ana",
        "    capacity: 60 # part time",
        "    joined: 2020-01-02",
        "  - { id: bo, name: Bo, emails: [ bo@x.org ] }",
        "",
      ].join("\r\n"),
    );
  });
});
