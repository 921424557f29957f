import type { CellFormat, Language } from '../../../src-main/contract/index.js';

// How a query's cells read on screen: amounts from whole fen, dates from YYYY-MM-DD, in the
// resident's language. Codes are translated by the caller (`flow.records.value.<code>`).

/** 123456 fen → "1,234.56" (a table cell: the unit is in the column's heading). */
export function formatYuan(fen: number, language: Language): string {
  return (fen / 100).toLocaleString(language === 'zh-CN' ? 'zh-CN' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** 123456 fen → "1,234.56 元" / "¥1,234.56". */
export function formatAmount(fen: number, language: Language): string {
  const yuan = formatYuan(fen, language);
  return language === 'zh-CN' ? `${yuan} 元` : `¥${yuan}`;
}

/** "2026-12-04" → "2026年12月4日" / "4 Dec 2026"; anything else is shown as it came. */
export function formatDate(iso: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (language === 'zh-CN') return `${y}年${mo}月${d}日`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][mo - 1] ?? String(mo);
  return `${d} ${month} ${y}`;
}

/** The yuan of an amount in fen as the voice joiner reads it ("1234.56"). */
export const yuanText = (fen: number): string => (fen / 100).toFixed(2);

/** One cell as text; `code` cells go through `translate`; `bare` amounts leave the unit to the heading. */
export function formatCell(value: string | number | undefined, format: CellFormat, language: Language, translate: (code: string) => string, bare = false): string {
  if (value === undefined) return '';
  switch (format) {
    case 'amount':
      if (typeof value !== 'number') return value;
      return bare ? formatYuan(value, language) : formatAmount(value, language);
    case 'date':
      return typeof value === 'string' ? formatDate(value, language) : String(value);
    case 'code':
      return translate(String(value));
    case 'year':
    case 'count':
    case 'text':
      return String(value);
  }
}
