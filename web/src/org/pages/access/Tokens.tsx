/** API tokens for CI: created with roles and a lifetime, shown once, revoked here. */
import { type FormEvent, useState } from "react";
import type { OrgApiResponses } from "../../../../../src/server/org/contract.ts";
import { orgApi } from "../../api.ts";
import { useOrgApi } from "../../useOrgApi.ts";
import { ListTable, type SectionProps } from "./common.tsx";

type Token = OrgApiResponses["/api/org/tokens"][number];

export function Tokens({ version, csrf, done, failed }: SectionProps) {
  const list = useOrgApi("/api/org/tokens", {}, {}, version);
  const [secret, setSecret] = useState<string | undefined>();
  return (
    <div className="card">
      <h3>API tokens</h3>
      <TokenForm csrf={csrf} done={done} failed={failed} setSecret={setSecret} />
      {secret && (
        <p data-testid="token-secret">
          The token (shown once): <code>{secret}</code>
        </p>
      )}
      <ListTable
        error={list.error}
        headings={["Name", "Roles", "Created by", "Expires", "State", ""]}
        rows={list.data}
        row={(t) => <TokenRow key={t.id} token={t} csrf={csrf} done={done} failed={failed} />}
      />
    </div>
  );
}

/** Creates a token; its secret goes to `setSecret`, to be shown once. */
function TokenForm({
  csrf,
  done,
  failed,
  setSecret,
}: Omit<SectionProps, "version"> & { setSecret: (secret: string) => void }) {
  const [name, setName] = useState("");
  const [roles, setRoles] = useState("viewer");
  const [days, setDays] = useState(90);
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
    <form onSubmit={submit} className="inline-form">
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} placeholder="ci" required />
      </label>{" "}
      <label>
        roles{" "}
        <input value={roles} onChange={(e) => setRoles(e.target.value)} placeholder="viewer, editor@fraud" />
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
  );
}

function TokenRow({ token: t, csrf, done, failed }: { token: Token } & Omit<SectionProps, "version">) {
  return (
    <tr>
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
  );
}
