import PDFDocument from 'pdfkit';
import { DomainError } from '@kamurj/domain/kernel';
import { FACES, fontBytes, runs, type Weight } from './fonts.ts';
import { DECISIONS, DECISION_TEXT, LETTER_LANGS, LETTER_TEXT, fill, legalBasisOf, type Decision, type LetterLang, type Localized } from './texts.ts';

/**
 * A printable decision letter (issue 6; ADR 0403): letterhead, case number, localised date, addressee with
 * the name in its own script, the decision, its legal basis, reasons, appeal rights and time limit, signer.
 * A4 PDF with embedded subsets of Noto Sans (Latin, Cyrillic, Armenian) and a ToUnicode map, so the text
 * can be searched and copied. The case module calls this when a decision is recorded.
 */
export interface DecisionLetterInput {
  /** Agency and office names from reference data (`{ hy, ru, en }`). */
  agency: Localized;
  office?: Localized | null;
  country: Localized;
  caseNumber: string;
  /** ISO date of the decision. */
  date: string;
  /** The subject, e.g. the case type's name. */
  subject: Localized;
  addressee: { name: string; address?: string | null };
  decision: Decision;
  /** Codes of LEGAL_BASES. */
  legalBasis: readonly string[];
  /** The reasons as written by the decision maker (in the letter's language). */
  reasons: string;
  appeal: { days: number; body: Localized };
  signer: { name: string; title: Localized };
}

const LOCALES: Record<LetterLang, string> = { hy: 'hy-AM', ru: 'ru-RU', en: 'en-GB' };
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export const formatLetterDate = (iso: string, lang: LetterLang) =>
  new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)).replace(/[\u00a0\u202f]/g, ' ');

function validate(input: DecisionLetterInput, lang: string): void {
  const issues: { field: string; code: string; message: string }[] = [];
  if (!(LETTER_LANGS as readonly string[]).includes(lang)) issues.push({ field: 'lang', code: 'LETTERS.LANGUAGE', message: 'The letter language is hy, ru or en' });
  if (!ISO.test(input.date) || Number.isNaN(Date.parse(input.date))) issues.push({ field: 'date', code: 'LETTERS.DATE', message: 'The date is YYYY-MM-DD' });
  if (!(DECISIONS as readonly string[]).includes(input.decision)) issues.push({ field: 'decision', code: 'LETTERS.DECISION', message: 'Unknown decision' });
  input.legalBasis.forEach((c, i) => {
    if (!legalBasisOf(c)) issues.push({ field: `legalBasis.${i}`, code: 'LETTERS.LEGAL_BASIS', message: `Unknown legal basis "${c}"` });
  });
  if (input.legalBasis.length === 0) issues.push({ field: 'legalBasis', code: 'LETTERS.LEGAL_BASIS_REQUIRED', message: 'A decision cites its legal basis' });
  if (!input.caseNumber.trim()) issues.push({ field: 'caseNumber', code: 'LETTERS.REQUIRED', message: 'The case number is required' });
  if (!input.addressee.name.trim()) issues.push({ field: 'addressee.name', code: 'LETTERS.REQUIRED', message: 'The addressee is required' });
  if (!Number.isInteger(input.appeal.days) || input.appeal.days < 1) issues.push({ field: 'appeal.days', code: 'LETTERS.APPEAL_DAYS', message: 'The appeal time limit is a positive number of days' });
  if (issues.length) throw new DomainError('LETTERS.INVALID', 'validation', 'The letter cannot be made', { issues });
}

type Doc = InstanceType<typeof PDFDocument>;
const fontName = (face: string, weight: Weight) => `${face}-${weight}`;

/**
 * Writes a paragraph whose text may mix scripts: one `text` call per run of one font face. Left-aligned
 * paragraphs flow through pdfkit's line wrapper as continued fragments; centred and right-aligned lines
 * are measured and placed here, because the wrapper aligns each fragment on its own.
 */
