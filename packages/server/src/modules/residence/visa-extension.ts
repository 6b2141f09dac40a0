/**
 * Visa extension applications as cases (issue 6 §2; ADR 0404): the residence module's hooks on the
 * domain's `visa-extension` case type. Submitting checks the visa against the registry (it exists, is the
 * case subject's, is not withdrawn, and the requested last day is after its current one) and records the
 * visa's id; the grant moves the visa's last day, the visa document on the person record with it, and
 * recomputes the stay position, all in the decision's transaction; a refusal writes nothing else.
 */
import { DomainError, validationError } from '@kamurj/domain/kernel';
import type { Queryable } from '../../db/client.ts';
import { audit } from '../audit/index.ts';
import { extendCaseType, type AppliedContext, type CaseTypeExtension, type HookContext } from '../casework/index.ts';
import { issuerOf, syncDocument } from './context.ts';
import * as repo from './repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const invalid = (field: string, code: string, message: string) => validationError([{ field: `payload.${field}`, code, message }]);

/** The visa named by its id or its number (as printed on the sticker or the e-visa). */
async function visaNamed(q: Queryable, ref: unknown): Promise<repo.VisaRow> {
  const text = typeof ref === 'string' ? ref.trim() : '';
  const row = !text ? undefined : UUID.test(text) ? await repo.findVisa(q, text) : await repo.findVisaByNumber(q, text.toUpperCase());
  if (!row) throw invalid('visaId', 'VISA_EXTENSION.VISA_NOT_FOUND', 'No visa with this id or number is recorded');
  return row;
}

/** The rules an extension must meet, checked on submission and again at the decision (the visa may have changed since). */
async function extendableVisa(ctx: HookContext, visaRef: unknown, newEndDate: unknown): Promise<repo.VisaRow> {
  const visa = await visaNamed(ctx.tx, visaRef);
  if (!ctx.case.subjectPersonIds.includes(visa.person_id)) {
    throw invalid('visaId', 'VISA_EXTENSION.VISA_NOT_SUBJECTS', `Visa ${visa.number} belongs to another person than the one the case is about`);
  }
  if (visa.withdrawn_at) throw new DomainError('VISA_EXTENSION.VISA_WITHDRAWN', 'conflict', `Visa ${visa.number} was withdrawn and cannot be extended`, { visa: visa.number });
  if (typeof newEndDate === 'string' && ISO_DATE.test(newEndDate) && newEndDate <= visa.valid_to) {
    throw invalid('newEndDate', 'VISA_EXTENSION.NOT_AFTER_CURRENT_END', `The new last day must be after the visa's current last day, ${visa.valid_to}`);
  }
  return visa;
}

async function prepareSubmit(ctx: HookContext, payload: Record<string, unknown>) {
  const visa = await extendableVisa(ctx, payload.visaId, payload.newEndDate);
  return { ...payload, visaId: visa.id };
}

async function prepareGrant(ctx: HookContext, payload: Record<string, unknown>) {
  await extendableVisa(ctx, ctx.before.data.visaId, ctx.before.data.newEndDate);
  return payload;
}

async function appliedGrant(ctx: AppliedContext) {
  const visaId = String(ctx.before.data.visaId);
  const newEnd = String(ctx.before.data.newEndDate);
  const visa = (await repo.findVisa(ctx.tx, visaId))!;
  // Conditional update: a concurrent withdrawal or extension since the check refuses the grant as a whole.
  if (!(await repo.extendVisa(ctx.tx, visaId, newEnd))) {
    throw new DomainError('VISA_EXTENSION.VISA_CHANGED', 'conflict', `Visa ${visa.number} was withdrawn or extended meanwhile; reload the case`);
  }
  const issuer = issuerOf(ctx.deps, ctx.auth);
  const decisionRef = `${ctx.case.number}#${ctx.record.seq}`;
  await syncDocument(
    ctx.tx, ctx.origin, issuer, visa.person_id,
    { id: visa.document_id, type: 'visa', number: visa.number, issuingState: issuer.country, issueDate: visa.valid_from, expiryDate: newEnd, status: 'valid', mrz: null },
    { visaId, extendedBy: decisionRef },
  );
  await audit(ctx.tx, ctx.origin, {
    action: 'residence.visa.extend', purpose: 'casework', targetType: 'visa', targetId: visaId,
    details: { personId: visa.person_id, number: visa.number, previousValidTo: visa.valid_to, validTo: newEnd, decisionRef },
  });
}

export const visaExtensionApplications: CaseTypeExtension = {
  actions: {
    submit: { prepare: prepareSubmit },
    grant: { prepare: prepareGrant, applied: appliedGrant },
  },
};

extendCaseType('visa-extension', visaExtensionApplications);
