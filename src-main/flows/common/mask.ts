// Masking for the screen: enough for a resident to recognise their card, too little to identify them.

/** 张三明 → 张*明, 张三 → 张*, 王 → 王*; Latin names keep their first and last letter. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 2) return `${chars[0] ?? ''}*`;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 6))}${chars.at(-1)}`;
}

/** A9876543 → ****6543: the last four characters behind four stars. */
export function maskTail(value: string): string {
  const clean = value.replace(/[^0-9A-Za-z]/g, '');
  return `****${clean.slice(-4)}`;
}