function write(doc: Doc, text: string, o: { size?: number; weight?: Weight; align?: 'left' | 'center' | 'right'; gap?: number } = {}): void {
  const parts = runs(text);
  const size = o.size ?? 10.5;
  const weight = o.weight ?? 400;
  doc.fontSize(size);
  const left = doc.page.margins.left;
  const available = doc.page.width - left - doc.page.margins.right;
  const widths = parts.map((r) => doc.font(fontName(r.face, weight)).widthOfString(r.text));
  const total = widths.reduce((a, b) => a + b, 0);
  if ((o.align === 'center' || o.align === 'right') && total <= available) {
    let x = left + (o.align === 'center' ? (available - total) / 2 : available - total);
    const y = doc.y;
    parts.forEach((r, i) => {
      doc.font(fontName(r.face, weight)).text(r.text, x, y, { lineBreak: false });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + doc.currentLineHeight(true) + 2;
  } else {
    parts.forEach((r, i) => {
      doc.font(fontName(r.face, weight)).text(r.text, { continued: i < parts.length - 1, lineGap: 2 });
    });
  }
  if (o.gap) doc.moveDown(o.gap);
}

export async function renderDecisionLetter(input: DecisionLetterInput, lang: LetterLang): Promise<Uint8Array> {
  validate(input, lang);
  const date = new Date(`${input.date}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    lang: LOCALES[lang],
    displayTitle: true,
    info: { Title: `${LETTER_TEXT.title[lang]} ${input.caseNumber}`, Author: input.agency[lang], Subject: input.subject[lang], CreationDate: date, ModDate: date },
  });
  for (const face of FACES) for (const w of [400, 700] as const) doc.registerFont(fontName(face, w), fontBytes(face, w));
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const t = LETTER_TEXT;
  // Letterhead.
  write(doc, input.country[lang].toUpperCase(), { size: 9, align: 'center' });
  write(doc, input.agency[lang], { size: 14, weight: 700, align: 'center' });
  if (input.office) write(doc, input.office[lang], { size: 10, align: 'center' });
  const y = doc.y + 6;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.8).stroke();
  doc.y = y + 12;
  write(doc, `${t.caseNumber[lang]} ${input.caseNumber}`, { align: 'right' });
  write(doc, `${t.date[lang]}: ${formatLetterDate(input.date, lang)}`, { align: 'right', gap: 1 });

  write(doc, `${t.to[lang]}:`, { weight: 700 });
  write(doc, input.addressee.name, { size: 12 });
  if (input.addressee.address) write(doc, input.addressee.address);
  doc.moveDown(1.2);

  write(doc, t.title[lang], { size: 16, weight: 700, align: 'center' });
  write(doc, `${t.subject[lang]}: ${input.subject[lang]}`, { align: 'center', gap: 1 });

  write(doc, t.decision[lang], { size: 12, weight: 700 });
  write(doc, DECISION_TEXT[input.decision][lang], { size: 12, gap: 0.8 });

  write(doc, t.legalBasis[lang], { size: 12, weight: 700 });
  for (const code of input.legalBasis) {
    const b = legalBasisOf(code)!;
    write(doc, `• ${b.law[lang]}, ${b.article}: ${b.text[lang]}`);
  }
  doc.moveDown(0.8);

  write(doc, t.reasons[lang], { size: 12, weight: 700 });
  for (const para of input.reasons.split(/\n+/).filter((p) => p.trim())) write(doc, para.trim(), { gap: 0.4 });
  doc.moveDown(0.4);

  write(doc, t.appeal[lang], { size: 12, weight: 700 });
  write(doc, fill(t.appealText[lang], { days: input.appeal.days, body: input.appeal.body[lang] }), { gap: 2 });

  write(doc, input.signer.title[lang]);
  write(doc, input.signer.name, { weight: 700, gap: 1.5 });
  const sy = doc.y;
  doc.moveTo(doc.page.margins.left, sy).lineTo(doc.page.margins.left + 180, sy).lineWidth(0.5).stroke();
  doc.y = sy + 4;
  write(doc, t.signature[lang], { size: 8 });

  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
