/**
 * Screening thresholds as data, per list (docs/decisions/0501-border-screening.md). A list without its
 * own threshold takes its kind's default. Document lists have no threshold: numbers match or not.
 */
import { issue, isRecord, type FieldIssue } from '../common/issues.ts';

export interface ScreeningConfig {
  /** Person-list defaults by kind. */
  readonly defaults: { readonly watchlist: number; readonly entry_ban: number };
  /** Per-list overrides by list id. */
  readonly lists?: Readonly<Record<string, { readonly threshold: number }>>;
}

/**
 * Both person lists default to 0.75, just above the most a namesake born in another year can score (a
 * perfect name, same sex and nationality, birth years more than one apart: 1 + 0.04 − 0.30 = 0.74). At
 * the matcher's own 0.70 a watchlist of common Armenian names stopped nine travellers in ten, nearly all on
 * such namesakes (ADR 0511). A list that must cast the wider net (a wanted person's date of birth is not
 * trusted) sets its own threshold. To be tuned on adjudicated hits (the false-hit rate per list is in the
 * adjudication log).
 */
export const DEFAULT_SCREENING_CONFIG: ScreeningConfig = {
  defaults: { watchlist: 0.75, entry_ban: 0.75 },
};

export function thresholdFor(config: ScreeningConfig, listId: string, kind: 'watchlist' | 'entry_ban'): number {
  return config.lists?.[listId]?.threshold ?? config.defaults[kind];
}

const validThreshold = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 1;

/** Validates a configuration read from reference data or an administrator's form. */
export function parseScreeningConfig(raw: unknown): { ok: true; value: ScreeningConfig } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (!isRecord(raw) || !isRecord(raw.defaults)) return { ok: false, issues: [issue('defaults', 'BORDER.INVALID_CONFIG', 'Expected { defaults: { watchlist, entry_ban }, lists? }')] };
  for (const k of ['watchlist', 'entry_ban']) {
    if (!validThreshold(raw.defaults[k])) issues.push(issue(`defaults.${k}`, 'BORDER.INVALID_THRESHOLD', 'A threshold is a number in (0, 1]'));
  }
  const lists: Record<string, { threshold: number }> = {};
  if (raw.lists !== undefined) {
    if (!isRecord(raw.lists)) issues.push(issue('lists', 'BORDER.INVALID_CONFIG', 'lists must map list ids to { threshold }'));
    else
      for (const [id, v] of Object.entries(raw.lists)) {
        if (!isRecord(v) || !validThreshold(v.threshold)) issues.push(issue(`lists.${id}.threshold`, 'BORDER.INVALID_THRESHOLD', 'A threshold is a number in (0, 1]'));
        else lists[id] = { threshold: v.threshold };
      }
  }
  if (issues.length > 0) return { ok: false, issues };
  const d = raw.defaults as { watchlist: number; entry_ban: number };
  return { ok: true, value: { defaults: { watchlist: d.watchlist, entry_ban: d.entry_ban }, lists } };
}
