/** Shapes of the server's JSON API (see the API contract). Only what the web app reads is typed. */

export interface LocalizedName {
  hy: string;
  ru: string;
  en: string;
}

export type SessionState = 'active' | 'mfa_required' | 'mfa_enrolment_required' | 'password_change_required';
export type JurisdictionKind = 'national' | 'marz' | 'bcp';

export interface AgencyRef {
  id: string;
  code: string;
  name: LocalizedName;
}

export interface Agency extends AgencyRef {
  kind: string;
}

export interface JurisdictionRef {
  id: string;
  path: string;
  kind: JurisdictionKind;
  code: string;
  name: LocalizedName;
}

export interface Jurisdiction extends JurisdictionRef {
  parentId: string | null;
}

export interface Me {
  state: SessionState;
  user: {
    id: string;
    username: string;
    displayName: string;
    agency: AgencyRef;
    roles: string[];
    jurisdictions: JurisdictionRef[];
    mfaEnabled: boolean;
    mustChangePassword: boolean;
  };
  actions: string[];
  modules: string[];
  csrfToken: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

export interface MfaSetup {
  secret: string;
  otpauthUri: string;
}

export interface RoleInfo {
  code: string;
  assignable: boolean;
  actions: string[];
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  agency: AgencyRef;
  roles: string[];
  jurisdictions: JurisdictionRef[];
  disabled: boolean;
  mfaEnabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface TokenView {
  id: string;
  name: string;
  agency: AgencyRef;
  actions: string[];
  jurisdictions: JurisdictionRef[];
  createdAt: string;
  createdBy: unknown;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEntry {
  id: number | string;
  at: string;
  actor: { type: 'user' | 'token' | 'system'; id: string | null; name: string | null };
  agencyCode: string | null;
  roles: string[];
  action: string;
  purpose: string | null;
  targetType: string | null;
  targetId: string | null;
  outcome: AuditOutcome;
  clientIp: string | null;
  requestId: string | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId?: number;
  reason?: string;
}

export interface ReferenceTable {
  name: string;
  editable: boolean;
  count: number;
}

export interface ReferenceItem {
  key: string;
  names: LocalizedName;
  attributes: Record<string, unknown>;
  active: boolean;
  version: number;
  updatedAt: string;
}

export interface ReferenceChange {
  version: number;
  changedAt: string;
  changedBy: unknown;
  before: unknown;
  after: unknown;
}
