/** The CLI's streams and colours, in one place so that commands stay testable. */
import { colorsFor } from "../render/colors.ts";

let wrote = false;
export const out = (text: string) => {
  if (text !== "") outBytes(text.endsWith("\n") ? text : `${text}\n`);
};
/** Writes as is (a binary workbook, say). */
export const outBytes = (content: string | Uint8Array) => {
  wrote = true;
  process.stdout.write(content);
};
/** Whether anything went to stdout: a failing command that printed its own document is left alone. */
export const wroteToStdout = () => wrote;
export const err = (text: string) => {
  if (text !== "") process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
};
export const stdoutColors = () => colorsFor(process.stdout);
export const stderrColors = () => colorsFor(process.stderr);
