import { inForce } from '@kamurj/domain/residence';
import type { AddressRow, StatusRow, VisaRow } from './repository.ts';

const state = (r: { valid_from: string; valid_to: string; withdrawn_at: Date | null }, today: string) =>
  r.withdrawn_at ? 'withdrawn' : inForce({ validFrom: r.valid_from, validTo: r.valid_to, withdrawn: false }, today) ? 'in_force' : r.valid_to < today ? 'expired' : 'future';

export function presentVisa(r: VisaRow, today: string) {
  return {
    id: r.id,
    personId: r.person_id,
    holderName: r.holder_name ?? null,
    type: r.type,
    eVisa: r.type === 'e_visa',
    number: r.number,
    issuingPost: r.issuing_post,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    stayDays: r.stay_days,
    entries: r.entries,
    passportNumber: r.passport_number,
    source: r.import_id ? 'import' : 'manual',
    state: state(r, today),
    withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    withdrawalReason: r.withdrawal_reason,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
  };
}

export function presentStatus(r: StatusRow, today: string) {
  return {
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    ground: r.ground,
    cardNumber: r.card_number,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    issuingOffice: r.issuing_office,
    decisionRef: r.decision_ref,
    state: state(r, today),
    withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    withdrawalReason: r.withdrawal_reason,
    createdAt: r.created_at.toISOString(),
  };
}

export const presentAddress = (r: AddressRow) => ({
  id: r.id,
  statusId: r.status_id,
  region: r.region,
  community: r.community,
  line: r.line,
  registeredFrom: r.registered_from,
  registeredTo: r.registered_to,
});
