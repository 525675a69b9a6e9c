/**
 * The audit pack's core: for each clause of a governance framework that mlteam assesses, its
 * status (met, gap, not applicable), the evidence the model holds (who oversees what, who is
 * trained and until when) and the findings of the rules that check it. Pure: takes the graph, the
 * findings and today's date. For the EU AI Act, each clause states the date its duties apply from and
 * the days left (src/catalog/ai-act-dates.ts). Paraphrases with clause numbers; not legal advice.
 */

import { QMS_ACTIVITIES } from "../catalog/activities.ts";
import type { AiActObligation } from "../catalog/ai-act-dates.ts";
import type { ProductNode, TeamGraph } from "../graph/types.ts";
import { accountableKey, oversightKey, roleKey } from "./assignments.ts";
import { isExternal, nameOf, peopleWith, stakeholderPeople } from "./facts.ts";
import type { Finding, Framework } from "./rule.ts";
import {
  buildersOf,
  highRiskSystems,
  overseersOf,
  personSource,
  rowFor,
  trainingOnRecord,
} from "./rules/governance/ai-systems.ts";
import { AI_LITERACY, daysBetween, highRiskDue } from "./rules/governance/application-dates.ts";

export type ClauseStatus = "met" | "gap" | "not-applicable";

interface ClauseDef {
  id: string;
  title: string;
  /** The rules whose findings decide the clause. */
  rules: readonly string[];
  /** Whether the clause applies to this team at all. */
  applies(graph: TeamGraph): boolean;
  /** What the model holds that bears on the clause. */
  evidence(graph: TeamGraph, at: EvidenceContext): string[];
  /** When its duties apply, for the model's systems (EU AI Act clauses). */
  dates?(graph: TeamGraph, today: string): ClauseDate[];
}

/** Since when each assignment has held (from the model's git history), when known. */
export type SinceWhen = ReadonlyMap<string, { commit: string; date: string }>;

/** What evidence is read with: today's date, and since when each assignment holds. */
interface EvidenceContext {
  today: string;
  /** ", since 2026-03-01 (1a2b3c4)" for an assignment the history knows, else "". */
  held(key: string): string;
}

/** When a clause's duties apply: one obligation's date (src/catalog/ai-act-dates.ts) and what it concerns. */
export interface ClauseDate {
  /** The obligation's id, e.g. "high-risk-annex-iii". */
  obligation: string;
  /** What applies from the date. */
  name: string;
  /** The first day it applies, YYYY-MM-DD. */
  date: string;
  /** Days from today to the date: 0 on the day, negative once it applies. */
  daysLeft: number;
  /** The high-risk systems it concerns (empty for a duty of the organisation, such as AI literacy). */
  products: string[];
  /** Those of `products` that record no `annex` and are taken as Annex III. */
  assumed: string[];
  /** The legal text that sets the date. */
  source: string;
}

export interface AuditClause {
  id: string;
  title: string;
  status: ClauseStatus;
  /** When its duties apply, earliest first (empty when the framework sets no dates, or nothing it binds is modelled). */
  dates: ClauseDate[];
  /** The rules that assess it. */
  rules: string[];
  evidence: string[];
  findings: { ruleId: string; severity: string; message: string; location: string; fix: string }[];
}

export interface AuditPack {
  framework: Framework;
  generated: string;
  model: string;
  disclaimer: string;
  clauses: AuditClause[];
}

export const DISCLAIMER =
  "mlteam paraphrases these clauses and checks what the team model records. This is not legal advice, and a clause marked met is not a finding of compliance.";

const hasHighRisk = (graph: TeamGraph) => highRiskSystems(graph).length > 0;
const hasRoles = (graph: TeamGraph) =>
  [...graph.people.values()].some((p) => p.roles.length > 0 || p.titleRoles.length > 0);

function oversightEvidence(graph: TeamGraph, { today, held }: EvidenceContext): string[] {
  return highRiskSystems(graph).map((product) => {
    const overseers = overseersOf(graph, product);
    if (overseers.length === 0)
      return `${product.id} (high risk, ${product.source.operator ?? "operator not stated"}): no one assigned`;
    const who = overseers.map((id) => {
      const training = trainingOnRecord(personSource(graph, id), /oversight|ai-literacy/i, today);
      return `${nameOf(graph, id)} (${training ? `trained ${training.date}${training.current ? "" : ", expired"}` : "no training on record"}${held(oversightKey(product.id, id))})`;
    });
    return `${product.id} (high risk, ${product.source.operator ?? "operator not stated"}): overseen by ${who.join(", ")}`;
  });
}

function separationEvidence(graph: TeamGraph): string[] {
  return highRiskSystems(graph).map((product) => {
    const builders = [...buildersOf(graph, product.id)].map((id) => nameOf(graph, id));
    const overseers = overseersOf(graph, product).map((id) => nameOf(graph, id));
    return `${product.id}: built by ${builders.join(", ") || "nobody named in the RACI"}; overseen by ${overseers.join(", ") || "nobody"}`;
  });
}

