import type { SocialSecurityCard } from '../../../drivers/index.js';

/**
 * The account digits a resident's PIN blocks are bound to (the ISO 9564
 * format 0 PAN field): the social-security number without its check
 * character, 17 digits. The county HSM derives the same from the resident
 * record (src-main/county/reference/hsm.ts). Undefined if the number is not
 * 17 digits and a check character.
 */
export function pinAccountDigits(ssn: string): string | undefined {
  return /^\d{17}[\dXx]$/.test(ssn) ? ssn.slice(0, 17) : undefined;
}

/** Whether the ID card and the social-security card name the same person (the numbers agree; x and X alike). */
export function samePerson(idNumber: string, ssn: string): boolean {
  return idNumber.trim().toUpperCase() === ssn.trim().toUpperCase();
}

/** The resident's card as a flow keeps it (in memory only; dropped when the flow ends). */
export interface FlowCard {
  name: string;
  cardNumber: string;
  ssn: string;
  /** The PIN blocks' account digits (`pinAccountDigits`); '' when the card has none. */
  account: string;
}

export function toFlowCard(c: SocialSecurityCard): FlowCard {
  return { name: c.name, cardNumber: c.cardNumber, ssn: c.ssn, account: pinAccountDigits(c.ssn) ?? '' };
}
