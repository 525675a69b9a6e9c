/**
 * Who may do what (admins): roles assigned to people by their login's subject, organisation-wide or
 * on one team, beside those their groups carry; and API tokens for CI. Every change is audited.
 */
import { useState } from "react";
import { Assignments } from "./access/Assignments.tsx";
import { Tokens } from "./access/Tokens.tsx";

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
