/**
 * The team model's schema: the one definition from which the TypeScript types, the
 * validation and the editor JSON Schema (`schema/mlteam.schema.json`) are all derived.
 */
import { z } from "zod";
import { DATE_SHAPE, isCalendarDate } from "./calendar-date.ts";

export const STAGES = ["starting", "scaling", "mature"] as const;
export const TOPOLOGIES = ["embedded", "centralized", "full-stack"] as const;
export const TEAM_TYPES = ["product", "platform", "full-stack", "enabling"] as const;
/** Governance frameworks whose people-side duties the doctor can check (docs/governance.md). */
export const FRAMEWORKS = ["eu-ai-act", "iso-42001", "nist-ai-rmf"] as const;
export const AI_RISK_LEVELS = ["prohibited", "high", "limited", "minimal", "unassessed"] as const;
/** The EU AI Act's routes to high risk: Annex I (a product, or safety component, under EU product law) or Annex III (a listed use). */
export const AI_ACT_ANNEXES = ["I", "III"] as const;
export const PRODUCT_STAGES = ["prototype", "production"] as const;
export const STAKEHOLDER_KINDS = [
  "executive-sponsor",
  "evangelist",
  "cio",
  "ciso",
  "solution-architect",
  "data-governance",
  "infrastructure",
  "security",
  "vendor",
  "other",
] as const;
export const RULE_SETTINGS = ["off", "info", "warn", "error"] as const;
export const RACI_LETTERS = ["R", "A", "C", "I"] as const;

const id = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    "an id uses letters, digits, '.', '_' and '-' and starts with a letter or digit",
  )
  .describe("An identifier: letters, digits, '.', '_' and '-'.");

const date = z
  .string()
  .regex(DATE_SHAPE, { error: "a date is written YYYY-MM-DD", abort: true })
  .refine(isCalendarDate, "not a day of the calendar")
  .describe("A calendar date, YYYY-MM-DD.");

const level = z.number().int().min(0).max(4).describe("0 none, 1 aware, 2 basic, 3 working, 4 expert.");

/** One id or a list of ids; a single string is read as a list of one. */
const refList = z
  .union([z.string(), z.array(z.string())])
  .describe(
    "A role id or person id, or a list of them. Prefix with 'role:' or 'person:' when an id is both.",
  );

const organisation = z
  .strictObject({
    name: z.string().min(1).describe("The organisation's name."),
    stage: z.enum(STAGES).describe("How far the organisation is with ML in production (000 §8A.1)."),
    mlProducts: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("How many ML products or systems it runs or builds."),
    topology: z.enum(TOPOLOGIES).optional().describe("The team topology it declares (001 §3.3)."),
    frameworks: z
      .array(z.enum(FRAMEWORKS))
      .optional()
      .describe("Governance frameworks whose people-side duties the doctor checks (turns their rules on)."),
  })
  .describe("Facts about the organisation.");

const roleAssignment = z.union([
  id,
  z.strictObject({
    role: id.describe("A role id from the catalog or from `roles`."),
    allocation: z.number().min(0).optional().describe("Share of the person's time in this role, in percent."),
    acknowledged: date
      .optional()
      .describe(
        "When the person was told of the role's responsibilities and accepted them (ISO/IEC 42001 5.3).",
      ),
  }),
]);

const absence = z.strictObject({
  from: date,
  to: date,
  reason: z.string().optional(),
});

