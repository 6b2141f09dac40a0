/**
 * ICAO Doc 9303 Part 3 §5 codes that are used as issuing state or nationality but are not ISO 3166-1
 * countries. Kept apart from countries on purpose: a stateless person or a refugee has no country of
 * nationality, and statistics must not count XXA as a country.
 */
export interface IcaoCode {
  code: string;
  kind: 'state' | 'nationality-status' | 'organisation' | 'territory' | 'specimen' | 'deprecated';
  names: { hy: string; ru: string; en: string };
}

export const ICAO_SPECIAL_CODES: IcaoCode[] = [
  { code: 'D', kind: 'state', names: { hy: 'Գերմանիա (ICAO կոդ D)', ru: 'Германия (код ICAO D)', en: 'Germany (ICAO code D)' } },
  { code: 'GBD', kind: 'nationality-status', names: { hy: 'Բրիտանական անդրծովյան տարածքների քաղաքացի', ru: 'Гражданин британских заморских территорий', en: 'British Overseas Territories Citizen' } },
  { code: 'GBN', kind: 'nationality-status', names: { hy: 'Բրիտանական ազգային (անդրծովյան)', ru: 'Британский подданный (заморский)', en: 'British National (Overseas)' } },
  { code: 'GBO', kind: 'nationality-status', names: { hy: 'Բրիտանական անդրծովյան քաղաքացի', ru: 'Британский заморский гражданин', en: 'British Overseas Citizen' } },
  { code: 'GBS', kind: 'nationality-status', names: { hy: 'Բրիտանական հպատակ', ru: 'Британский подданный', en: 'British Subject' } },
  { code: 'GBP', kind: 'nationality-status', names: { hy: 'Բրիտանական պաշտպանվող անձ', ru: 'Лицо под британской защитой', en: 'British Protected Person' } },
  { code: 'RKS', kind: 'territory', names: { hy: 'Կոսովո', ru: 'Косово', en: 'Kosovo' } },
  { code: 'EUE', kind: 'organisation', names: { hy: 'Եվրոպական միություն', ru: 'Европейский союз', en: 'European Union' } },
  { code: 'UNO', kind: 'organisation', names: { hy: 'ՄԱԿ-ի պաշտոնատար անձ', ru: 'Должностное лицо ООН', en: 'United Nations official' } },
  { code: 'UNA', kind: 'organisation', names: { hy: 'ՄԱԿ-ի մասնագիտացված գործակալության պաշտոնատար անձ', ru: 'Должностное лицо специализированного учреждения ООН', en: 'UN specialized agency official' } },
  { code: 'UNK', kind: 'territory', names: { hy: 'Կոսովոյի բնակիչ (UNMIK փաստաթուղթ)', ru: 'Житель Косово (документ МООНК)', en: 'Kosovo resident (UNMIK travel document)' } },
  { code: 'XBA', kind: 'organisation', names: { hy: 'Աֆրիկյան զարգացման բանկ', ru: 'Африканский банк развития', en: 'African Development Bank' } },
  { code: 'XIM', kind: 'organisation', names: { hy: 'Աֆրիկյան արտահանման-ներմուծման բանկ', ru: 'Африканский экспортно-импортный банк', en: 'African Export-Import Bank' } },
  { code: 'XCC', kind: 'organisation', names: { hy: 'Կարիբյան համայնք (CARICOM)', ru: 'Карибское сообщество (КАРИКОМ)', en: 'Caribbean Community (CARICOM)' } },
  { code: 'XCE', kind: 'organisation', names: { hy: 'Եվրոպայի խորհուրդ', ru: 'Совет Европы', en: 'Council of Europe' } },
  { code: 'XCO', kind: 'organisation', names: { hy: 'Արևելյան և Հարավային Աֆրիկայի ընդհանուր շուկա', ru: 'Общий рынок Восточной и Южной Африки', en: 'Common Market for Eastern and Southern Africa' } },
  { code: 'XEC', kind: 'organisation', names: { hy: 'Արևմտյան Աֆրիկայի պետությունների տնտեսական համայնք', ru: 'Экономическое сообщество стран Западной Африки', en: 'Economic Community of West African States' } },
  { code: 'XPO', kind: 'organisation', names: { hy: 'Ինտերպոլ', ru: 'Интерпол', en: 'INTERPOL' } },
  { code: 'XES', kind: 'organisation', names: { hy: 'Արևելյան Կարիբյան պետությունների կազմակերպություն', ru: 'Организация восточнокарибских государств', en: 'Organisation of Eastern Caribbean States' } },
  { code: 'XMP', kind: 'organisation', names: { hy: 'Միջերկրածովյան խորհրդարանական վեհաժողով', ru: 'Парламентская ассамблея Средиземноморья', en: 'Parliamentary Assembly of the Mediterranean' } },
  { code: 'XOM', kind: 'organisation', names: { hy: 'Մալթայի ինքնիշխան օրդեն', ru: 'Мальтийский орден', en: 'Sovereign Military Order of Malta' } },
  { code: 'XDC', kind: 'organisation', names: { hy: 'Հարավաֆրիկյան զարգացման համայնք', ru: 'Сообщество развития Юга Африки', en: 'Southern African Development Community' } },
  { code: 'XXA', kind: 'nationality-status', names: { hy: 'Քաղաքացիություն չունեցող անձ', ru: 'Лицо без гражданства', en: 'Stateless person' } },
  { code: 'XXB', kind: 'nationality-status', names: { hy: 'Փախստական (1951 թ. կոնվենցիա)', ru: 'Беженец (Конвенция 1951 г.)', en: 'Refugee (1951 Convention)' } },
  { code: 'XXC', kind: 'nationality-status', names: { hy: 'Փախստական (այլ)', ru: 'Беженец (иное)', en: 'Refugee (other)' } },
  { code: 'XXX', kind: 'nationality-status', names: { hy: 'Չնշված քաղաքացիություն', ru: 'Гражданство не указано', en: 'Unspecified nationality' } },
  { code: 'UTO', kind: 'specimen', names: { hy: 'Ուտոպիա (նմուշ)', ru: 'Утопия (образец)', en: 'Utopia (specimen)' } },
  { code: 'IAO', kind: 'organisation', names: { hy: 'ICAO (միայն ստորագրման համար)', ru: 'ИКАО (только для подписания)', en: 'ICAO (master-list signing only)' } },
  { code: 'ANT', kind: 'deprecated', names: { hy: 'Նիդեռլանդական Անտիլներ (հնացած)', ru: 'Нидерландские Антильские острова (устар.)', en: 'Netherlands Antilles (deprecated)' } },
  { code: 'NTZ', kind: 'deprecated', names: { hy: 'Չեզոք գոտի (հնացած)', ru: 'Нейтральная зона (устар.)', en: 'Neutral Zone (deprecated)' } },
];

/** Eurasian Economic Union membership (Treaty on the EAEU, 29 May 2014; accession treaties). */
export const EAEU_MEMBERS: Record<string, { from: string }> = {
  BLR: { from: '2015-01-01' },
  KAZ: { from: '2015-01-01' },
  RUS: { from: '2015-01-01' },
  ARM: { from: '2015-01-02' },
  KGZ: { from: '2015-08-12' },
};
