// The API's filter language (field[op]:value, values as JSON literals, terms joined by ',') to and from the rows of
// the filter builder.

export const OPERATORS = {
  eq: 'is',
  ne: 'is not',
  prefix: 'starts with',
  lt: 'before / less than',
  lte: 'on or before / at most',
  gt: 'after / more than',
  gte: 'on or after / at least',
};

/** Rows [{ field, op, value }] → "tags[eq]:\"vip\",value[gte]:1000". Numbers stay numbers. */
export function toFilter(rows, fields) {
  return rows.map(row => {
    const field = fields.find(f => f.field === row.field);
    if (field && field.type === 'number' && row.value !== '' && !Number.isNaN(Number(row.value))) {
      return row.field + '[' + row.op + ']:' + Number(row.value);
    }
    if (field && field.type === 'bool') {
      return row.field + '[' + row.op + ']:' + (String(row.value) === 'true');
    }
    // a day picked for a moment in time: that day's start, in UTC
    const text = field && field.type === 'instant' ? row.value + 'T00:00:00Z' : String(row.value);
    return row.field + '[' + row.op + ']:' + JSON.stringify(text);
  }).join(',');
}

/** The reverse, for a filter read from the URL; terms of fields the builder does not know are left out. */
export function fromFilter(text, fields) {
  const rows = [];
  const pattern = /([\w.]+)\[(\w+)\]:("(?:[^"\\]|\\.)*"|[^,]*)/g;
  let match = pattern.exec(text);
  while (match) {
    const field = fields.find(f => f.field === match[1]);
    if (field && field.ops.includes(match[2])) {
      const raw = match[3];
      const value = raw.startsWith('"') ? JSON.parse(raw) : raw;
      rows.push({ field: match[1], op: match[2], value: field.type === 'instant' ? String(value).slice(0, 10) : value });
    }
    match = pattern.exec(text);
  }
  return rows;
}