const person = z
  .strictObject({
    id,
    name: z.string().min(1),
    emails: z.array(z.string()).optional().describe("E-mail addresses, also used to match git authors."),
    git: z.array(z.string()).optional().describe("Further git author names or e-mails of this person."),
    handle: z.string().optional().describe("Code-host handle, e.g. @meghan."),
    titles: z.array(z.string()).optional().describe("Job titles as the organisation writes them."),
    roles: z.array(roleAssignment).optional().describe("Roles held, each with an optional allocation %."),
    skills: z.record(id, level).optional().describe("Competency id → level 0–4."),
    reportsTo: id.optional().describe("The person this person reports to."),
    absences: z.array(absence).optional().describe("Declared absences."),
    employment: z
      .enum(["employee", "contractor", "vendor"])
      .optional()
      .describe("employee (default), contractor or vendor: whether the person stays when a project ends."),
    capacity: z
      .number()
      .min(1)
      .max(100)
      .optional()
      .describe("Percent of full time the person works (default 100); allocations must fit within it."),
    joined: date.optional().describe("When the person joined."),
    leaves: date.optional().describe("When the person leaves: from then on they cover nothing."),
    training: z
      .array(
        z.strictObject({
          topic: z.string().min(1).describe("What the training was, e.g. ai-literacy or human-oversight."),
          date: date.describe("When it was completed."),
          expires: date.optional().describe("When it must be renewed."),
        }),
      )
      .optional()
      .describe("Training on record (EU AI Act Art. 4 AI literacy, ISO/IEC 42001 7.2 competence)."),
    development: z
      .array(
        z.strictObject({
          competency: id.describe("The competency to raise."),
          level: level.describe("The level to reach."),
          due: date.describe("When it should be reached."),
          done: date.optional().describe("When it was reached."),
        }),
      )
      .optional()
      .describe("Actions on competence gaps, each with a due date (ISO/IEC 42001 7.2)."),
  })
  .describe("A person in or around the ML team.");

const opening = z
  .strictObject({
    id,
    role: id.describe("The role the opening is for."),
    team: id.optional().describe("The team the new person will join."),
    product: id.optional().describe("The product the new person will work on."),
    start: date.optional().describe("When the new person is expected to start."),
    status: z
      .enum(["open", "approved", "planned"])
      .optional()
      .describe("open (default), approved or planned."),
    note: z.string().optional(),
  })
  .describe("An open or planned position: covers nothing yet; never a person, an owner or a reviewer.");

const onCall = z
  .strictObject({
    id,
    activity: id.optional().describe("The activity the rotation covers."),
    team: id.optional().describe("The team whose rotation it is."),
    people: z.array(id).describe("The people in the rotation."),
    note: z.string().optional(),
  })
  .refine((r) => r.activity !== undefined || r.team !== undefined, {
    message: "an on-call rotation names the `activity` or the `team` it covers",
  })
  .describe("An on-call rotation; a rotation of one is a single point of failure.");

const team = z.strictObject({
  id,
  name: z.string().optional(),
  type: z.enum(TEAM_TYPES),
  members: z.array(id).optional(),
  lead: id.optional().describe("The person who leads the team."),
  serves: z.array(id).optional().describe("Teams this (platform) team serves."),
  handle: z.string().optional().describe("The team's code-host handle, e.g. @acme/ml-platform."),
  parent: id
    .optional()
    .describe("The unit (department…) or team this team belongs to, in the organisation tree."),
});

const unit = z
  .strictObject({
    id,
    name: z.string().optional(),
    type: z.string().optional().describe("What kind of unit: department, sub-department, division…"),
    parent: id.optional().describe("The unit this one belongs to."),
  })
  .describe("A unit of the organisation above teams (a department, a division…): the organisation tree.");

const product = z.strictObject({
  id,
  name: z.string().optional(),
  team: id.describe("The team that owns the product."),
  stage: z.enum(PRODUCT_STAGES),
  risk: z
    .enum(AI_RISK_LEVELS)
    .optional()
    .describe("Its risk level under the EU AI Act: prohibited, high, limited, minimal or unassessed."),
  annex: z
    .enum(AI_ACT_ANNEXES)
    .optional()
    .describe(
      "For a high-risk system, the EU AI Act annex that makes it so: I (a product or safety component under EU product law) or III (a listed use); it sets the date the high-risk obligations apply from. Unset: taken as III, the earlier date.",
    ),
  operator: z
    .enum(["provider", "deployer"])
    .optional()
    .describe("Whether the organisation provides (builds) the AI system or deploys (uses) it."),
  oversight: z
    .array(id)
    .optional()
    .describe("The people assigned human oversight of the system (EU AI Act Art. 14, 26(2))."),
  docs: z
    .strictObject({
      science: z.string().optional().describe("Path of the ML science document, relative to the model."),
      techSpec: z.string().optional().describe("Path of the system tech spec, relative to the model."),
    })
    .optional(),
});