function literacyEvidence(graph: TeamGraph, { today }: EvidenceContext): string[] {
  return [...graph.people.values()]
    .filter((p) => p.roles.length > 0 || p.titleRoles.length > 0)
    .map((p) => {
      const training = trainingOnRecord(p.source, /ai[-\s]?literacy/i, today);
      const expires = p.source.training?.find((t) => t.date === training?.date)?.expires;
      return `${p.name}: ${training ? `AI literacy ${training.date}${expires ? `, ${training.current ? "valid until" : "expired"} ${expires}` : ""}` : "no AI-literacy training on record"}`;
    });
}

function acknowledgedEvidence(graph: TeamGraph, { held }: EvidenceContext): string[] {
  return graph.model.people
    .filter((p) => (p.roles ?? []).length > 0)
    .map((p) => {
      const roles = (p.roles ?? []).map((r) =>
        typeof r === "string"
          ? `${r} (not acknowledged${held(roleKey(p.id, r))})`
          : `${r.role} (${r.acknowledged ? `acknowledged ${r.acknowledged}` : "not acknowledged"}${held(roleKey(p.id, r.role))})`,
      );
      return `${p.name}: ${roles.join(", ")}`;
    });
}

function thirdPartyEvidence(graph: TeamGraph): string[] {
  return graph.raci
    .filter((entry) => [...peopleWith(entry, ["R"])].some((id) => isExternal(graph, id)))
    .map((entry) => {
      const doers = [...peopleWith(entry, ["R"])]
        .filter((id) => isExternal(graph, id))
        .map((id) => nameOf(graph, id));
      const accountable = [...peopleWith(entry, ["A"])].map(
        (id) => `${nameOf(graph, id)}${isExternal(graph, id) ? " (outside)" : ""}`,
      );
      return `${entry.activity}${entry.product ? ` (${entry.product})` : ""}: done by ${doers.join(", ")}; Accountable ${accountable.join(", ") || "nobody"}`;
    });
}

function developmentEvidence(graph: TeamGraph): string[] {
  return graph.model.people.flatMap((p) =>
    (p.development ?? []).map(
      (a) => `${p.name}: ${a.competency} to level ${a.level} by ${a.due}${a.done ? `, done ${a.done}` : ""}`,
    ),
  );
}

const providesHighRisk = (graph: TeamGraph) =>
  highRiskSystems(graph).some((p) => p.source.operator === "provider");

function accountableEvidence(
  graph: TeamGraph,
  held: EvidenceContext["held"],
  activities: readonly string[],
  product?: string,
): string[] {
  return activities.map((activity) => {
    const row = product
      ? rowFor(graph, activity, product)
      : (graph.raciByActivity.get(activity) ?? []).find((r) => r.product === undefined);
    if (!row) return `${activity}: no RACI row`;
    const accountable = [...peopleWith(row, ["A"])].map(
      (id) => `${nameOf(graph, id)}${held(accountableKey(activity, row.product, id))}`,
    );
    return `${activity}: Accountable ${accountable.join(", ") || "nobody"}`;
  });
}

function qmsEvidence(graph: TeamGraph, { held }: EvidenceContext): string[] {
  return highRiskSystems(graph)
    .filter((p) => p.source.operator === "provider")
    .flatMap((p) =>
      accountableEvidence(
        graph,
        held,
        QMS_ACTIVITIES.map((a) => a.id),
        p.id,
      ).map((e) => `${p.id} — ${e}`),
    );
}

const riskAcceptanceEvidence = (graph: TeamGraph, { held }: EvidenceContext) => {
  const sponsors = [...stakeholderPeople(graph, "executive-sponsor")].map((id) => nameOf(graph, id));
  return [
    ...accountableEvidence(graph, held, ["ai-risk-acceptance"]),
    `executive sponsor: ${sponsors.join(", ") || "none named"}`,
  ];
};

const hasThirdParties = (graph: TeamGraph) => thirdPartyEvidence(graph).length > 0;

function clauseDate(obligation: AiActObligation, today: string): ClauseDate {
  return {
    obligation: obligation.id,
    name: obligation.name,
    date: obligation.applies,
    daysLeft: daysBetween(today, obligation.applies),
    products: [],
    assumed: [],
    source: obligation.source,
  };
}

/** The dates of high-risk systems' duties: one per obligation (by annex), with the systems it concerns. */
function highRiskDates(products: readonly ProductNode[], today: string): ClauseDate[] {
  const byObligation = new Map<string, ClauseDate>();
  for (const product of products) {
    const { obligation, assumed } = highRiskDue(product);
    let date = byObligation.get(obligation.id);
    if (!date) {
      date = clauseDate(obligation, today);
      byObligation.set(obligation.id, date);
    }
    date.products.push(product.id);
    if (assumed) date.assumed.push(product.id);
  }
  return [...byObligation.values()].sort((a, b) => a.date.localeCompare(b.date));
}

