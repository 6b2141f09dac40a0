/** The cross-script keys: every form in a group reduces to the same loose key (domain reference §6.2, §6.3). */
import { describe, expect, it } from 'vitest';
import { givenNameGroups, wordKeys } from './dictionaries.ts';

const sameLoose = (forms: readonly string[]) => {
  const keys = new Set(forms.map((f) => wordKeys(f).loose));
  expect([...keys], forms.join(', ')).toHaveLength(1);
};

describe('loose key bridges scripts, eras and Russified Armenian forms', () => {
  it('Hovhannisyan (§6.2)', () =>
    sameLoose(['Հովհաննիսյան', 'HOVHANNISYAN', 'Оганесян', 'Ованесян', 'Оганисян', 'OGANESIAN', 'OVANESIAN', 'OGANISIAN', 'Hovannisian']));
  it('Harutyunyan', () => sameLoose(['Հարությունյան', 'HARUTYUNYAN', 'Арутюнян', 'ARUTIUNIAN']));
  it('Ghazaryan', () => sameLoose(['Ղազարյան', 'GHAZARYAN', 'Казарян', 'Газарян', 'KAZARIAN', 'GAZARIAN']));
  it('Yeghiazaryan', () => sameLoose(['Եղիազարյան', 'YEGHIAZARYAN', 'Егиазарян', 'EGIAZARIAN']));
  it('Tsaturyan across passport eras (§6.3)', () => sameLoose(['Цатурян', 'TSATURYAN', 'TCATURIAN', 'TSATURIAN']));
  it('Yulia across eras', () => sameLoose(['Юлия', 'YULIA', 'IULIIA', 'YULIYA']));
  it('kh / x', () => sameLoose(['Khachatryan', 'Xachatryan', 'Хачатрян', 'Խաչատրյան']));
  it('Mkrtchyan keeps t+ch apart from the 2010 TC', () => sameLoose(['Mkrtchyan', 'Мкртчян', 'MKRTCHIAN']));
  it('surname stems: Hambardzumyan ~ Амбарцумян, Hakobyan ~ Акопян, Sargsyan ~ Саркисян', () => {
    sameLoose(['Hambardzumyan', 'Амбарцумян']);
    sameLoose(['Hakobyan', 'Акопян', 'Hagopian']);
    sameLoose(['Sargsyan', 'Саркисян', 'Sarkissian']);
  });
  it('keeps different surnames apart', () => {
    const keys = ['Petrosyan', 'Hovhannisyan', 'Harutyunyan', 'Ghazaryan', 'Sargsyan', 'Grigoryan'].map((w) => wordKeys(w).loose);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('strict key removes only romanization-era differences', () => {
  it('TC/TS, IU/YU, IA/YA', () => {
    expect(wordKeys('TCATURIAN').strict).toBe(wordKeys('TSATURYAN').strict);
    expect(wordKeys('IULIIA').strict).toBe(wordKeys('YULIYA').strict);
  });
  it('does not merge a dropped H', () => {
    expect(wordKeys('Harutyunyan').strict).not.toBe(wordKeys('Arutyunyan').strict);
  });
});

describe('given-name dictionary', () => {
  const shared = (a: string, b: string) => {
    const ga = givenNameGroups(wordKeys(a).loose) ?? [];
    const gb = givenNameGroups(wordKeys(b).loose) ?? [];
    return ga.some((g) => gb.includes(g));
  };
  it.each([
    ['Hovhannes', 'Ованес'],
    ['Hovhannes', 'Ivan'],
    ['Aleksandr', 'Alexander'],
    ['Ալեքսանդր', 'ALEKSANDR'],
    ['Mikayel', 'Михаил'],
    ['Grigor', 'Grigory'],
    ['Gevorg', 'George'],
    ['Gevorg', 'Георгий'],
    ['Yulia', 'Julia'],
    ['Yusuf', 'Hovsep'],
    ['Mohammed', 'Магомед'],
    ['Giorgi', 'გიორგი'],
  ])('%s ~ %s', (a, b) => expect(shared(a, b)).toBe(true));
  it('does not link unrelated names', () => {
    expect(shared('Aram', 'Armen')).toBe(false);
    expect(shared('Ivan', 'Igor')).toBe(false);
  });
});