const stakeholder = z
  .strictObject({
    kind: z.enum(STAKEHOLDER_KINDS),
    person: id.optional().describe("A person of the model who holds this stake."),
    name: z
      .string()
      .optional()
      .describe("An outside name, when the stakeholder is not a person of the model."),
    engaged: z.boolean().optional().describe("Whether the stakeholder is actively engaged (default true)."),
    lastReview: date.optional().describe("When the team last reviewed its work with this stakeholder."),
    note: z.string().optional(),
  })
  .refine((s) => s.person !== undefined || s.name !== undefined, {
    message: "a stakeholder needs `person` (an id) or `name`",
  });

const raciRow = z
  .strictObject({
    activity: id.describe("An activity id from the catalog or from `activities`."),
    product: id.optional().describe("Limit this row to one product; it then overrides the general row."),
    R: refList.optional().describe("Responsible: who does the work."),
    A: refList.optional().describe("Accountable: the one who answers for it."),
    C: refList.optional().describe("Consulted."),
    I: refList.optional().describe("Informed."),
    backup: z
      .union([id, z.array(id)])
      .optional()
      .describe(
        'People who could take over the activity: the team\'s own answer to "who could take over?" (person ids).',
      ),
    note: z.string().optional(),
  })
  .describe("Who is Responsible, Accountable, Consulted and Informed for one activity.");

const competencyLevels = z.record(id, level);

const customRole = z.strictObject({
  id,
  name: z.string().optional(),
  category: z.string().optional(),
  focus: z.string().optional(),
  responsibilities: z.array(z.string()).optional(),
  tools: z.array(z.string()).optional(),
  deliverables: z.array(z.string()).optional(),
  competencies: competencyLevels.optional(),
  projectOnly: z.boolean().optional(),
  aliases: z.array(z.string()).optional(),
});

const customActivity = z.strictObject({
  id,
  name: z.string().optional(),
  area: z.string().optional(),
  description: z.string().optional(),
  competencies: competencyLevels.optional(),
  essentialFrom: z.enum(STAGES).optional(),
  productionCritical: z.boolean().optional(),
});

const customCompetency = z.strictObject({
  id,
  name: z.string().optional(),
  group: z.string().optional(),
  description: z.string().optional(),
  tools: z.array(z.string()).optional(),
});

const ruleSetting = z.union([
  z.enum(RULE_SETTINGS),
  z.strictObject({
    severity: z.enum(RULE_SETTINGS).optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  }),
]);

const suppression = z.strictObject({
  rule: z.string().describe("The rule id, e.g. raci/role-unstaffed."),
  subject: z
    .string()
    .optional()
    .describe("Only findings about this subject (an activity, role or person id)."),
  reason: z.string().min(1).describe("Why the finding is accepted."),
  expires: date.optional().describe("From this date on the suppression no longer applies."),
});

/** A path glob, as `.gitignore` writes them. */
const glob = z.string().min(1);

const repository = z.strictObject({
  path: z
    .string()
    .min(1)
    .describe("The repository's directory (or a bare repository), relative to this file."),
  branch: z.string().optional().describe("The branch or ref to read; HEAD when omitted."),
  patterns: z
    .record(id, z.array(glob))
    .optional()
    .describe(
      "Activity id → extra path globs for this repository; they win over the model's and the built-in ones.",
    ),
  filter: z
    .enum(["all", "code"])
    .optional()
    .describe("Which files count for this repository: all (default) or code (programming-language sources)."),
  reviews: z
    .string()
    .min(1)
    .optional()
    .describe(
      "A JSON file of the repository's pull-request reviews as the GitHub or GitLab API returns them, relative to this file.",
    ),
});

const evidence = z
  .strictObject({
    repositories: z
      .array(repository)
      .optional()
      .describe("Repositories whose history is evidence of who does what."),
    patterns: z
      .record(id, z.array(glob))
      .optional()
      .describe("Activity id → path globs; they win over the built-in patterns."),
    replacePatterns: z.boolean().optional().describe("Use only the model's patterns, not the built-in ones."),
    bots: z
      .array(glob)
      .optional()
      .describe("Globs of author names or e-mails to leave out (replaces the defaults)."),
    windowMonths: z
      .number()
      .int()
      .min(1)
      .max(120)
      .optional()
      .describe("How many months count as recent (default 12; at most 120)."),
    filter: z
      .enum(["all", "code"])
      .optional()
      .describe("Which files count: all (default) or code (programming-language sources, as the paper)."),
    mergeByName: z
      .boolean()
      .optional()
      .describe("Merge git identities that share a name of two words or more (default true)."),
    coAuthors: z
      .boolean()
      .optional()
      .describe("Credit Co-authored-by trailers as authorship (default false: the commit's author)."),
  })
  .describe("Evidence from git history: which repositories to read and how.");

