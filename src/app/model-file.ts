/** The model's default file name, for the surfaces (a leaf module: the CLI reads it at start-up). */
export { DEFAULT_MODEL_FILE } from "../model/default-file.ts";
