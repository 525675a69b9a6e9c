/** Roles assigned to people by their login's subject, organisation-wide or on one team. */
import { type FormEvent, useState } from "react";
import type { OrgApiResponses } from "../../../../../src/server/org/contract.ts";
import { orgApi } from "../../api.ts";
import { useOrgApi } from "../../useOrgApi.ts";
import { ListTable, type SectionProps } from "./common.tsx";

const ROLES = ["viewer", "editor", "admin", "auditor"] as const;

type Assignment = OrgApiResponses["/api/org/assignments"][number];

export function Assignments({ version, csrf, done, failed }: SectionProps) {
  const list = useOrgApi("/api/org/assignments", {}, {}, version);
  return (
    <div className="card">
      <h3>Assigned roles</h3>
      <p>
        Roles given to a person here, in addition to those their login groups give them. They apply from the
        person's next request; a removal applies at once.
      </p>
      <AssignForm csrf={csrf} done={done} failed={failed} />
      <ListTable
        error={list.error}
        headings={["Person", "Role", "Assigned by", "Date", ""]}
        rows={list.data}
        testId="org-assignments"
        row={(a) => <AssignmentRow key={a.id} assignment={a} csrf={csrf} done={done} failed={failed} />}
      />
    </div>
  );
}

/** Assigns a role, organisation-wide or on one team, to a person named as their login names them. */
function AssignForm({ csrf, done, failed }: Omit<SectionProps, "version">) {
  const teams = useOrgApi("/api/org/teams");
  const [subject, setSubject] = useState("");
  const [role, setRole] = useState<(typeof ROLES)[number]>("viewer");
  const [team, setTeam] = useState("");
  const grant = team ? `${role}@${team}` : role;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    orgApi
      .send("POST", "/api/org/assignments", csrf, { subject: subject.trim(), grant })
      .then(() => done(`Assigned ${grant} to ${subject.trim()}.`), failed);
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <label>
        Person (as their login names them){" "}
        <input
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          placeholder="ann@acme.example"
          required
        />
      </label>{" "}
      <label>
        role{" "}
        <select
          aria-label="role"
          value={role}
          onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}
        >
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>{" "}
      <label>
        on{" "}
        <select aria-label="on" value={team} onChange={(e) => setTeam(e.target.value)}>
          <option value="">the whole organisation</option>
          {(teams.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.id}
            </option>
          ))}
        </select>
      </label>{" "}
      <button type="submit">Assign</button>
    </form>
  );
}

function AssignmentRow({
  assignment: a,
  csrf,
  done,
  failed,
}: { assignment: Assignment } & Omit<SectionProps, "version">) {
  return (
    <tr>
      <th>{a.subject}</th>
      <td>{a.grant}</td>
      <td>{a.assignedBy}</td>
      <td>{a.assignedAt.slice(0, 10)}</td>
      <td>
        <button
          type="button"
          onClick={() =>
            orgApi
              .send("DELETE", `/api/org/assignments/${a.id}`, csrf)
              .then(() => done(`Removed ${a.grant} from ${a.subject}.`), failed)
          }
        >
          Remove
        </button>
      </td>
    </tr>
  );
}
