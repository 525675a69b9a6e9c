/** The CLI's streams and colours, in one place so that commands stay testable. */
import { colorsFor } from "../render/colors.ts";

export const out = (text: string) => {
  if (text !== "") process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
};
export const err = (text: string) => {
  if (text !== "") process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
};
export const stdoutColors = () => colorsFor(process.stdout);
export const stderrColors = () => colorsFor(process.stderr);
