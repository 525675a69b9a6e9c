/** The organisation chart's shapes, from the API's contract. */
import type { OrgApiResponses } from "../../../../../src/server/org/contract.ts";

export type OrgChartData = OrgApiResponses["/api/org/chart"];
export type ChartPerson = OrgChartData["people"][number];
export type ChartNode = OrgChartData["layout"]["nodes"][number];
