/**
 * The typed permission vocabulary. Roles are bundles of actions; what an action reaches is limited by the
 * actor's agency and jurisdiction scopes (see can.ts). Least privilege: every role gets only what its
 * daily work needs; auditors read the audit log and nothing else.
 */
export const ACTIONS = [
  'session.self', // change own password, manage own second factor
  'users.read',
  'users.manage', // create, update, reset password, disable
  'tokens.manage', // machine API tokens of the agency
  'audit.read',
  'audit.verify',
  'reference.read',
  'reference.manage',
  'persons.read',
  'persons.write',
  'persons.merge', // review duplicate candidates, merge and unmerge persons
  'persons.sensitive.read', // see protected persons (trafficking victims, asylum seekers, minors) unmasked
  'persons.break_glass', // time-boxed, reasoned, audited access to one protected person
  'border.crossing.record',
  'border.crossing.supervise',
  'border.handover.acknowledge', // the receiving agency acknowledges a referral made at the border
  'edge.sync', // machine tokens of edge nodes: pull lists, reference data and the post's accounts, deliver crossings (ADR 0503)
  'watchlist.read', // see watchlist entries, entry bans and the lost/stolen/revoked document list
  'watchlist.manage', // add, change and withdraw list entries of the actor's agency; import document lists
  'border.apis.submit', // upload airline manifests (advance passenger information) for arrivals at crossing points in reach
  'residence.irregular.read', // the irregular-residence list (foreigners whose lawful stay has ended)
  'residence.read', // visas, residence statuses and address registrations of foreigners
  'residence.manage', // record and withdraw visas and residence statuses, import e-visa files, register addresses
  'work.read', // employers, employer notices, private employment agencies with inspections, complaints, sanctions
  'work.manage', // register employers and agencies; record notices, inspections, complaints and sanctions
  'cases.read',
  'cases.write', // record actions, notes, attachments, consents and referrals on a case
  'cases.assign', // assign and reassign cases (also in bulk from the workqueue)
  'cases.transfer', // transfer a case to another agency; answer transfers addressed to the actor's agency
  'cases.supervise', // act as case_supervisor on a case (decisions reserved to supervisors; ADR 0402)
  'cases.referral.override_consent', // refer without recorded consent, with a reason; audited
  'cases.labour_review', // the labour ministry's labour-market check and consent on work-permit cases (ADR 0404)
  'statistics.read',
  'policy.read',
  'policy.write',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ROLES = [
  'border_officer',
  'border_supervisor',
  'case_worker',
  'analyst',
  'policy_officer',
  'agency_admin',
  'system_admin',
  'auditor',
  'labour_market_officer', // labour ministry: labour-market check and consent on work permits (ADR 0404)
] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);
export const isAction = (v: string): v is Action => (ACTIONS as readonly string[]).includes(v);

/**
 * How far an action reaches for a role:
 * - `jurisdiction`: targets inside the actor's jurisdiction scopes, in any agency (border and case work
 *   follows territory: an officer at Bagratashen sees crossings at Bagratashen);
 * - `agency`: targets of the actor's own agency (user administration);
 * - `all`: every target (national oversight: system administrators, auditors, analysts' statistics).
 */
export type Reach = 'jurisdiction' | 'agency' | 'all';

