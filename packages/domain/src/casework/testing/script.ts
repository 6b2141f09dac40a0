/** A tiny driver for example-based tests: apply commands in order, fail loudly on the first refusal. */
import { expect } from 'vitest';
import { appendAction, type AppendResult } from '../append.ts';
import type { CaseType } from '../case-type.ts';
import { foldCase } from '../fold.ts';
import type { CaseActor, CaseContext, RecordedAction } from '../state.ts';
import { ctx as defaultCtx } from './harness.ts';

export class CaseScript {
  log: readonly RecordedAction[] = [];
  constructor(
    readonly type: CaseType,
    readonly ctx: CaseContext = defaultCtx,
  ) {}

  state(asOf?: string) {
    return foldCase(this.type, this.log, asOf ? { ...this.ctx, asOf } : this.ctx);
  }

  /** Tries an action on the current version; keeps it when accepted. */
  try(who: CaseActor, code: string, date: string, payload: Record<string, unknown> = {}, extra: { override?: { reason: string }; baseVersion?: number } = {}): AppendResult {
    const result = appendAction(this.type, this.log, who, { code, date, payload, baseVersion: extra.baseVersion ?? this.log.length, ...(extra.override ? { override: extra.override } : {}) }, this.ctx);
    if (result.ok) this.log = result.log;
    return result;
  }

  do(who: CaseActor, code: string, date: string, payload: Record<string, unknown> = {}, extra: { override?: { reason: string } } = {}) {
    const result = this.try(who, code, date, payload, extra);
    if (!result.ok) expect.fail(`${code} refused: ${result.error.code} ${result.error.message}`);
    return result;
  }

  /** Expects a refusal with `code`, and that nothing changed. */
  refuse(errorCode: string, who: CaseActor, code: string, date: string, payload: Record<string, unknown> = {}, extra: { override?: { reason: string }; baseVersion?: number } = {}) {
    const before = this.log;
    const result = this.try(who, code, date, payload, extra);
    expect(result.ok ? 'accepted' : result.error.code).toBe(errorCode);
    expect(this.log).toBe(before);
    return result.ok ? undefined : result.error;
  }
}
