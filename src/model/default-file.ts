/** The model's file name: what a folder model is read from first, and what the commands read by default. */
export const DEFAULT_MODEL_FILE = "mlteam.yaml";