/** The shape of one model file; every section is optional so that a model can be split over files. */
export const modelFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1).optional().describe("Model format version."),
    include: z
      .array(z.string())
      .optional()
      .describe("Further model files or directories (their *.yaml files), relative to this file."),
    organisation: organisation.optional(),
    people: z.array(person).optional(),
    openings: z.array(opening).optional().describe("Open or planned positions."),
    onCall: z.array(onCall).optional().describe("On-call rotations, per activity or team."),
    units: z.array(unit).optional().describe("The organisation tree above teams (departments…)."),
    teams: z.array(team).optional(),
    products: z.array(product).optional(),
    stakeholders: z.array(stakeholder).optional(),
    raci: z.array(raciRow).optional(),
    roles: z.array(customRole).optional().describe("Roles that extend or override the catalog."),
    activities: z
      .array(customActivity)
      .optional()
      .describe("Activities that extend or override the catalog."),
    competencies: z
      .array(customCompetency)
      .optional()
      .describe("Competencies that extend or override the catalog."),
    rules: z.record(z.string(), ruleSetting).optional().describe("Rule id → off / info / warn / error."),
    suppress: z.array(suppression).optional().describe("Findings accepted on purpose, each with a reason."),
    evidence: evidence.optional(),
  })
  .describe("An mlteam team model (team-as-code).");

export type ModelFile = z.infer<typeof modelFileSchema>;
export type Organisation = z.infer<typeof organisation>;
export type Person = z.infer<typeof person>;
export type RoleAssignment = z.infer<typeof roleAssignment>;
export type Absence = z.infer<typeof absence>;
export type Team = z.infer<typeof team>;
export type Unit = z.infer<typeof unit>;
export type Opening = z.infer<typeof opening>;
export type OnCall = z.infer<typeof onCall>;
export type Product = z.infer<typeof product>;
export type AiActAnnex = (typeof AI_ACT_ANNEXES)[number];
export type Stakeholder = z.infer<typeof stakeholder>;
export type RaciRow = z.infer<typeof raciRow>;
export type CustomRole = z.infer<typeof customRole>;
export type CustomActivity = z.infer<typeof customActivity>;
export type CustomCompetency = z.infer<typeof customCompetency>;
export type RuleSetting = z.infer<typeof ruleSetting>;
export type Suppression = z.infer<typeof suppression>;
export type EvidenceSettings = z.infer<typeof evidence>;
export type Stage = (typeof STAGES)[number];
export type Topology = (typeof TOPOLOGIES)[number];
export type RaciLetter = (typeof RACI_LETTERS)[number];

/** Keys an organisation may add to any mapping for its own attributes (cost centre, location…). */
export const isExtensionKey = (key: string) => key.startsWith("x-");

/**
 * `value` without its `x-*` keys, at every depth: what the schema validates (the model keeps them).
 * Only what holds such a key is copied; the rest is `value` itself (a model rarely has any, and a
 * copy of a large one costs more than its validation).
 */
export function withoutExtensions(value: unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const inner = withoutExtensions(value[i]);
      if (inner !== value[i]) out ??= value.slice(0, i);
      out?.push(inner);
    }
    return out ?? value;
  }
  if (!value || typeof value !== "object") return value;
  let out: Record<string, unknown> | undefined;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const inner = (value as Record<string, unknown>)[key];
    const kept = isExtensionKey(key) ? undefined : withoutExtensions(inner);
    // A copy assigns `__proto__` rather than keeping it as a key, as the copy this replaces did.
    if (!out && (isExtensionKey(key) || kept !== inner || key === "__proto__"))
      out = copyOf(value as Record<string, unknown>, keys, i);
    if (out && !isExtensionKey(key)) out[key] = kept;
  }
  return out ?? value;
}

/** A new object with the first `count` of `keys` of `value`. */
function copyOf(
  value: Record<string, unknown>,
  keys: readonly string[],
  count: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) out[keys[i] as string] = value[keys[i] as string];
  return out;
}
