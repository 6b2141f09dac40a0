/**
 * Synthetic PAXLST interchange (invented people and numbers) in the shape airlines send for API:
 * UNA with the default service characters, one message, one flight, three passengers (one crew), a
 * released apostrophe in a surname, an unsupported segment (XYZ) and a booking reference (RFF).
 */
export const PAXLST_SAMPLE = `UNA:+.? '
UNB+UNOA:4+FLYDUBAI:ZZ+AMNSSBG:ZZ+250310:1200+000000042++APIS'
UNG+PAXLST+FLYDUBAI:ZZ+AMNSSBG:ZZ+250310:1200+42+UN+D:02B'
UNH+PAX001+PAXLST:D:02B:UN:IATA+FZ717/250310/1830+01:F'
BGM+745'
NAD+MS+++API CONTACT'
COM+97143000000:TE'
TDT+20+FZ717+++FZ'
LOC+125+DXB'
DTM+189:2503101430:201'
LOC+87+EVN'
DTM+232:2503101830:201'
NAD+FL+++HOVHANNISYAN:ARAM:SAMVELI'
ATT+2++M'
DTM+329:800304'
NAT+2+ARM'
RFF+AVF:QX7Y2Z'
DOC+P:110:111+AT0123456'
DTM+36:300115'
LOC+91+ARM'
NAD+FL+++O?'NEIL:MARY ANN'
ATT+2++F'
DTM+329:921231'
LOC+178+DXB'
LOC+179+EVN'
NAT+2+IRL'
DOC+P:110:111+PD 123-4567'
DTM+36:290701'
LOC+91+IRL'
XYZ+SOMETHING'
NAD+FM+++PETROV:IVAN'
ATT+2++M'
DTM+329:750101'
NAT+2+RUS'
DOC+P:110:111+750000001'
DTM+36:270601'
LOC+91+RUS'
CNT+42:3'
UNT+36+PAX001'
UNE+1+42'
UNZ+1+000000042'
`;

/** Synthetic manifest CSV: BOM, semicolons, quotes, an alias header, and two broken rows (4 and 6). */
export const MANIFEST_CSV_SAMPLE =
  '\uFEFFLast name;Given names;Date of birth;Sex;Nationality;Document number;Document type;Issuing state;Expiry;Flight;Arrival airport;Scheduled arrival\r\n' +
  'HOVHANNISYAN;ARAM;1980-03-04;M;ARM;AT0123456;P;ARM;2030-01-15;FZ 717;EVN;2025-03-10T18:30\r\n' +
  '"O\'NEIL";"MARY ANN";1992-12-31;F;IRL;PD1234567;P;IRL;2029-07-01;FZ717;EVN;2025-03-10 18:30\r\n' +
  'BROKEN;ROW;1992-13-40;Q;ARM;;P;ARM;2029-07-01;FZ717;EVN;2025-03-10T18:30\r\n' +
  'PETROV;IVAN;1975;M;RUS;750000001;P;RUS;2027-06-01;FZ717;EVN;2025-03-10T18:30\r\n' +
  ';NONAME;1975;M;RUS;750000002;P;RUS;2027-06-01;FZ717;EVN;2025-03-10T18:30\r\n';

/** Synthetic lost/stolen/revoked list: BOM, header aliases, a quoted field with a comma, broken rows. */
export const DOCUMENT_CSV_SAMPLE =
  '\uFEFF Document Number , Issuing_State, Type, Status, Date reported\n' +
  'AT0123456,ARM,passport,stolen,2024-11-02\n' +
  '"AB 12-34 567",arm,P,LOST,02.11.2024\n' +
  ',ARM,passport,lost,2024-11-02\n' +
  'AN9999999,ARMENIA,passport,lost,2024-11-02\n' +
  'AK1111111,ARM,passport,misplaced,2024-11-02\n' +
  'AK2222222,ARM,passport,revoked,2024-02-30\n' +
  '"AK3333333,ARM,passport,revoked,2024-02-01\n';
