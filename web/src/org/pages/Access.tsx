/**
 * Who may do what (admins): roles assigned to people by their login's subject, organisation-wide or
 * on one team, beside those their groups carry; and API tokens for CI. Every change is audited.
 */
import { type FormEvent, type ReactNode, useState } from "react";
import type { OrgApiResponses } from "../../../../src/server/org/contract.ts";
import { orgApi } from "../api.ts";
import { useOrgApi } from "../useOrgApi.ts";

const ROLES = ["viewer", "editor", "admin", "auditor"] as const;

export function Access({ csrf }: { csrf: string | undefined }) {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<{ kind: "info" | "error"; text: string } | undefined>();
  const done = (text: string) => {
    setMessage({ kind: "info", text });
    setVersion((v) => v + 1);
  };
  const failed = (e: unknown) => setMessage({ kind: "error", text: (e as Error).message });
  return (
    <>
      {message && (
        <div className={`message ${message.kind}`} role="status">
          {message.text}
        </div>
      )}
      <Assignments version={version} csrf={csrf} done={done} failed={failed} />
      <Tokens version={version} csrf={csrf} done={done} failed={failed} />
    </>
  );
}

interface SectionProps {
  version: number;
  csrf: string | undefined;
  done: (text: string) => void;
  failed: (e: unknown) => void;
}

function Assignments({ version, csrf, done, failed }: SectionProps) {
  const list = useOrgApi("/api/org/assignments", {}, {}, version);
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
    <div className="card">
      <h3>Assigned roles</h3>
      <p>
        Roles given to a person here, in addition to those their login groups give them. They apply from the
        person's next request; a removal applies at once.
      </p>
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
      <ListTable
        error={list.error}
        headings={["Person", "Role", "Assigned by", "Date", ""]}
        rows={list.data}
        testId="org-assignments"
        row={(a) => (
          <tr key={a.id}>
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
        )}
      />
    </div>
  );
}

type Token = OrgApiResponses["/api/org/tokens"][number];

function Tokens({ version, csrf, done, failed }: SectionProps) {
  const list = useOrgApi("/api/org/tokens", {}, {}, version);
  const [name, setName] = useState("");
  const [roles, setRoles] = useState("viewer");
  const [days, setDays] = useState(90);
  const [secret, setSecret] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const wanted = roles.split(/[\s,]+/).filter(Boolean);
    orgApi
      .send<Token & { token: string }>("POST", "/api/org/tokens", csrf, {
        name: name.trim(),
        roles: wanted,
        expiresInDays: days,
      })
      .then((created) => {
        setSecret(created.token);
        done(`Token ${created.name} created: copy it now, it is not shown again.`);
      }, failed);
  };
  return (
    <div className="card">
      <h3>API tokens</h3>
      <form onSubmit={submit} className="inline-form">
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} placeholder="ci" required />
        </label>{" "}
        <label>
          roles{" "}
          <input
            value={roles}
            onChange={(e) => setRoles(e.target.value)}
            placeholder="viewer, editor@fraud"
          />
        </label>{" "}
        <label>
          days{" "}
          <input
            type="number"
            min={1}
            max={365}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
          />
        </label>{" "}
        <button type="submit">Create</button>
      </form>
      {secret && (
        <p data-testid="token-secret">
          The token (shown once): <code>{secret}</code>
        </p>
      )}
      <ListTable
        error={list.error}
        headings={["Name", "Roles", "Created by", "Expires", "State", ""]}
        rows={list.data}
        row={(t) => (
          <tr key={t.id}>
            <th>{t.name}</th>
            <td>{t.roles.join(", ")}</td>
            <td>{t.createdBy}</td>
            <td>{t.expiresAt.slice(0, 10)}</td>
            <td>{t.revokedAt ? `revoked ${t.revokedAt.slice(0, 10)}` : "active"}</td>
            <td>
              {!t.revokedAt && (
                <button
                  type="button"
                  onClick={() =>
                    orgApi
                      .send("DELETE", `/api/org/tokens/${t.id}`, csrf)
                      .then(() => done(`Revoked ${t.name}.`), failed)
                  }
                >
                  Revoke
                </button>
              )}
            </td>
          </tr>
        )}
      />
    </div>
  );
}

/** A list of what an admin manages: its error, or its rows under their headings ("None yet." when empty). */
function ListTable<T>({
  error,
  headings,
  rows,
  row,
  testId,
}: {
  error: string | undefined;
  headings: string[];
  rows: T[] | undefined;
  row: (item: T) => ReactNode;
  testId?: string;
}) {
  if (error) return <div className="message error">{error}</div>;
  return (
    <table className="grid" data-testid={testId}>
      <thead>
        <tr>
          {headings.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed headings, one of them empty
            <th key={i}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows?.length === 0 && (
          <tr>
            <td colSpan={headings.length}>None yet.</td>
          </tr>
        )}
        {(rows ?? []).map(row)}
      </tbody>
    </table>
  );
}
