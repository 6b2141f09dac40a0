/**
 * Demo persons for `npm start` (only when demo seeding is on): a small, hand-written, entirely synthetic
 * population — Armenian names with their Russified forms, Russian, Iranian, Georgian, Indian,
 * Syrian-Armenian and Central Asian names, a stateless person, an asylum seeker, a victim of trafficking,
 * a minor — with three planted duplicates for the review queue. No real person is described.
 */
type Kind = 'as-written' | 'document-latin' | 'mrz';
type Doc = [type: 'passport' | 'id_card' | 'travel_document' | 'residence_permit', number: string, issuer: string, issue: string, expiry: string, status?: 'valid' | 'expired' | 'lost' | 'stolen'];

export interface DemoPerson {
  key: string;
  names: [surname: string, given: string, patronymic: string | null, kind: Kind][];
  birth: string | null;
  sex: 'M' | 'F';
  citizenships: string[];
  docs: Doc[];
  region: string | null;
  community?: string;
  phone?: string;
  trafficking?: boolean;
  asylum?: boolean;
}

export const DEMO_PERSONS: DemoPerson[] = [
  { key: 'aram-h', names: [['Հովհաննիսյան', 'Արամ', 'Գագիկի', 'as-written'], ['HOVHANNISYAN', 'ARAM', null, 'document-latin']], birth: '1985-03-14', sex: 'M', citizenships: ['ARM'], docs: [['passport', 'AM1234567', 'ARM', '2019-05-20', '2029-05-19']], region: 'AM-ER', community: 'Արաբկիր', phone: '+374 91 123456' },
  // Planted duplicate: the same man as registered from his Russian documents.
  { key: 'aram-o', names: [['Оганесян', 'Арам', 'Гагикович', 'as-written'], ['OGANESIAN', 'ARAM', null, 'document-latin']], birth: '1985-03-14', sex: 'M', citizenships: ['ARM', 'RUS'], docs: [['passport', '751234567', 'RUS', '2016-02-11', '2026-02-10', 'expired']], region: 'AM-ER', community: 'Yerevan' },
  { key: 'ani-h', names: [['Հովհաննիսյան', 'Անի', 'Արամի', 'as-written'], ['HOVHANNISYAN', 'ANI', null, 'document-latin']], birth: '2015-09-01', sex: 'F', citizenships: ['ARM'], docs: [['passport', 'AM7654321', 'ARM', '2021-06-01', '2026-05-31']], region: 'AM-ER', community: 'Արաբկիր' },
  { key: 'gayane-p', names: [['Պետրոսյան', 'Գայանե', null, 'as-written'], ['PETROSYAN', 'GAYANE', null, 'document-latin']], birth: '1990-07-02', sex: 'F', citizenships: ['ARM'], docs: [['id_card', '004512345', 'ARM', '2020-01-15', '2030-01-14']], region: 'AM-KT', community: 'Հրազդան' },
  // Planted duplicate: year of birth only, Russian-era spelling.
  { key: 'gayane-p2', names: [['Петросян', 'Гаянэ', null, 'as-written'], ['PETROSIAN', 'GAIANE', null, 'document-latin']], birth: '1990', sex: 'F', citizenships: ['ARM'], docs: [], region: 'AM-KT', community: 'Hrazdan' },
  { key: 'armen-p', names: [['Պետրոսյան', 'Արմեն', null, 'as-written'], ['PETROSYAN', 'ARMEN', null, 'document-latin']], birth: '1988-11-23', sex: 'M', citizenships: ['ARM'], docs: [['passport', 'AN0456789', 'ARM', '2018-03-01', '2028-02-28']], region: 'AM-SH', community: 'Գյումրի' },
  { key: 'tigran-s', names: [['Սարգսյան', 'Տիգրան', 'Վաչեի', 'as-written'], ['SARGSYAN', 'TIGRAN', null, 'document-latin']], birth: '1979-01-30', sex: 'M', citizenships: ['ARM'], docs: [['passport', 'AK9988776', 'ARM', '2017-08-08', '2027-08-07']], region: 'AM-ER' },
  // Planted duplicate: the Russified form of Sargsyan, from a Russian residence permit.
  { key: 'tigran-s2', names: [['Саркисян', 'Тигран', 'Ваче', 'as-written'], ['SARKISIAN', 'TIGRAN', null, 'document-latin']], birth: '1979-01-30', sex: 'M', citizenships: ['ARM'], docs: [['residence_permit', '82 0012345', 'RUS', '2015-04-04', '2020-04-03', 'expired']], region: 'AM-ER' },
  { key: 'hovhannes-g', names: [['Գրիգորյան', 'Հովհաննես', null, 'as-written'], ['GRIGORYAN', 'HOVHANNES', null, 'document-latin']], birth: '1969-05-05', sex: 'M', citizenships: ['ARM'], docs: [['passport', 'AL3344556', 'ARM', '2016-10-10', '2026-10-09']], region: 'AM-LO' },
  { key: 'ivan-p', names: [['Петров', 'Иван', 'Сергеевич', 'as-written'], ['PETROV', 'IVAN', null, 'document-latin']], birth: '1978-12-01', sex: 'M', citizenships: ['RUS'], docs: [['passport', '753456789', 'RUS', '2019-12-12', '2029-12-11']], region: 'AM-ER', community: 'Kentron' },
  { key: 'reza-a', names: [['احمدی', 'رضا', null, 'as-written'], ['AHMADI', 'REZA', null, 'document-latin']], birth: '1982-06-21', sex: 'M', citizenships: ['IRN'], docs: [['passport', 'X12345678', 'IRN', '2020-02-02', '2025-02-01', 'expired']], region: 'AM-SU', community: 'Kapan' },
  { key: 'vahe-a', names: [['Աբրահամյան', 'Վահե', null, 'as-written'], ['ABRAHAMIAN', 'VAHE', null, 'document-latin']], birth: '1987', sex: 'M', citizenships: ['IRN', 'ARM'], docs: [['passport', 'Y87654321', 'IRN', '2022-01-01', '2027-01-01']], region: 'AM-ER' },
  { key: 'giorgi-b', names: [['ბერიძე', 'გიორგი', null, 'as-written'], ['BERIDZE', 'GIORGI', null, 'document-latin']], birth: '1975-04-17', sex: 'M', citizenships: ['GEO'], docs: [['passport', '13AB45678', 'GEO', '2021-09-09', '2031-09-08']], region: 'AM-LO', community: 'Vanadzor' },
  { key: 'rahul-s', names: [['Sharma', 'Rahul', null, 'as-written']], birth: '2001-08-15', sex: 'M', citizenships: ['IND'], docs: [['passport', 'T1234567', 'IND', '2019-07-01', '2029-06-30'], ['residence_permit', 'ST0012345', 'ARM', '2023-09-01', '2026-08-31']], region: 'AM-ER', community: 'Yerevan' },
  { key: 'priya-p', names: [['Patel', 'Priya', null, 'as-written']], birth: '2000-02-29', sex: 'F', citizenships: ['IND'], docs: [['passport', 'V7654321', 'IND', '2018-05-05', '2028-05-04']], region: 'AM-ER' },
  { key: 'raffi-k', names: [['Գույումճեան', 'Րաֆֆի', null, 'as-written'], ['KOUYOUMJIAN', 'RAFFI', null, 'document-latin']], birth: '1980-10-10', sex: 'M', citizenships: ['SYR', 'ARM'], docs: [['passport', '011223344', 'SYR', '2012-03-03', '2018-03-02', 'expired']], region: 'AM-ER', community: 'Նոր Նորք' },
  { key: 'dilnoza-k', names: [['Каримова', 'Дилноза', 'Рустамовна', 'as-written'], ['KARIMOVA', 'DILNOZA', null, 'document-latin']], birth: '1992-03-08', sex: 'F', citizenships: ['UZB'], docs: [['passport', 'FA1234567', 'UZB', '2020-11-11', '2030-11-10']], region: 'AM-KT' },
  { key: 'nurlan-a', names: [['Абенов', 'Нурлан', null, 'as-written'], ['ABENOV', 'NURLAN', null, 'document-latin']], birth: '1984-12-16', sex: 'M', citizenships: ['KAZ'], docs: [['passport', 'N12345678', 'KAZ', '2019-01-20', '2029-01-19']], region: 'AM-ER' },
  { key: 'rustam-r', names: [['Рахимов', 'Рустам', null, 'as-written'], ['RAHIMOV', 'RUSTAM', null, 'document-latin']], birth: '1995', sex: 'M', citizenships: ['TJK'], docs: [['passport', '401234567', 'TJK', '2021-04-04', '2031-04-03']], region: 'AM-AR' },
  { key: 'sergey-a', names: [['Ավագյան', 'Սերգեյ', null, 'as-written'], ['Авакян', 'Сергей', null, 'as-written']], birth: '1961-02-02', sex: 'M', citizenships: ['XXA'], docs: [['travel_document', 'SL0001234', 'ARM', '2022-02-02', '2027-02-01']], region: 'AM-KT' },
  // Protected: an asylum seeker (refugee status XXB) and a victim of trafficking.
  { key: 'ahmad-h', names: [['الحسن', 'أحمد', null, 'as-written'], ['ALHASSAN', 'AHMAD', null, 'document-latin']], birth: '1993-05-12', sex: 'M', citizenships: ['XXB'], docs: [], region: 'AM-ER', asylum: true },
  { key: 'natalia-k', names: [['Коваленко', 'Наталья', null, 'as-written'], ['KOVALENKO', 'NATALIA', null, 'document-latin']], birth: '1999-09-19', sex: 'F', citizenships: ['UKR'], docs: [['passport', 'FE123456', 'UKR', '2018-08-18', '2028-08-17', 'stolen']], region: 'AM-ER', trafficking: true },
];
