import { qualifiers, type Qualifier } from '../vocabulary';

// Figures keep the report's own digits (no thousands separators), so "15623" reads and searches as printed.
const numberFormat = new Intl.NumberFormat('zh-CN', { useGrouping: false, maximumFractionDigits: 2 });
const dateFormat = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Shanghai' });

export const formatNumber = (value: number) => numberFormat.format(value);

/** 2024-03-01 → "2024年3月1日". */
export const formatDate = (date: Date) => dateFormat.format(date);

/** A day written as the content files write it, for messages that show the form. */
export const dayExample = '2025-03-01';

/** The machine-readable form for `<time datetime>`. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A figure as the report writes it: "超过10.7万家", "6000余人次", "90%以上". */
export function formatFigure({ value, unit, qualifier }: { value: number; unit: string; qualifier?: Qualifier | undefined }) {
	const number = formatNumber(value);
	if (!qualifier) return number + unit;
	// 余 sits between number and unit (6000余人次); 以上 follows the unit (90%以上).
	if (qualifiers[qualifier] === 'before') return qualifier + number + unit;
	return qualifier === '余' ? number + qualifier + unit : number + unit + qualifier;
}

/** "3 / 12". */
export const formatCount = (done: number, total: number) => `${formatNumber(done)} / ${formatNumber(total)}`;

/** 0.25 → "25%". */
export const formatPercent = (ratio: number) => `${Math.round(ratio * 100)}%`;