const highRiskDated = (graph: TeamGraph, today: string) => highRiskDates(highRiskSystems(graph), today);
const providerDated = (graph: TeamGraph, today: string) =>
  highRiskDates(
    highRiskSystems(graph).filter((p) => p.source.operator === "provider"),
    today,
  );

const CLAUSES: Readonly<Record<Framework, readonly ClauseDef[]>> = {
  "eu-ai-act": [
    {
      id: "Art. 9(5)",
      title: "Residual risks judged acceptable, by someone who answers for it",
      rules: ["governance/sponsor-accepts-risk"],
      applies: () => true,
      evidence: riskAcceptanceEvidence,
      dates: highRiskDated,
    },
    {
      id: "Art. 4",
      title: "AI literacy of the staff who deal with AI systems",
      rules: ["governance/ai-literacy"],
      applies: hasRoles,
      evidence: literacyEvidence,
      dates: (_graph, today) => [clauseDate(AI_LITERACY.obligation, today)],
    },
    {
      id: "Art. 14",
      title: "Human oversight: overseers able to understand, override and stop the system, independently",
      rules: ["governance/oversight-separation"],
      applies: hasHighRisk,
      evidence: separationEvidence,
      dates: highRiskDated,
    },
    {
      id: "Art. 26(2)",
      title: "Deployers assign human oversight to natural persons with competence, training and authority",
      rules: ["governance/human-oversight", "governance/oversight-absence"],
      applies: hasHighRisk,
      evidence: oversightEvidence,
      dates: highRiskDated,
    },
    {
      id: "Art. 17(1)(m)",
      title: "A provider's quality management system, with an accountability framework",
      rules: ["governance/qms-accountable"],
      applies: providesHighRisk,
      evidence: qmsEvidence,
      dates: providerDated,
    },
  ],
  "iso-42001": [
    {
      id: "5.3",
      title: "Roles, responsibilities and authorities assigned and communicated",
      rules: ["governance/responsibilities-acknowledged"],
      applies: hasRoles,
      evidence: acknowledgedEvidence,
    },
    {
      id: "7.2",
      title: "Competence: determined, ensured and evidenced, with actions on gaps",
      rules: ["governance/ai-literacy", "governance/competence-actions"],
      applies: hasRoles,
      evidence: (graph, at) => [...literacyEvidence(graph, at), ...developmentEvidence(graph)],
    },
    {
      id: "A.3.2",
      title: "AI roles and responsibilities, human oversight among them",
      rules: ["governance/oversight-separation"],
      applies: hasHighRisk,
      evidence: separationEvidence,
    },
    {
      id: "A.10.2",
      title: "Responsibilities allocated between the organisation and third parties",
      rules: ["governance/third-party-accountable"],
      applies: hasThirdParties,
      evidence: thirdPartyEvidence,
    },
  ],
  "nist-ai-rmf": [
    {
      id: "GOVERN 2.1",
      title: "Roles, responsibilities and lines of communication documented and clear",
      rules: ["governance/responsibilities-acknowledged"],
      applies: hasRoles,
      evidence: acknowledgedEvidence,
    },
    {
      id: "GOVERN 2.2",
      title: "Personnel and partners receive AI risk-management training",
      rules: ["governance/ai-literacy"],
      applies: hasRoles,
      evidence: literacyEvidence,
    },
    {
      id: "GOVERN 2.3",
      title: "Executive leadership takes responsibility for decisions about AI risk",
      rules: ["governance/sponsor-accepts-risk"],
      applies: () => true,
      evidence: riskAcceptanceEvidence,
    },
    {
      id: "GOVERN 6.1",
      title: "Risks from third-party entities addressed by policies and accountability",
      rules: ["governance/third-party-accountable"],
      applies: hasThirdParties,
      evidence: thirdPartyEvidence,
    },
  ],
};

/** The clauses of `framework` mlteam assesses, with their status, evidence and findings. */
export function auditTeam(
  graph: TeamGraph,
  findings: readonly Finding[],
  framework: Framework,
  context: { today: string; model: string; generated: string; since?: SinceWhen },
): AuditPack {
  const since = context.since;
  const at: EvidenceContext = {
    today: context.today,
    held(key) {
      const s = since?.get(key);
      return s ? `, since ${s.date} (${s.commit.slice(0, 7)})` : "";
    },
  };
  const clauses = CLAUSES[framework].map((clause): AuditClause => {
    const related = findings.filter((f) => clause.rules.includes(f.ruleId));
    const applies = clause.applies(graph);
    return {
      id: clause.id,
      title: clause.title,
      status: !applies ? "not-applicable" : related.length > 0 ? "gap" : "met",
      dates: applies && clause.dates ? clause.dates(graph, context.today) : [],
      rules: [...clause.rules],
      evidence: applies ? clause.evidence(graph, at) : [],
      findings: related.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        location: `${f.location.file}:${f.location.line}:${f.location.column}`,
        fix: f.fix,
      })),
    };
  });
  return { framework, generated: context.generated, model: context.model, disclaimer: DISCLAIMER, clauses };
}
