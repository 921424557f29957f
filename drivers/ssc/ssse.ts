import { buildApdu } from './apdu.js';
import type { RecordLayout } from './layout.js';
import type { SscReaderProtocol } from './protocol.js';
import { EF05_TAGS, EF06_TAGS, bcdDate, paddedText, parseTlv, sexOf, type SocialSecurityCard } from './record.js';

/** "sx1.sh." followed by 社会保障 in GBK. */
export const SSSE_AID = Buffer.from('7378312E73682EC9E7BBE1B1A3D5CF', 'hex');
export const EF05 = 0xef05;
export const EF06 = 0xef06;

/** SELECT the SSSE application by name; CardError FILE_NOT_FOUND when the card has none. */
export async function selectSsse(p: SscReaderProtocol): Promise<void> {
  await p.transmitOk(buildApdu({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x00, data: SSSE_AID }));
}

/** SELECT an elementary file by ID (EF05, EF06); CardError FILE_NOT_FOUND. */
export async function selectEf(p: SscReaderProtocol, fid: number): Promise<void> {
  await p.transmitOk(buildApdu({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x00, data: Buffer.of(fid >> 8, fid & 0xff) }));
}

/**
 * READ RECORD by tag (P1 = tag, P2 = 04; *unconfirmed* addressing from
 * public code). With a layout, Le is the record's known size, so a clean
 * read is one exchange; without one (or when the card differs) the card
 * corrects Le through 6CXX, and the layout learns the size it gave.
 * CardError RECORD_NOT_FOUND or BAD_RECORD.
 */
export async function readTag(p: SscReaderProtocol, tag: number, layout?: RecordLayout): Promise<Buffer> {
  const data = await p.transmitOk(buildApdu({ cla: 0, ins: 0xb2, p1: tag, p2: 0x04, le: layout?.le(tag) ?? 256 }));
  const value = parseTlv(tag, data);
  layout?.learn(tag, value.length);
  return value;
}

/** Reads EF05 and EF06 into a typed record (Le from `layout` when given); CardError for any status word or malformed record. */
export async function readSsseRecord(p: SscReaderProtocol, layout?: RecordLayout): Promise<SocialSecurityCard> {
  const read = (tag: number) => readTag(p, tag, layout);
  await selectEf(p, EF05);
  const cardId = (await read(EF05_TAGS.cardId)).toString('hex').toUpperCase();
  const specVersion = paddedText(EF05_TAGS.specVersion, await read(EF05_TAGS.specVersion), false);
  const issueDate = bcdDate(EF05_TAGS.issueDate, await read(EF05_TAGS.issueDate));
  const expiryDate = bcdDate(EF05_TAGS.expiryDate, await read(EF05_TAGS.expiryDate));
  const cardNumber = paddedText(EF05_TAGS.cardNumber, await read(EF05_TAGS.cardNumber), false);
  await selectEf(p, EF06);
  const ssn = paddedText(EF06_TAGS.ssn, await read(EF06_TAGS.ssn), false);
  const name = paddedText(EF06_TAGS.name, await read(EF06_TAGS.name), true);
  const sex = sexOf(await read(EF06_TAGS.sex));
  const birthDate = bcdDate(EF06_TAGS.birthDate, await read(EF06_TAGS.birthDate));
  return { cardId, specVersion, issueDate, expiryDate, cardNumber, ssn, name, sex, birthDate };
}
