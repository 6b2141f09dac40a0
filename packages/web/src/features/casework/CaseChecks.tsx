import { useI18n, type I18n } from '../../i18n/index.tsx';
import { LETTER_LANGS, letterUrl, type CaseDetail } from './api.ts';
import { actionLabel } from './labels.ts';

/** Outcomes that have a decision letter (procedural decisions do not). */
const LANG_NAME = { hy: 'cases.letter.lang.hy', ru: 'cases.letter.lang.ru', en: 'cases.letter.lang.en' } as const;
const LETTER_OUTCOMES = new Set(['granted', 'refused', 'extended', 'revoked']);

/**
 * A check's findings as the server records them: one line each, `CODE {json parameters}` (ADR 0404).
 * Known codes are shown in the reader's language; anything else as written.
 */
export function findingText(i: I18n, line: string): string {
  const m = /^([A-Z_]+)(?: (\{.*\}))?$/.exec(line.trim());
  if (!m) return line;
  let params: Record<string, string | number>;
  try {
    params = m[2] ? (JSON.parse(m[2]) as Record<string, string | number>) : {};
  } catch {
    return line;
  }
  return i.tx(`case.finding.${m[1]}`, line, params);
}

/** The latest result of each check recorded on the case (pre-decision checks, the labour ministry's consent). */
export function CaseChecks({ c }: { c: CaseDetail }) {
  const i = useI18n();
  const { t } = i;
  const latest = new Map<string, CaseDetail['timeline'][number]>();
  for (const a of c.timeline) if (typeof a.payload.result === 'string') latest.set(a.code, a);
  if (latest.size === 0) return null;
  return (
    <section className="panel" aria-labelledby="checks-h">
      <h2 id="checks-h">{t('cases.checks')}</h2>
      <ul className="case-checks">
        {[...latest.values()].map((a) => (
          <li key={a.code}>
            <strong>{actionLabel(i, a.code, a.label)}</strong>{' '}
            <span className={`tag ${a.payload.result === 'hit' ? 'tag-denied' : a.payload.result === 'inconclusive' ? 'tag-expired' : 'tag-success'}`}>{i.tx(`case.result.${String(a.payload.result)}`, String(a.payload.result))}</span>{' '}
            <span className="muted small">{i.date(a.date)}</span>
            {typeof a.payload.details === 'string' && (
              <ul>{a.payload.details.split('\n').filter(Boolean).map((line) => <li key={line}>{findingText(i, line)}</li>)}</ul>
            )}
            {typeof a.payload.reference === 'string' && <p className="small">{t('cases.checkReference', { reference: a.payload.reference })}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Print letter" links of one decision, one per language; each opens the PDF. */
export function DecisionLetters({ caseId, seq, outcome }: { caseId: string; seq: number; outcome: string }) {
  const i = useI18n();
  if (!LETTER_OUTCOMES.has(outcome)) return null;
  return (
    <span className="letters">
      {' '}{i.t('cases.letter.print')}:{' '}
      {LETTER_LANGS.map((lang) => (
        <a key={lang} href={letterUrl(caseId, seq, lang)} target="_blank" rel="noopener" aria-label={i.t('cases.letter.link', { lang: i.t(LANG_NAME[lang]) })} className="letter-link">
          {lang.toUpperCase()}{' '}
        </a>
      ))}
    </span>
  );
}
