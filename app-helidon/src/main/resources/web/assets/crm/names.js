// Words people read for the codes the API uses.

const roles = { OWNER: 'Owner', ADMIN: 'Admin', MANAGER: 'Manager', USER: 'User', VIEWER: 'Viewer' };

export function roleName(role) {
  return roles[role] || role;
}

const stageKinds = { OPEN: 'Open', WON: 'Won', LOST: 'Lost' };

export function stageKindName(kind) {
  return stageKinds[kind] || kind;
}

const outcomes = { SUCCESS: 'Done', DENIED: 'Refused', FAILURE: 'Failed' };

export function outcomeName(outcome) {
  return outcomes[outcome] || outcome;
}

/** The full name of a user by id, from a list of users; empty when unknown. */
export function userName(list, id) {
  const u = (list || []).find(x => x.id === id);
  return u ? u.name : '';
}
