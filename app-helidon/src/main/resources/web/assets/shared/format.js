// How the CRM and the console show values to people: in the browser's locale, never as raw ISO text.

const locale = undefined; // the browser's own

/** An amount of money, e.g. "€25,000.00" or "25.000,00 €" depending on the browser; `whole`: without cents (an axis). */
export function money(amount, currency, whole) {
  const digits = whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency || 'EUR', ...digits });
  return format.format(Number(amount || 0));
}

/** A calendar date (an ISO date or instant) as the browser writes dates, e.g. "12 Mar 2025". */
export function date(value) {
  if (!value) {
    return '';
  }
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value + 'T00:00:00') : new Date(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(parsed);
}

/** A moment as the browser writes date and time, e.g. "12 Mar 2025, 14:05". */
export function dateTime(value) {
  if (!value) {
    return '';
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** A span of seconds in words: "7 minutes", "about 2 hours", "a few seconds". */
export function duration(seconds) {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  if (s < 45) {
    return 'a few seconds';
  }
  const minutes = Math.round(s / 60);
  if (minutes < 60) {
    return minutes === 1 ? '1 minute' : minutes + ' minutes';
  }
  const hours = Math.round(minutes / 60);
  if (hours < 24) {
    return hours === 1 ? 'about an hour' : 'about ' + hours + ' hours';
  }
  const days = Math.round(hours / 24);
  return days === 1 ? 'a day' : days + ' days';
}

/** "in 7 minutes" / "3 days ago" for a moment, relative to now. */
export function relative(value) {
  const seconds = (new Date(value).getTime() - Date.now()) / 1000;
  const words = duration(Math.abs(seconds));
  return seconds >= 0 ? 'in ' + words : words + ' ago';
}

/** The group and decimal separators of the browser's locale, e.g. { group: ',', decimal: '.' }. */
export function separators() {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const group = (parts.find(p => p.type === 'group') || { value: ',' }).value;
  const decimal = (parts.find(p => p.type === 'decimal') || { value: '.' }).value;
  return { group, decimal };
}

/**
 * A number typed by a person, read the way the browser's locale writes numbers ("12,500" is twelve thousand
 * five hundred where ',' groups digits). Returns { value } (null for an empty field) or { error } with a sentence
 * to show; never turns what it cannot read into 0.
 */
export function parseNumber(text) {
  const raw = String(text === undefined || text === null ? '' : text).trim();
  if (raw === '') {
    return { value: null };
  }
  const { group, decimal } = separators();
  const spaced = group.trim() === '' ? /[\s\u00a0\u202f]/g : null;
  let digits = raw.replace(spaced || new RegExp('\\' + group, 'g'), '');
  if (spaced === null) {
    digits = digits.replace(/[\s\u00a0\u202f]/g, '');
  }
  const groupsWellPlaced = spaced !== null || !raw.includes(group) || new RegExp('^-?\\d{1,3}(\\' + group + '\\d{3})*(\\' + decimal + '\\d*)?$').test(raw);
  digits = digits.replace(decimal, '.');
  if (!groupsWellPlaced || !/^-?\d+(\.\d+)?$/.test(digits)) {
    const example = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(12500.5);
    return { error: 'Enter a number, such as ' + example + '.' };
  }
  return { value: Number(digits) };
}

/** A calendar month (an ISO date, any day of it) as the browser names months, e.g. "Mar 2026". */
export function month(value) {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' }).format(new Date(value + 'T00:00:00'));
}

/** A percentage given as 0–100, e.g. "42.5 %" or "42,5 %" depending on the browser. */
export function percent(value) {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(Number(value || 0) / 100);
}

/** A count in the browser's digits, e.g. "1,234". */
export function count(value) {
  return new Intl.NumberFormat(locale).format(Number(value || 0));
}
