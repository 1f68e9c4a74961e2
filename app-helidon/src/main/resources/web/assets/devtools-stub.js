// vue-router imports the devtools API; LiteDesk ships without devtools.
export function setupDevtoolsPlugin() {}
