// What the console shows people instead of the API's codes: states, steps and audited actions in words.

const STATES = {
  PROVISIONING: 'Provisioning',
  READY: 'Ready',
  DEGRADED: 'Degraded',
  SUSPENDED: 'Suspended',
  DELETING: 'Deleting',
  DELETED: 'Deleted',
  FAILED: 'Failed',
  NEW: 'New',
  CONTACTED: 'Contacted',
  QUALIFIED: 'Qualified',
  CONVERTED: 'Converted',
  REJECTED: 'Rejected',
  UNCONFIRMED: 'Unconfirmed',
  PENDING: 'Waiting',
  RUNNING: 'Running',
  DONE: 'Done',
};

const STEPS = {
  DATABASE: 'Database',
  SECRETS: 'Keys and secrets',
  WORKLOAD: 'Workload',
  DNS: 'Host name',
  WAIT_HEALTHY: 'First health check',
  SEED: 'Owner account',
  INVITATION: 'Invitation mail',
  REMOVE_WORKLOAD: 'Remove the workload',
  REMOVE_DNS: 'Remove the host name',
  DROP_DATABASE: 'Drop the database',
  REMOVE_SECRETS: 'Remove keys and secrets',
};

const ACTIONS = {
  'admin.create': 'added a platform account',
  'auth.login': 'signed in',
  'auth.login.locked': 'was refused sign-in after too many attempts',
  'auth.password.change': 'changed their password',
  'auth.password.reset': 'reset their password',
  'auth.password.reset.request': 'asked for a password reset',
  'auth.password.set': 'set their password',
  'auth.refresh.reuse': 'reused an old session (all sessions ended)',
  'user.create': 'created a platform account',
  'user.deactivate': 'deactivated a platform account',
  'user.reactivate': 'reactivated a platform account',
  'user.update': 'changed a platform account',
  'backup.create': 'backed up',
  'backup.list': 'listed backups',
  'backup.prune': 'removed old backups',
  'backup.read': 'read a backup',
  'backup.restore': 'restored a backup',
  'demo-request.contact': 'marked a demo request contacted',
  'demo-request.create': 'received a demo request',
  'demo-request.hold': 'held a repeated demo request',
  'demo-request.list': 'listed demo requests',
  'demo-request.merge': 'merged a confirmed repeat into its demo request',
  'demo-request.qualify': 'qualified a demo request',
  'demo-request.read': 'read a demo request',
  'demo-request.reject': 'rejected a demo request',
  'instance.convert': 'converted a demo request into an instance',
  'instance.delete': 'asked to delete an instance',
  'instance.deleted': 'finished deleting an instance',
  'instance.failed': 'gave up provisioning an instance',
  'instance.health': 'read health checks',
  'instance.history': 'read an instance history',
  'instance.list': 'listed instances',
  'instance.orphan-removed': 'removed a workload no instance owns',
  'instance.plan': 'changed a plan',
  'instance.provisioning': 'read provisioning steps',
  'instance.read': 'read an instance',
  'instance.ready': 'finished provisioning an instance',
  'instance.resume': 'resumed an instance',
  'instance.retry': 'retried provisioning',
  'instance.signing-key.rotate': 'rotated an instance signing key',
  'instance.state': 'changed an instance state',
  'instance.suspend': 'suspended an instance',
  'instance.url': 'changed an instance address',
  'platform.signing-key.rotate': 'rotated the console signing key',
  'subscription.expire': 'ended an expired trial',
  'subscription.list': 'listed subscriptions',
};

/** "READY" → "Ready"; an unknown state in sentence case. */
export function stateName(state) {
  if (!state) {
    return '';
  }
  return STATES[state] || sentence(state);
}

export function stepName(step) {
  return STEPS[step] || sentence(step);
}

/** "instance.suspend" → "suspended an instance". */
export function actionWords(action) {
  if (ACTIONS[action]) {
    return ACTIONS[action];
  }
  return sentence(String(action).replace(/[.-]/g, ' ')).toLowerCase();
}

/** A size in bytes as people read it: "812 bytes", "14 KB", "3.2 MB". */
export function size(bytes) {
  const n = Number(bytes) || 0;
  if (n < 1000) {
    return n + (n === 1 ? ' byte' : ' bytes');
  }
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = n / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value = value / 1000;
    unit = unit + 1;
  }
  const digits = value < 10 ? 1 : 0;
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(value) + ' ' + units[unit];
}

/** A duration in milliseconds: "640 ms", "2.4 s", "1 min 5 s". */
export function took(millis) {
  if (millis === null || millis === undefined) {
    return '';
  }
  if (millis < 1000) {
    return Math.round(millis) + ' ms';
  }
  if (millis < 60000) {
    return new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(millis / 1000) + ' s';
  }
  const minutes = Math.floor(millis / 60000);
  return minutes + ' min ' + Math.round((millis % 60000) / 1000) + ' s';
}

function sentence(code) {
  const text = String(code).replace(/_/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
