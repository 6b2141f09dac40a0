import { describe, expect, it } from 'vitest';
import { buildNameField, formatNameField, identifierToMrz, parseNameField, splitFullName } from './names.ts';
import { transliterateToMrz } from './transliterate.ts';

const mrz = (text: string): string => transliterateToMrz(text).text;
const field39 = (surname: string, given: string): string => formatNameField(surname, given, 39).field;

describe('transliteration into the MRZ', () => {
  it('ICAO Latin folding (Part 3 §6.A)', () => {
    expect(mrz('Äöü Åß Æ Ø Þ Ñ')).toBe('AEOEUE AASS AE OE TH N');
    expect(mrz('Çağrı Łukasz Šťastný Ž')).toBe('CAGRI LUKASZ STASTNY Z');
    expect(mrz('ĳ Đorđe')).toBe('IJ DORDE');
    expect(mrz('İnce Ömer')).toBe('INCE OEMER');
    expect(mrz('Jose\u0301 N\u0303')).toBe('JOSE N');
    expect(transliterateToMrz('Əliyev').unmapped).toEqual(['ə']);
  });

  it('ICAO Cyrillic (Part 3 §6.B; reference §6.4)', () => {
    expect(mrz('Объедкова')).toBe('OBIEEDKOVA'); // Ъ → IE, then Е → E
    expect(mrz('Игорь')).toBe('IGOR');
    expect(mrz('Цветаева')).toBe('TSVETAEVA');
    expect(mrz('Юлия')).toBe('IULIIA');
    expect(mrz('Щукин')).toBe('SHCHUKIN');
    expect(mrz('Андрей Хабибуллин')).toBe('ANDREI KHABIBULLIN');
    expect(mrz('Ярослав Жуков Чехов Шишкин Ёлкин Эльза Быков')).toBe('IAROSLAV ZHUKOV CHEKHOV SHISHKIN ELKIN ELZA BYKOV');
  });

  it('Armenian, passport practice (reference §6.1)', () => {
    expect(mrz('Երևան')).toBe('YEREVAN');
    expect(mrz('Հովհաննիսյան')).toBe('HOVHANNISYAN');
    expect(mrz('Ղազարյան')).toBe('GHAZARYAN');
    expect(mrz('Եղիազարյան')).toBe('YEGHIAZARYAN');
    expect(mrz('Ոսկանյան')).toBe('VOSKANYAN');
    expect(mrz('Հարությունյան')).toBe('HARUTYUNYAN');
    expect(mrz('Ծատուրյան Ցոլակ')).toBe('TSATURYAN TSOLAK');
    expect(mrz('Ճաղարյան Չոբանյան Շահինյան Ջանիբեկյան')).toBe('CHAGHARYAN CHOBANYAN SHAHINYAN JANIBEKYAN');
    expect(mrz('Ժիրայր Խաչատրյան Ձորյան Ռուբեն')).toBe('ZHIRAYR KHACHATRYAN DZORYAN RUBEN');
    expect(mrz('Թաթուլ Փափազյան Քոչարյան Մկրտչյան Էդգար Օհան')).toBe('TATUL PAPAZYAN KOCHARYAN MKRTCHYAN EDGAR OHAN');
    expect(mrz('Գայանե Ուռուտյան')).toBe('GAYANE URUTYAN');
    expect(mrz('և Գևորգ')).toBe('YEV GEVORG');
  });
});

