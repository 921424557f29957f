import { DEMO_ID_CARD, DEMO_SSC_CARD, type IdCardData, type SscCardData } from '../../drivers/index.js';
import { CANARY_RESIDENT, DEMO_RESIDENTS } from '../county/reference/seed.js';

// The cards the emulated readers hold for the reference backend's residents: the same ID number, card number
// and name on the social-security card, the ID card and the county's record, so a demo or a test can run a
// whole flow. The card application PIN is the same demo PIN on every card.

/** The demo cards' application PIN (a resident "knows" it for the PIN change). */
export const DEMO_CARD_PIN = '147258';

/** One demo resident's pair of cards. */
export interface DemoCards {
  key: string;
  ssc: SscCardData;
  id: IdCardData;
}

type Resident = { ref: string; id: string; name: string; card: string };

function cardsOf(key: string, r: Resident): DemoCards {
  const birth = r.id.slice(6, 14);
  const ssc: SscCardData = { ...DEMO_SSC_CARD, cardNumber: r.card, ssn: r.id, name: r.name, birthDate: birth, pin: DEMO_CARD_PIN };
  const id: IdCardData = { ...DEMO_ID_CARD, name: r.name, idNumber: r.id, birth };
  return { key, ssc, id };
}

/** Demo residents by key (`demo1`…`demo4`), and `canary` for the canary tests. */
export const DEMO_CARDS: Record<string, DemoCards> = Object.fromEntries([
  ...DEMO_RESIDENTS.map((r, i) => [`demo${i + 1}`, cardsOf(`demo${i + 1}`, r)] as const),
  ['canary', cardsOf('canary', CANARY_RESIDENT)] as const,
]);
