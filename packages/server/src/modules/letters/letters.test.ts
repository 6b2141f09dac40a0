import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DomainError } from '@kamurj/domain/kernel';
import { renderDecisionLetter, type DecisionLetterInput, type LetterLang } from './index.ts';

const input: DecisionLetterInput = {
  agency: { hy: 'Միգրացիայի և քաղաքացիության ծառայություն', ru: 'Служба миграции и гражданства', en: 'Migration and Citizenship Service' },
  office: { hy: 'Կենտրոնական գրասենյակ', ru: 'Центральный аппарат', en: 'Headquarters' },
  country: { hy: 'Հայաստանի Հանրապետություն', ru: 'Республика Армения', en: 'Republic of Armenia' },
  caseNumber: 'RES-2026-000123',
  date: '2026-11-22',
  subject: { hy: 'Ժամանակավոր կացության կարգավիճակ', ru: 'Временный вид на жительство', en: 'Temporary residence status' },
  // The addressee's name in its own script, whatever the letter's language.
  addressee: { name: 'Иванов Пётр Сергеевич', address: 'Երևան, Աբովյան 10' },
  decision: 'refused',
  legalBasis: ['LF-CH3', 'LF-20-4'],
  reasons: 'The employment contract was not submitted.\nՉի ներկայացվել աշխատանքային պայմանագիրը։',
  appeal: { days: 30, body: { hy: 'Միգրացիայի և քաղաքացիության ծառայության ղեկավարին', ru: 'руководителю Службы миграции и гражданства', en: 'the Head of the Migration and Citizenship Service' } },
  signer: { name: 'Դավիթ Գրիգորյան', title: { hy: 'Բաժնի պետ', ru: 'Начальник отдела', en: 'Head of Division' } },
};

async function textOf(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  let out = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    out += content.items.map((i) => ('str' in i ? i.str : '')).join('') + '\n';
  }
  await doc.destroy();
  return out.replace(/\s+/g, ' ');
}

const expected: Record<LetterLang, string[]> = {
  hy: ['ՈՐՈՇՈՒՄ', 'Միգրացիայի և քաղաքացիության ծառայություն', 'Դիմումը մերժվել է։', '22 նոյեմբերի, 2026', 'Բողոքարկման իրավունք', '30 օրվա ընթացքում', '«Օտարերկրացիների մասին» ՀՀ օրենք'],
  ru: ['РЕШЕНИЕ', 'Служба миграции и гражданства', 'В удовлетворении заявления отказано.', '22 ноября 2026', 'в течение 30 дней', 'Дело № RES-2026-000123'],
  en: ['DECISION', 'Migration and Citizenship Service', 'The application is refused.', '22 November 2026', 'within 30 days', 'Case No. RES-2026-000123', '20(4)'],
};

describe('decision letters', () => {
  for (const lang of ['hy', 'ru', 'en'] as const) {
    it(`renders a valid PDF in ${lang} whose text reads back in Armenian, Cyrillic and Latin`, async () => {
      const pdf = await renderDecisionLetter(input, lang);
      const raw = Buffer.from(pdf).toString('latin1');
      expect(raw.startsWith('%PDF-1.')).toBe(true);
      expect(raw).toMatch(/\nxref\n0 \d+\n/);
      expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
      expect(raw).toContain('/ToUnicode');
      // Subsets only: the letter is far smaller than the font files it draws from.
      expect(pdf.length).toBeGreaterThan(5_000);
      expect(pdf.length).toBeLessThan(150_000);
      const text = await textOf(pdf);
      for (const s of expected[lang]) expect(text).toContain(s);
      // The addressee and signer keep their own script in every language.
      expect(text).toContain('Иванов Пётр Сергеевич');
      expect(text).toContain('Դավիթ Գրիգորյան');
      expect(text).toContain('Երևան, Աբովյան 10');
    });
  }

  it('refuses an incomplete letter with the fields named', async () => {
    const bad = { ...input, legalBasis: ['NOPE'], date: '22.11.2026', addressee: { name: ' ' } };
    const err = await renderDecisionLetter(bad, 'en').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    const fields = ((err as DomainError).details as { issues: { field: string }[] }).issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['legalBasis.0', 'date', 'addressee.name']));
    await expect(renderDecisionLetter(input, 'fr' as LetterLang)).rejects.toThrow(DomainError);
  });
});