describe('name field: punctuation (Part 3 §4.6) and ICAO examples (Part 4 §4.2.3.1)', () => {
  it.each([
    ['Eriksson', 'Anna Maria', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<'],
    ['Smith-Jones', 'Susie Margaret', 'SMITH<JONES<<SUSIE<MARGARET<<<<<<<<<<<<'],
    ["O'Connor", 'Enya Siobhan', 'OCONNOR<<ENYA<SIOBHAN<<<<<<<<<<<<<<<<<<'],
    ['Van Der Muellen', 'Martin', 'VAN<DER<MUELLEN<<MARTIN<<<<<<<<<<<<<<<<'],
    ['Al-Basri', 'Huda Muhammad Jawad', 'AL<BASRI<<HUDA<MUHAMMAD<JAWAD<<<<<<<<<<'],
    ['Arkfreith', '', 'ARKFREITH<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<'],
    ['Satriya Sudarpa', '', 'SATRIYA<SUDARPA<<<<<<<<<<<<<<<<<<<<<<<<'],
    ["D'Artagnan", 'Charles, Ogier', 'DARTAGNAN<<CHARLES<OGIER<<<<<<<<<<<<<<<'],
    ['Müller-Lüdenscheidt', 'Jürgen 2nd', 'MUELLER<LUEDENSCHEIDT<<JUERGEN<ND<<<<<<'],
  ])('%s, %s', (surname, given, expected) => {
    expect(field39(surname, given)).toBe(expected);
  });

  it('full names split at the first comma', () => {
    expect(splitFullName('VARDANYAN-GHAZARYAN-HOVHANNISYAN, ARAM')).toEqual({ surname: 'VARDANYAN-GHAZARYAN-HOVHANNISYAN', givenNames: ' ARAM' });
    expect(identifierToMrz(' ARAM ').value).toBe('ARAM');
  });
});

describe('truncation (Part 4 §4.2.3; reference §1.6)', () => {
  it('reference illustration, TD1', () => {
    const r = formatNameField('VARDANYAN-GHAZARYAN-HOVHANNISYAN', 'ARAM', 30);
    expect(r).toMatchObject({ field: 'VARDANYAN<GHAZARYAN<HOVHANN<<A', truncated: true });
  });

  it('ICAO 4.2.3.2: secondary identifier truncated', () => {
    expect(field39('Nilavadhanananda', 'Chayapa Dejthamrong Krasuang')).toBe('NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K');
    expect(field39('Nilavadhanananda', 'Arnpol Petch Charonguang')).toBe('NILAVADHANANANDA<<ARNPOL<PETCH<CHARONGU');
  });

  it('ICAO 4.2.3.3: primary identifier truncated, ends with a letter', () => {
    // ICAO shows several valid truncations; ours keeps the most of the primary identifier.
    expect(field39('Bennelong Wooloomooloo Warrandyte Warnambool', 'Dingo Potoroo')).toBe('BENNELONG<WOOLOOMOOLOO<WARRANDYTE<WA<<D');
  });

  it('a cut on a separator shortens the previous component so the field ends with a letter', () => {
    expect(buildNameField('ERIKSSON', 'ANNA<MARIA', 15)).toEqual({ field: 'ERIKSSON<<ANN<M', truncated: true });
    expect(buildNameField('ERIKSSON', 'A<MARIA', 12)).toEqual({ field: 'ERIKSSO<<A<M', truncated: true });
  });

  it('primary-only overflow is cut to end with a letter', () => {
    expect(buildNameField('ABCDEFGH<IJ', '', 9)).toEqual({ field: 'ABCDEFGH<', truncated: true });
    expect(buildNameField('ABCDEFGHIJ', '', 9)).toEqual({ field: 'ABCDEFGHI', truncated: true });
  });

  it('parse: components, stray fillers, truncation flag', () => {
    expect(parseNameField('ERIKSSON<<ANNA<<<MARIA<<<<<')).toEqual({ surname: 'ERIKSSON', givenNames: 'ANNA MARIA', possiblyTruncated: false });
    expect(parseNameField('VARDANYAN<GHAZARYAN<HOVHANN<<A')).toEqual({ surname: 'VARDANYAN GHAZARYAN HOVHANN', givenNames: 'A', possiblyTruncated: true });
    expect(parseNameField('<<ANNA<<<<')).toEqual({ surname: '', givenNames: 'ANNA', possiblyTruncated: false });
  });
});
