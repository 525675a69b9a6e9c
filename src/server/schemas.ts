/** Request bodies of the API: the routes validate with them and the OpenAPI document is generated from them. */
import { z } from "zod";

export const RaciCellBody = z.strictObject({
  activity: z.string().min(1).describe("An activity id."),
  product: z.string().min(1).optional().describe("Edit the product's own row (created if missing)."),
  column: z.string().min(1).describe("A role id, or person:<id>."),
  letters: z.enum(["", "R", "A", "C", "I", "R/A"]).describe("What the cell should hold; empty clears it."),
});
