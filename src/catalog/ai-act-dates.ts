/**
 * When the EU AI Act's obligations that mlteam checks apply, each date with the legal text that sets
 * it. The governance rules grade their findings by these dates and `mlteam audit` states them, so an
 * amendment that moves a date is a change of one line here. The four source documents (000–003)
 * predate the Act's application dates and say nothing about them. Not legal advice.
 */
import type { AiActAnnex } from "../model/schema.ts";

export type AiActObligationId = "ai-literacy" | "high-risk-annex-iii" | "high-risk-annex-i";

export interface AiActObligation {
  id: AiActObligationId;
  /** What applies from the date. */
  name: string;
  /** The first day it applies, YYYY-MM-DD. */
  applies: string;
  /** The legal text that sets the date (not one of the source documents 000–003). */
  source: string;
}

const REGULATION = "Regulation (EU) 2024/1689 (the AI Act)";
const OMNIBUS =
  "as amended in 2026 by the Digital Omnibus on AI (Commission proposal COM(2025) 836 of 19 November 2025, agreed by Parliament and Council on 7 May 2026)";

export const AI_ACT_OBLIGATIONS: Readonly<Record<AiActObligationId, AiActObligation>> = {
  "ai-literacy": {
    id: "ai-literacy",
    name: "AI literacy of staff (Art. 4)",
    applies: "2025-08-02",
    source: `${REGULATION} Art. 113: Art. 4 applies from 2 February 2025 (Art. 113(a)), and the penalties that enforce it from 2 August 2025 (Art. 113(b), Chapter XII)`,
  },
  "high-risk-annex-iii": {
    id: "high-risk-annex-iii",
    name: "obligations for high-risk AI systems listed in Annex III",
    applies: "2027-12-02",
    source: `${REGULATION} Art. 113, ${OMNIBUS}: Annex III systems from 2 December 2027 (was 2 August 2026)`,
  },
  "high-risk-annex-i": {
    id: "high-risk-annex-i",
    name: "obligations for high-risk AI systems under Annex I (products and safety components under EU product law)",
    applies: "2028-08-02",
    source: `${REGULATION} Art. 113, ${OMNIBUS}: Annex I systems from 2 August 2028 (was 2 August 2027)`,
  },
};

/** The obligations of a high-risk system, by the annex that makes it high-risk. */
export const HIGH_RISK_OBLIGATION: Readonly<Record<AiActAnnex, AiActObligationId>> = {
  I: "high-risk-annex-i",
  III: "high-risk-annex-iii",
};

/**
 * The annex a high-risk system is taken under when the model does not record one: Annex III, whose
 * obligations apply first, so that a missing `annex` never makes a duty look further away.
 */
export const DEFAULT_ANNEX: AiActAnnex = "III";
