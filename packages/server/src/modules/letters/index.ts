export { renderDecisionLetter, formatLetterDate, type DecisionLetterInput } from './render.ts';
export { LETTER_LANGS, LETTER_TEXT, DECISIONS, DECISION_TEXT, LEGAL_BASES, legalBasisOf, type LetterLang, type Localized, type Decision, type LegalBasis } from './texts.ts';
