/** What the admin sections share: their props, and the table of what they list. */
import type { ReactNode } from "react";

export interface SectionProps {
  version: number;
  csrf: string | undefined;
  done: (text: string) => void;
  failed: (e: unknown) => void;
}

/** A list of what an admin manages: its error, or its rows under their headings ("None yet." when empty). */
export function ListTable<T>({
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
