/** One finding in a list about someone or something: its message, the fix and the rule under it. */
export function FindingNote({
  finding,
}: {
  finding: { severity: string; message: string; fix: string; ruleId: string };
}) {
  return (
    <div className={`finding ${finding.severity}`}>
      {finding.message}
      <small>
        fix: {finding.fix} — {finding.ruleId}
      </small>
    </div>
  );
}
