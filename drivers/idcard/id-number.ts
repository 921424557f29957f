// GB 11643 citizen ID number: 17 digits and an ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Computes the MOD 11-2 check character of 17 digits; undefined if the input is not 17 digits. */
export function idCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11];
}

/** True if the 18-character ID number is well formed and its check character matches (lower-case x accepted). */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  return idCheckChar(id.slice(0, 17)) === id.slice(17).toUpperCase();
}
