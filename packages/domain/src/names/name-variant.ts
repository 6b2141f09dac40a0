/**
 * The stored name model: the name exactly as written, its script, and the Latin forms found on
 * documents or produced by the romanization engines. Nothing is overwritten: comparison keys are derived
 * from these, never stored in their place (domain reference §6.2: "keep the original script and every
 * romanization as indexed variants").
 */
import { detectScript, type NameScript } from './script.ts';
import { romanizeAll, type TranslitSystemId } from './translit/transliterate.ts';

export type NameVariantKind =
  | 'as-written' // the form the person or the source document gives, in its own script
  | 'document-latin' // a Latin form printed on a document (passport VIZ, visa)
  | 'mrz' // the machine-readable-zone form (may be truncated)
  | 'transliteration'; // produced by a Kamurj engine

export interface NameVariant {
  readonly text: string;
  readonly script: NameScript;
  readonly kind: NameVariantKind;
  /** Engine that produced a `transliteration`. */
  readonly system?: TranslitSystemId;
  /** Where a document form was read (e.g. "passport AM1234567"). */
  readonly source?: string;
}

export interface PersonName {
  readonly asWritten: NameVariant;
  /** Document forms first, then engine transliterations not already among them. */
  readonly variants: readonly NameVariant[];
}

export function nameVariant(text: string, kind: NameVariantKind = 'as-written', extra: { system?: TranslitSystemId; source?: string } = {}): NameVariant {
  return { text: text.normalize('NFC'), script: detectScript(text), kind, ...extra };
}

/**
 * Builds the stored name: the form as written, the document forms given, and every romanization of
 * the written form by the engines of its script (when it is not Latin already).
 */
export function personName(asWritten: string, documentForms: readonly { text: string; kind?: 'document-latin' | 'mrz'; source?: string }[] = []): PersonName {
  const original = nameVariant(asWritten);
  const variants: NameVariant[] = documentForms.map((d) =>
    nameVariant(d.text, d.kind ?? 'document-latin', d.source === undefined ? {} : { source: d.source }),
  );
  const seen = new Set([original.text, ...variants.map((v) => v.text)]);
  if (original.script !== 'Latn' && original.script !== 'unknown') {
    for (const r of romanizeAll(original.text)) {
      if (seen.has(r.text)) continue;
      seen.add(r.text);
      variants.push(nameVariant(r.text, 'transliteration', { system: r.system }));
    }
  }
  return { asWritten: original, variants };
}
