/** The organisation server's secrets: random tokens (API tokens, session cookies, CSRF) and their SHA-256, which is what is stored. */
import { createHash, randomBytes } from "node:crypto";

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
export const randomToken = (prefix = "") => `${prefix}${randomBytes(32).toString("base64url")}`;