export const ROLE_GRANTS: Readonly<Record<Role, Partial<Record<Action, Reach>>>> = {
  border_officer: {
    'session.self': 'all',
    'reference.read': 'all',
    // A traveller may arrive at any crossing point: border staff look people up nationally.
    'persons.read': 'all',
    'persons.break_glass': 'all',
    // A traveller seen for the first time is registered at the crossing point (ADR 0301, 0502).
    'persons.write': 'jurisdiction',
    'border.crossing.record': 'jurisdiction',
    // Airline manifests for arrivals at the officer's crossing points (ADR 0504).
    'border.apis.submit': 'jurisdiction',
    // Lists are national: an officer must be able to read an entry that stops a traveller.
    'watchlist.read': 'all',
    // A visa is checked at any crossing point (ADR 0701).
    'residence.read': 'all',
  },
  border_supervisor: {
    'session.self': 'all',
    'reference.read': 'all',
    'persons.read': 'all',
    'persons.write': 'jurisdiction',
    'persons.break_glass': 'all',
    'border.crossing.record': 'jurisdiction',
    'border.crossing.supervise': 'jurisdiction',
    'border.apis.submit': 'jurisdiction',
    'watchlist.read': 'all',
    // Entries belong to the agency that owns them (the owning agency changes them).
    'watchlist.manage': 'agency',
    'statistics.read': 'jurisdiction',
    'residence.read': 'all',
  },
  case_worker: {
    'session.self': 'all',
    'reference.read': 'all',
    'persons.read': 'jurisdiction',
    'persons.write': 'jurisdiction',
    'persons.merge': 'jurisdiction',
    // Case workers handle asylum and trafficking cases of their territory (ADR 0301: a dedicated
    // protection-officer role is the next refinement).
    'persons.sensitive.read': 'jurisdiction',
    'persons.break_glass': 'jurisdiction',
    'cases.read': 'jurisdiction',
    'cases.write': 'jurisdiction',
    'cases.assign': 'jurisdiction',
    'cases.transfer': 'jurisdiction',
    // Handovers are addressed to an agency (asylum → MCS, trafficking → Police): its case workers answer.
    'border.handover.acknowledge': 'agency',
    // The irregular-residence register belongs to the migration agency (the target is that agency).
    'residence.irregular.read': 'agency',
    // Entry bans imposed by the migration service are managed by its case workers.
    'watchlist.read': 'all',
    'watchlist.manage': 'agency',
    // Visas, residence and work records follow the holder's or employer's territory (ADR 0701).
    'residence.read': 'jurisdiction',
    'residence.manage': 'jurisdiction',
    'work.read': 'jurisdiction',
    'work.manage': 'jurisdiction',
  },
  analyst: {
    'session.self': 'all',
    'reference.read': 'all',
    'statistics.read': 'jurisdiction',
  },
  policy_officer: {
    'session.self': 'all',
    'reference.read': 'all',
    'statistics.read': 'jurisdiction',
    'policy.read': 'all',
    'policy.write': 'all',
    // The labour ministry oversees employers and employment agencies nationally (ADR 0701).
    'work.read': 'all',
  },
  agency_admin: {
    'session.self': 'all',
    'reference.read': 'all',
    'users.read': 'agency',
    'users.manage': 'agency',
    'tokens.manage': 'agency',
    // The head of an agency supervises its casework until a dedicated supervisor role exists (ADR 0402).
    'cases.read': 'agency',
    'cases.assign': 'agency',
    'cases.supervise': 'agency',
    'cases.referral.override_consent': 'agency',
  },
  system_admin: {
    'session.self': 'all',
    'reference.read': 'all',
    'reference.manage': 'all',
    'users.read': 'all',
    'users.manage': 'all',
    'tokens.manage': 'all',
    // Administrators answer for the accounts they manage, so they may read the trail (never change it);
    // the auditor keeps an independent, read-only view.
    'audit.read': 'all',
    'audit.verify': 'all',
  },
  auditor: {
    'session.self': 'all',
    'reference.read': 'all',
    'users.read': 'all',
    'audit.read': 'all',
    'audit.verify': 'all',
  },
  labour_market_officer: {
    'session.self': 'all',
    'reference.read': 'all',
    // The ministry's own cases (none yet) open the workqueue; work-permit cases are reached nationally
    // through the review access, and the case table lets this role record only the consent or its refusal.
    'cases.read': 'agency',
    'cases.labour_review': 'all',
    'work.read': 'all',
  },
};

/** Roles whose holders must use a second factor (TOTP): they can change who sees what. */
export const ROLES_REQUIRING_MFA: readonly Role[] = ['agency_admin', 'system_admin', 'auditor'];

/**
 * Roles an administrator may hand out. An agency administrator cannot create system administrators or
 * auditors (the oversight roles stay with the centre), nor other agency administrators.
 */
export const ASSIGNABLE_ROLES: Readonly<Partial<Record<Role, readonly Role[]>>> = {
  agency_admin: ['border_officer', 'border_supervisor', 'case_worker', 'analyst', 'policy_officer', 'labour_market_officer'],
  system_admin: ROLES,
};

/** Web app modules and the action that opens each one. The shell shows only the modules a user may use. */
export const MODULES = [
  { code: 'border', action: 'border.crossing.record' },
  { code: 'persons', action: 'persons.read' },
  { code: 'handovers', action: 'border.handover.acknowledge' },
  { code: 'residence', action: 'residence.irregular.read' },
  { code: 'visas', action: 'residence.read' },
  { code: 'work', action: 'work.read' },
  { code: 'cases', action: 'cases.read' },
  { code: 'statistics', action: 'statistics.read' },
  { code: 'policy', action: 'policy.read' },
  { code: 'users', action: 'users.read' },
  { code: 'tokens', action: 'tokens.manage' },
  { code: 'audit', action: 'audit.read' },
  { code: 'reference', action: 'reference.manage' },
] as const satisfies readonly { code: string; action: Action }[];
export type ModuleCode = (typeof MODULES)[number]['code'];

/**
 * Actions a machine token may hold. Never administration (a leaked token must not create users or read
 * the audit log), and never protected persons, merging or break-the-glass: those stay with people who
 * answer for them by name.
 */
const NOT_FOR_MACHINES: readonly Action[] = [
  'session.self', 'users.read', 'users.manage', 'tokens.manage', 'audit.read', 'audit.verify', 'reference.manage',
  'persons.merge', 'persons.sensitive.read', 'persons.break_glass',
  // Lists that stop travellers are changed by people who answer for them by name.
  'watchlist.manage',
  // Supervision and proceeding without consent are answered for by name.
  'cases.supervise', 'cases.referral.override_consent',
];
export const MACHINE_ACTIONS: readonly Action[] = ACTIONS.filter((a) => !NOT_FOR_MACHINES.includes(a));
