// The three kinds of record that have a page of their own: where they live in the API and the UI, what they are
// called, and how their edit form maps to a change the API takes.
import { parseNumber } from '/assets/shared/format.js';

function nameOf(type, r) {
  if (type === 'CONTACT') {
    return (r.firstName ? r.firstName + ' ' : '') + r.lastName;
  }
  return type === 'COMPANY' ? r.name : r.title;
}

export const kinds = {
  CONTACT: { resource: 'CONTACTS', base: '/api/contacts/', path: '/contacts/', back: '/contacts', backLabel: 'Contacts', noun: 'contact' },
  COMPANY: { resource: 'COMPANIES', base: '/api/companies/', path: '/companies/', back: '/companies', backLabel: 'Companies', noun: 'company' },
  DEAL: { resource: 'DEALS', base: '/api/deals/', path: '/deals/', back: '/deals', backLabel: 'Deals', noun: 'deal' },
};

export function recordName(type, record) {
  return record ? nameOf(type, record) : '';
}

/** The edit form's fields of a record. */
export function draftOf(type, r) {
  if (type === 'CONTACT') {
    return { firstName: r.firstName || '', lastName: r.lastName || '', email: (r.emails || [])[0] || '', phone: (r.phones || [])[0] || '',
      title: r.title || '', companyId: r.companyId || '', ownerId: r.ownerId || '' };
  }
  if (type === 'COMPANY') {
    return { name: r.name || '', domain: r.domain || '', industry: r.industry || '', ownerId: r.ownerId || '' };
  }
  return { title: r.title || '', value: r.value === null || r.value === undefined ? '' : new Intl.NumberFormat().format(r.value),
    currency: r.currency || 'EUR', expectedCloseDate: r.expectedCloseDate || '', companyId: r.companyId || '', ownerId: r.ownerId || '' };
}

/**
 * The change (a merge patch) the edit form asks for, or { errors } when a field cannot be read; the first email and
 * phone are replaced, any further ones kept.
 */
export function patchOf(type, d, r) {
  if (type === 'CONTACT') {
    const emails = (r.emails || []).slice(1);
    const phones = (r.phones || []).slice(1);
    return { patch: { firstName: d.firstName || null, lastName: d.lastName, emails: d.email ? [d.email].concat(emails) : emails,
      phones: d.phone ? [d.phone].concat(phones) : phones, title: d.title || null, companyId: d.companyId || null, ownerId: d.ownerId || r.ownerId } };
  }
  if (type === 'COMPANY') {
    return { patch: { name: d.name, domain: d.domain || null, industry: d.industry || null, ownerId: d.ownerId || r.ownerId } };
  }
  const value = parseNumber(d.value);
  if (value.error) {
    return { errors: { value: value.error } };
  }
  return { patch: { title: d.title, value: value.value, currency: d.currency, expectedCloseDate: d.expectedCloseDate || null,
    companyId: d.companyId || null, ownerId: d.ownerId || r.ownerId } };
}

/** The patch that puts back what a record was before `patch` changed it. */
export function undoOf(patch, before) {
  const back = {};
  for (const key of Object.keys(patch)) {
    back[key] = before[key] === undefined ? null : before[key];
  }
  return back;
}
