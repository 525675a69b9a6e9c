/**
 * `org sync` and the organisation API on three real team repositories (the bundled examples, each
 * committed in a repository of its own), plus a broken source and a remote one (file:// URL).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { checkTeam } from "../../src/app/check-team.ts";
import { gitEvidence } from "../../src/app/evidence.ts";
import { organisationFindingsNow, organisationTeams } from "../../src/app/org-overview.ts";
import { syncOrganisation } from "../../src/app/org-sync.ts";
import { fsHost } from "../../src/io/fs-host.ts";
import { parseOrgConfig } from "../../src/org/config.ts";
import { createApp } from "../../src/server/app.ts";
import { createOrgApp } from "../../src/server/org/app.ts";
import { openOrgStore } from "../../src/store/org-store.ts";
import { TODAY } from "../helpers.ts";
import { BIN, commit, git, teamRepo as repoOf } from "./team-repos.ts";

const scratch = mkdtempSync(join(tmpdir(), "mlteam-org-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const teamRepo = (example: string, name = example) => repoOf(scratch, example, name);

const ORG = (extra = "") => `name: Acme ML
sources:
  - repo: fraud
  - { repo: platform, branch: main }
  - repo: retail
${extra}`;

describe("the organisation", () => {
  teamRepo("meghan-story", "fraud");
  teamRepo("central-platform", "platform");
  teamRepo("embedded-platform", "retail");
  const now = () => "2026-11-30T12:00:00.000Z";

  it("syncs three team repositories; each snapshot is what `mlteam doctor` says of that model", async () => {
    const parsed = parseOrgConfig(join(scratch, "mlteam-org.yaml"), ORG());
    assert.ok(parsed.ok);
    const store = await openOrgStore(join(scratch, "one", "org.db"));
    const outcomes = await syncOrganisation({
      config: parsed.config,
      store,
      dataDir: scratch,
      today: TODAY,
      now,
    });
    assert.deepEqual(
      outcomes.map((o) => [o.id, o.status]),
      [
        ["fraud", "synced"],
        ["platform", "synced"],
        ["retail", "synced"],
      ],
    );
    const teams = await organisationTeams(store);
    assert.equal(teams.length, 3);
    for (const team of teams) {
      const doctor = await checkTeam(join(scratch, team.id, "mlteam.yaml"), {
        host: fsHost,
        today: TODAY,
        evidence: "never",
      });
      assert.equal(team.score, doctor.score?.overall, team.id);
      assert.equal(team.counts.error, doctor.doctor?.findings.filter((f) => f.severity === "error").length);
      assert.equal(team.commit, git(join(scratch, team.id), "rev-parse", "HEAD").trim());
    }
    // Again: every head is known, nothing is checked again.
    const again = await syncOrganisation({
      config: parsed.config,
      store,
      dataDir: scratch,
      today: TODAY,
      now,
    });
    assert.deepEqual(
      again.map((o) => o.status),
      ["unchanged", "unchanged", "unchanged"],
    );

    // A new commit in one repository changes that team only, and its history has two points; a team
    // is shown by its own name (its model's team), never by the organisation's name all teams share.
    const fraud = join(scratch, "fraud");
    const model = readFileSync(join(fraud, "mlteam.yaml"), "utf8");
    writeFileSync(join(fraud, "mlteam.yaml"), model.replace(/name: Data & ML/, "name: Fraud data science"));
    commit(fraud, "rename");
    const third = await syncOrganisation({
      config: parsed.config,
      store,
      dataDir: scratch,
      today: TODAY,
      now,
    });
    assert.deepEqual(
      third.map((o) => o.status),
      ["synced", "unchanged", "unchanged"],
    );
    assert.equal((await store.history("fraud")).length, 2);
    assert.equal((await store.history("platform")).length, 1);
    assert.equal((await organisationTeams(store)).find((t) => t.id === "fraud")?.name, "Fraud data science");
    await store.close();
  });

  it("backfills a team's history on its first sync: one point per commit that changed its model", async () => {
    const own = mkdtempSync(join(tmpdir(), "mlteam-backfill-"));
    const dir = join(own, "three-commits");
    cpSync(join(import.meta.dirname, "..", "..", "examples", "meghan-story"), dir, { recursive: true });
    git(dir, "init", "-q", "-b", "main");
    commit(dir, "the team model");
    const file = join(dir, "mlteam.yaml");
    for (const name of ["Data and ML", "Data & ML team"]) {
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace(/name: Data (&|and) ML( team)?$/m, `name: ${name}`),
      );
      commit(dir, `rename to ${name}`);
    }
    // A commit that does not touch the model is no point.
    writeFileSync(join(dir, "README.md"), "notes\n");
    commit(dir, "notes");
    const parsed = parseOrgConfig(
      join(own, "org.yaml"),
      "name: O\nsources:\n  - { repo: ./three-commits }\n",
    );
    assert.ok(parsed.ok);
    const store = await openOrgStore(join(own, "org.db"));
    try {
      await syncOrganisation({
        config: parsed.config,
        store,
        dataDir: own,
        today: TODAY,
        now,
      });
      const history = await store.history("three-commits");
      // Three points (the commits are made within one second, so their order here is by name).
      assert.deepEqual(history.map((s) => s.name).sort(), ["Data & ML", "Data & ML team", "Data and ML"]);
      assert.ok(history.some((s) => s.commit === git(dir, "rev-parse", "HEAD").trim()));
    } finally {
      await store.close();
      rmSync(own, { recursive: true, force: true });
    }
  });

  it("checks a model that lists its own repository with that repository's evidence, as the doctor does", async () => {
    const dir = teamRepo("meghan-story", "evidenced");
    const file = join(dir, "mlteam.yaml");
    writeFileSync(file, `${readFileSync(file, "utf8")}evidence:\n  repositories:\n    - path: .\n`);
    for (const [name, path] of [
      ["Meghan Doyle", "deploy/k8s/service.yaml"],
      ["Dan Ortiz", "training/train.py"],
      ["Meghan Doyle", ".github/workflows/ci.yml"],
    ] as const) {
      mkdirSync(join(dir, dirname(path)), { recursive: true });
      writeFileSync(join(dir, path), `# ${name}\n`);
      git(dir, "add", "-A");
      git(dir, "-c", `user.name=${name}`, "-c", "user.email=dev@x.org", "commit", "-q", "-m", path);
    }
    const parsed = parseOrgConfig(
      join(scratch, "mlteam-org.yaml"),
      "name: Acme\nsources:\n  - repo: evidenced\n",
    );
    assert.ok(parsed.ok);
    const store = await openOrgStore(join(scratch, "evidence", "org.db"));
    const data = join(scratch, "evidence-data");
    const [outcome] = await syncOrganisation({
      config: parsed.config,
      store,
      dataDir: data,
      today: TODAY,
      now,
    });
    assert.equal(outcome?.status, "synced", outcome?.reason);
    const snapshot = await store.snapshot("evidenced", git(dir, "rev-parse", "HEAD").trim());
    const doctor = await checkTeam(file, { host: fsHost, today: TODAY, gatherEvidence: gitEvidence });
    assert.ok(snapshot?.evidence && doctor.evidence, "both checked with evidence");
    assert.equal(snapshot.score, doctor.score?.overall);
    assert.deepEqual(Object.keys(snapshot.areas ?? {}), Object.keys(doctor.score?.areas ?? {}));
    assert.equal(snapshot.evidence.commits, doctor.evidence.repositories[0]?.commits);
    assert.equal(snapshot.evidence.truckFactor, doctor.evidence.repositories[0]?.truckFactor.value);
    assert.deepEqual(
      snapshot.findings.map((f) => f.ruleId).sort(),
      (doctor.doctor?.findings ?? []).map((f) => f.ruleId).sort(),
    );
    assert.ok(existsSync(join(data, "evidence", "evidenced.db")), "mined into the team's store");
    // The team's pages answer from the snapshot as the sync's check did: same score, same evidence.
    const { app } = createOrgApp({
      store,
      config: parsed.config,
      dataDir: data,
      today: () => "2027-06-30",
      now,
    });
    const pages = (await (await app.request("http://127.0.0.1/teams/evidenced/api/findings")).json()) as {
      score: { overall: number };
      evidence: boolean;
    };
    assert.equal(pages.score.overall, snapshot.score);
    assert.equal(pages.evidence, true);
    const evidence = (await (await app.request("http://127.0.0.1/teams/evidenced/api/evidence")).json()) as {
      report: { repositories: { truckFactor: { value: number } }[] };
    };
    assert.equal(evidence.report.repositories[0]?.truckFactor.value, snapshot.evidence.truckFactor);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("records a broken source with the reason and syncs the others", async () => {
    const broken = teamRepo("first-use-case", "broken");
    writeFileSync(join(broken, "mlteam.yaml"), "people:\n  - { id: ana }\n");
    commit(broken, "half a model");
    const parsed = parseOrgConfig(
      join(scratch, "mlteam-org.yaml"),
      ORG(`  - { id: missing, repo: ./nowhere }
  - { id: gone, repo: fraud, branch: no-such-branch }
  - repo: broken
  - { id: elsewhere, repo: fraud, model: team/mlteam.yaml }
`),
    );
    assert.ok(parsed.ok);
    const store = await openOrgStore(join(scratch, "two", "org.db"));
    const outcomes = await syncOrganisation({
      config: parsed.config,
      store,
      dataDir: scratch,
      today: TODAY,
      now,
    });
    const by = new Map(outcomes.map((o) => [o.id, o]));
    assert.equal(by.get("fraud")?.status, "synced");
    assert.equal(by.get("retail")?.status, "synced");
    assert.match(by.get("missing")?.reason ?? "", /nowhere does not exist/);
    assert.match(by.get("gone")?.reason ?? "", /"no-such-branch" is not in/);
    assert.match(by.get("broken")?.reason ?? "", /does not validate: mlteam\.yaml:\d+:\d+ /);
    assert.match(by.get("elsewhere")?.reason ?? "", /does not validate: team\/mlteam\.yaml/);
    const teams = await organisationTeams(store);
    // The broken ones rank first, each with its reason.
    assert.deepEqual(
      teams
        .slice(0, 4)
        .map((t) => t.id)
        .sort(),
      ["broken", "elsewhere", "gone", "missing"],
    );
    const findings = await organisationFindingsNow(store, TODAY, 6);
    assert.ok(findings.some((f) => f.kind === "invalid" && f.teams[0] === "missing"));
    await store.close();
  });

  it("mirrors a remote source (a URL) bare into the data folder, and fetches it on the next sync", async () => {
    const url = `file://${join(scratch, "retail")}`;
    const parsed = parseOrgConfig(
      join(scratch, "mlteam-org.yaml"),
      `name: Remote\nsources:\n  - repo: ${url}\n`,
    );
    assert.ok(parsed.ok);
    assert.equal(parsed.config.sources[0]?.remote, true);
    const data = join(scratch, "remote-data");
    const store = await openOrgStore(join(data, "org.db"));
    const [first] = await syncOrganisation({
      config: parsed.config,
      store,
      dataDir: data,
      today: TODAY,
      now,
    });
    assert.equal(first?.status, "synced");
    assert.equal(git(join(data, "repos", "retail.git"), "rev-parse", "--is-bare-repository").trim(), "true");
    writeFileSync(join(scratch, "retail", "NOTES.md"), "x\n");
    commit(join(scratch, "retail"), "notes");
    const [second] = await syncOrganisation({
      config: parsed.config,
      store,
      dataDir: data,
      today: TODAY,
      now,
    });
    assert.equal(second?.status, "synced");
    assert.equal(second?.commit, git(join(scratch, "retail"), "rev-parse", "HEAD").trim());
    await store.close();
  });

  it("serves the teams, findings, a team, its history; refuses foreign hosts and bare writes; 503 without its database", async () => {
    const parsed = parseOrgConfig(join(scratch, "mlteam-org.yaml"), ORG());
    assert.ok(parsed.ok);
    const store = await openOrgStore(join(scratch, "three", "org.db"));
    const { app } = createOrgApp({ store, config: parsed.config, dataDir: scratch, today: () => TODAY, now });
    const call = (path: string, init?: RequestInit) => app.request(`http://127.0.0.1${path}`, init);
    assert.deepEqual(await (await call("/api/org/teams")).json(), []);
    const write = { "content-type": "application/json", "x-mlteam-request": "1" };
    assert.equal((await call("/api/org/sync", { method: "POST" })).status, 415);
    const synced = await call("/api/org/sync", { method: "POST", headers: write, body: "{}" });
    assert.equal(synced.status, 200);
    assert.equal(((await synced.json()) as unknown[]).length, 3);
    const teams = (await (await call("/api/org/teams")).json()) as {
      id: string;
      score: number;
      commit: string;
    }[];
    assert.deepEqual(teams.map((t) => t.id).sort(), ["fraud", "platform", "retail"]);
    assert.ok(teams.every((t) => typeof t.score === "number" && /^[0-9a-f]{40}$/.test(t.commit)));
    const team = (await (await call("/api/org/teams/platform")).json()) as {
      snapshot: { findings: unknown[] };
    };
    assert.ok(team.snapshot.findings.length > 0);
    // fraud's model has two commits by now: its first sync in this store backfilled the older one.
    assert.equal(((await (await call("/api/org/teams/fraud/history")).json()) as unknown[]).length, 2);
    assert.equal((await call("/api/org/teams/nope")).status, 404);
    assert.ok(Array.isArray(await (await call("/api/org/findings")).json()));
    const spec = (await (await call("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    for (const path of [
      "/api/org/teams",
      "/api/org/findings",
      "/api/org/teams/{id}",
      "/api/org/teams/{id}/history",
      "/api/org/sync",
    ])
      assert.ok(spec.paths[path], path);
    assert.equal((await app.request("http://evil.example/api/org/teams")).status, 421);
    await store.close();
    assert.equal((await call("/api/org/teams")).status, 503);
  });

  it("proposes a RACI change as a patch of the synced YAML (comments kept) that git applies; nothing is written", async () => {
    const parsed = parseOrgConfig(join(scratch, "mlteam-org.yaml"), ORG());
    assert.ok(parsed.ok);
    const store = await openOrgStore(join(scratch, "four", "org.db"));
    await syncOrganisation({ config: parsed.config, store, dataDir: scratch, today: TODAY, now });
    const { app } = createOrgApp({ store, config: parsed.config, dataDir: scratch, today: () => TODAY, now });
    const write = { "content-type": "application/json", "x-mlteam-request": "1" };
    const propose = (body: object) =>
      app.request("http://127.0.0.1/api/org/teams/fraud/proposals", {
        method: "POST",
        headers: write,
        body: JSON.stringify(body),
      });
    const fraud = join(scratch, "fraud");
    const before = readFileSync(join(fraud, "mlteam.yaml"), "utf8");
    const response = await propose({
      activity: "define-business-problem",
      column: "tech-lead",
      letters: "A",
    });
    assert.equal(response.status, 200, await response.clone().text());
    assert.match(response.headers.get("content-disposition") ?? "", /fraud-raci\.patch/);
    const patch = await response.text();
    assert.match(patch, /^diff --git a\/mlteam\.yaml b\/mlteam\.yaml$/m);
    assert.match(patch, /^\+ {4}A: \[data-scientist, tech-lead\] # two people hold the role/m);
    assert.equal(readFileSync(join(fraud, "mlteam.yaml"), "utf8"), before, "nothing is written");
    const check = spawnSync("git", ["-C", fraud, "apply", "--check", "-"], {
      input: patch,
      encoding: "utf8",
    });
    assert.equal(check.status, 0, check.stderr);
    spawnSync("git", ["-C", fraud, "apply", "-"], { input: patch });
    const after = readFileSync(join(fraud, "mlteam.yaml"), "utf8");
    assert.equal(after.split("#").length, before.split("#").length, "every comment kept");
    assert.notEqual(after, before);
    git(fraud, "checkout", "--", "mlteam.yaml");
    assert.equal(
      (await propose({ activity: "no-such-activity", column: "tech-lead", letters: "A" })).status,
      404,
    );
    assert.ok((await store.readAccessLog(10)).some((e) => e.action === "change-proposed"));
    await store.close();
  });

  it("serves each team's own pages and API from its snapshot, read-only, without the repository", async () => {
    const parsed = parseOrgConfig(join(scratch, "mlteam-org.yaml"), ORG());
    assert.ok(parsed.ok);
    const store = await openOrgStore(join(scratch, "five", "org.db"));
    await syncOrganisation({ config: parsed.config, store, dataDir: scratch, today: TODAY, now });
    const { app } = createOrgApp({ store, config: parsed.config, dataDir: scratch, today: () => TODAY, now });
    const call = (path: string, init?: RequestInit) => app.request(`http://127.0.0.1${path}`, init);
    const fraud = join(scratch, "fraud");
    const working = createApp({ modelPath: join(fraud, "mlteam.yaml"), today: () => TODAY });
    const expectedMatrix = (await (await working.request("http://127.0.0.1/api/raci")).json()) as {
      rows: unknown[];
    };
    // The repositories are out of reach: the pages come from the snapshots alone.
    renameSync(fraud, `${fraud}.away`);
    try {
      const model = (await (await call("/teams/fraud/api/model")).json()) as {
        snapshot: { team: string; commit: string };
        evidence: boolean;
        people: unknown[];
      };
      assert.equal(model.snapshot.team, "fraud");
      assert.match(model.snapshot.commit, /^[0-9a-f]{40}$/);
      assert.equal(model.evidence, false);
      assert.ok(model.people.length > 0);
      const matrix = (await (await call("/teams/fraud/api/raci")).json()) as { rows: unknown[] };
      assert.deepEqual(
        matrix.rows,
        expectedMatrix.rows,
        "the same RACI as `mlteam serve` on the working copy",
      );
      const detail = (await (await call("/api/org/teams/platform")).json()) as {
        pages: boolean;
        snapshot: { findings: { ruleId: string; subject?: string }[]; files?: unknown };
      };
      assert.equal(detail.pages, true);
      assert.equal(detail.snapshot.files, undefined, "the model's files are not part of the summary");
      const findings = (await (await call("/teams/platform/api/findings")).json()) as {
        findings: { ruleId: string; subject?: string }[];
      };
      const keys = (list: { ruleId: string; subject?: string }[]) =>
        list.map((f) => `${f.ruleId}|${f.subject ?? ""}`).sort();
      assert.deepEqual(keys(findings.findings), keys(detail.snapshot.findings));
      // Read-only: no edit route, no git-only route; edits are proposals, made from the snapshot.
      const write = { "content-type": "application/json", "x-mlteam-request": "1", "if-match": '"x"' };
      const put = await call("/teams/fraud/api/raci/cell", { method: "PUT", headers: write, body: "{}" });
      assert.equal(put.status, 404);
      assert.equal((await call("/teams/fraud/api/history")).status, 404);
      const proposal = await call("/api/org/teams/fraud/proposals", {
        method: "POST",
        headers: write,
        body: JSON.stringify({ activity: "define-business-problem", column: "tech-lead", letters: "A" }),
      });
      assert.equal(proposal.status, 200, await proposal.clone().text());
      assert.match(await proposal.text(), /^diff --git a\/mlteam\.yaml b\/mlteam\.yaml$/m);
      assert.equal((await call("/teams/nope/api/model")).status, 404);
      assert.equal((await call("/teams/Bad_Id/api/model")).status, 404);
      assert.equal((await app.request("http://evil.example/teams/fraud/api/model")).status, 421);
      // The dashboards: the organisation's at /, a team's at /teams/{id}/.
      assert.equal((await call("/teams/fraud")).status, 301);
      const page = await call("/teams/fraud/");
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<script/);
      assert.match(await (await call("/")).text(), /<script/);
    } finally {
      renameSync(`${fraud}.away`, fraud);
      await store.close();
    }
  });

  it("CLI: a malformed organisation file is located (file:line:col), exit 2; a broken source exits 1", () => {
    const file = join(scratch, "bad-org.yaml");
    writeFileSync(file, "name: Acme\nsources:\n  - repo: fraud\n    brnch: main\n");
    const bad = spawnSync(process.execPath, [BIN, "org", "sync", "--config", file], { encoding: "utf8" });
    assert.equal(bad.status, 2);
    const badJson = spawnSync(process.execPath, [BIN, "org", "sync", "--config", file, "--format", "json"], {
      encoding: "utf8",
    });
    assert.equal(badJson.status, 2);
    const document = JSON.parse(badJson.stdout) as {
      valid: boolean;
      diagnostics: { line: number; column: number }[];
      outcomes: unknown[];
    };
    assert.equal(document.valid, false);
    assert.deepEqual(document.outcomes, []);
    assert.deepEqual([document.diagnostics[0]?.line, document.diagnostics[0]?.column], [4, 5]);
    assert.match(
      bad.stderr,
      /bad-org\.yaml:4:5 +error +sources\[0\]: unknown field "brnch" — did you mean "branch"\?/,
    );
    assert.doesNotMatch(bad.stderr, /at .*\.js:\d+/);
    const org = join(scratch, "cli-org.yaml");
    writeFileSync(org, ORG("  - { id: missing, repo: ./nowhere }\n"));
    const run = spawnSync(process.execPath, [BIN, "org", "sync", "--config", org, "--format", "json"], {
      encoding: "utf8",
      env: { ...process.env, MLTEAM_TODAY: TODAY },
    });
    assert.equal(run.status, 1, run.stderr);
    const { outcomes } = JSON.parse(run.stdout) as { outcomes: { id: string; status: string }[] };
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ["synced", "synced", "synced", "failed"],
    );
  });
});
